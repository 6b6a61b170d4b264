//! Goal fields from `Key: value` lines and goal tables: which keys and columns mean a due
//! date, a measure, support, a status or next steps.

use super::{Action, Goal, Piece, Walker};
use crate::import::horizon;
use crate::import::plan_lines::{plain, row, unmark};

impl Walker<'_> {
    /// A `Key: value` line that sets a goal field; `false` when the key is none of them.
    pub(super) fn field(&mut self, goal: &mut Goal, key: &str, value: &str) -> bool {
        if value.is_empty() {
            return false;
        }
        match key {
            "timeline" | "due" | "deadline" | "by" | "target date" | "when" | "due date"
            | "target timeline" | "target" => match horizon::date(value, self.today) {
                Some(d) => {
                    self.out
                        .guesses
                        .push(format!("due {d} for `{}` from \"{value}\"", goal.title));
                    goal.due = Some(d);
                    goal.notes.push(format!("{}: {value}", capital(key)));
                }
                None => return false,
            },
            "success metric" | "success metrics" | "success measure" | "success measures"
            | "measure" | "measures" | "metric" | "success criteria" | "kpi" => {
                goal.measure = Some(value.to_string())
            }
            "support" | "resources" | "support needed" | "resources needed" => {
                goal.resources = Some(value.to_string())
            }
            "why" | "why it matters" => goal.why = Some(value.to_string()),
            "status" => {
                let v = value.to_lowercase();
                goal.done |= ["done", "complete", "completed", "achieved"]
                    .iter()
                    .any(|w| v.contains(w))
                    || unmark(value).1;
                goal.notes.push(format!("Status: {value}"));
            }
            "next steps" | "actions" | "steps" | "next step" => {
                goal.actions.extend(split_actions(value))
            }
            _ => return false,
        }
        true
    }

    pub(super) fn table(&mut self, header: &[String]) {
        let columns: Vec<String> = header.iter().map(|c| plain(c).to_lowercase()).collect();
        let title_at = goal_column(header).unwrap_or(0);
        self.at += 1; // the delimiter row
        while let Some(cells) = self.lines.get(self.at).and_then(|l| row(l)) {
            self.at += 1;
            let Some(title) = cells
                .get(title_at)
                .map(|t| unmark(t))
                .filter(|(t, _)| !t.is_empty())
            else {
                continue;
            };
            let mut goal = Goal {
                title: title.0.replace("**", ""),
                done: title.1,
                ..Goal::default()
            };
            for (i, cell) in cells.iter().enumerate() {
                if i == title_at || cell.is_empty() {
                    continue;
                }
                let key = columns.get(i).cloned().unwrap_or_default();
                if !self.field(&mut goal, &key, cell) {
                    goal.notes.push(format!(
                        "{}: {cell}",
                        header.get(i).map_or("", |h| h.as_str())
                    ));
                }
            }
            self.out.pieces.push(Piece::Goal(goal));
        }
    }
}

pub(super) fn goal_column(header: &[String]) -> Option<usize> {
    header.iter().position(|c| {
        matches!(
            plain(c).to_lowercase().as_str(),
            "goal"
                | "goals"
                | "objective"
                | "objectives"
                | "focus"
                | "focus area"
                | "development goal"
                | "goal name"
        )
    })
}

fn split_actions(value: &str) -> Vec<Action> {
    value
        .split("<br>")
        .flat_map(|p| p.split(['•', ';']))
        .map(|p| p.trim().trim_start_matches(['-', '*']).trim())
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (text, done) = unmark(p);
            Action { text, done }
        })
        .collect()
}

fn capital(key: &str) -> String {
    let mut c = key.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
