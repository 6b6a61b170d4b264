//! A growth plan from a plan written before growth: the shapes people already use become
//! goals, and everything else stays, word for word, as free Markdown in the new plan.
//!
//! - headings that name a goal or focus (`Goal 1: …`, `Focus area: …`, `Current Goal`), or,
//!   when there are none, headings with bullets under them: a goal each, the bullets its
//!   actions;
//! - numbered or bold focus points with bullets under them;
//! - GFM tables with a Goal column (Next steps / Actions, Success measures / Measure,
//!   Timeline / Due / Deadline, Support);
//! - `North Star:` / `Current Goal:` lines, or sections of that name;
//! - when nothing else is there, the bullets (or ✔ lines) of a list of goals;
//! - ✓ ✔ √, `[x]` and ~~strikethrough~~ mark a goal or action done; `Timeline: Q2 2026`,
//!   `by June` and the like become ISO due dates ([`super::horizon`]).

use chrono::NaiveDate;

mod fields;
mod shape;

use super::plan_lines::{
    heading, is_delimiter_row, item, key_value, marked_line, plain, row, unmark,
};
use fields::goal_column;
use shape::{goal_heading, is_north_star, Shape, SKIPPED};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Action {
    pub text: String,
    pub done: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Goal {
    pub title: String,
    pub measure: Option<String>,
    pub due: Option<NaiveDate>,
    pub resources: Option<String>,
    pub why: Option<String>,
    pub done: bool,
    pub actions: Vec<Action>,
    /// Lines of the goal's section that are none of the above, kept as they were.
    pub notes: Vec<String>,
}

/// In document order: free Markdown, or a goal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Free(String),
    Goal(Goal),
}

#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub north_star: Option<String>,
    pub owner: Option<String>,
    pub pieces: Vec<Piece>,
    pub guesses: Vec<String>,
}

impl Imported {
    pub fn goals(&self) -> impl Iterator<Item = &Goal> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Goal(g) => Some(g),
            Piece::Free(_) => None,
        })
    }
}

struct Walker<'a> {
    lines: Vec<&'a str>,
    at: usize,
    today: NaiveDate,
    out: Imported,
}

pub fn import(text: &str, today: NaiveDate) -> Imported {
    let mut w = Walker {
        lines: text.lines().collect(),
        at: 0,
        today,
        out: Imported::default(),
    };
    w.front_matter();
    let shape = shape::detect(&w.lines[w.at..]);
    w.out.guesses.push(format!(
        "the goals are {}",
        match shape {
            Shape::GoalHeadings => "the headings that name a goal or focus",
            Shape::Tables => "the rows of the tables with a Goal column",
            Shape::FocusPoints => "the numbered or bold focus points",
            Shape::HeadingBullets =>
                "the headings with bullets under them (the bullets are actions)",
            Shape::Bullets => "the items of the plan's list",
        }
    ));
    w.walk(shape);
    w.out
}

impl Walker<'_> {
    fn free(&mut self, line: &str) {
        self.out.pieces.push(Piece::Free(line.to_string()));
    }

    /// A front matter block the plan already has is kept, as a fenced block.
    fn front_matter(&mut self) {
        let Some(fence) = self
            .lines
            .first()
            .map(|l| l.trim())
            .filter(|l| *l == "---" || *l == "+++")
        else {
            return;
        };
        let Some(end) = self.lines.iter().skip(1).position(|l| l.trim() == fence) else {
            return;
        };
        let block: Vec<String> = self.lines[1..=end].iter().map(|l| l.to_string()).collect();
        self.free("```text");
        for line in block {
            self.free(&line);
        }
        self.free("```");
        self.out
            .guesses
            .push("the front matter it had is kept as a text block".into());
        self.at = end + 2;
    }

    fn walk(&mut self, shape: Shape) {
        let mut fenced = false;
        while self.at < self.lines.len() {
            let line = self.lines[self.at];
            self.at += 1;
            if line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~") {
                fenced = !fenced;
                self.free(line);
                continue;
            }
            if fenced {
                self.free(line);
                continue;
            }
            if let Some((level, text)) = heading(line) {
                self.heading(shape, level, text, line);
                continue;
            }
            if let Some((key, value)) = key_value(line) {
                if is_north_star(&key) && !value.is_empty() && self.out.north_star.is_none() {
                    self.out.north_star = Some(value);
                    continue;
                }
                if key == "current goal" && !value.is_empty() {
                    let goal = Goal {
                        title: unmark(&value).0,
                        ..Goal::default()
                    };
                    self.goal_body(goal, usize::MAX, true);
                    continue;
                }
                if matches!(key.as_str(), "owner" | "name")
                    && self.out.owner.is_none()
                    && !value.is_empty()
                {
                    self.out.owner = Some(value.trim_matches(['*', '_']).to_string());
                }
            }
            if shape == Shape::Tables {
                if let (Some(header), Some(next)) =
                    (row(line), self.lines.get(self.at).and_then(|l| row(l)))
                {
                    if goal_column(&header).is_some() && is_delimiter_row(&next) {
                        self.table(&header);
                        continue;
                    }
                }
            }
            if shape == Shape::FocusPoints {
                if let Some(goal) = self.focus_point(line) {
                    self.goal_body(goal, 0, true);
                    continue;
                }
            }
            if shape == Shape::Bullets {
                let as_goal = item(line)
                    .filter(|i| i.indent == 0)
                    .map(|i| (i.text, i.done))
                    .or_else(|| marked_line(line).map(|t| (t, true)));
                if let Some((title, done)) = as_goal.filter(|(t, _)| !t.is_empty()) {
                    let mut goal = Goal {
                        title,
                        done,
                        ..Goal::default()
                    };
                    // Indented items under a goal are its actions.
                    while let Some(sub) = (self.lines.get(self.at))
                        .and_then(|l| item(l))
                        .filter(|i| i.indent > 0 && !i.text.is_empty())
                    {
                        goal.actions.push(Action {
                            text: sub.text,
                            done: sub.done,
                        });
                        self.at += 1;
                    }
                    self.out.pieces.push(Piece::Goal(goal));
                    continue;
                }
            }
            self.free(line);
        }
    }

    fn heading(&mut self, shape: Shape, level: usize, text: &str, line: &str) {
        if is_north_star(text) && self.out.north_star.is_none() {
            let paragraph = self.paragraph();
            if !paragraph.is_empty() {
                self.out.north_star = Some(paragraph);
                return;
            }
        }
        let title = match shape {
            Shape::GoalHeadings => goal_heading(text),
            Shape::HeadingBullets
                if level >= 2 && !SKIPPED.contains(&plain(text).to_lowercase().as_str()) =>
            {
                let bullets = self.lines[self.at..]
                    .iter()
                    .take_while(|l| heading(l).is_none())
                    .any(|l| item(l).is_some());
                bullets.then(|| unmark(text).0)
            }
            _ => None,
        };
        match title {
            Some(t) if t.is_empty() => {
                // `## Current Goal` with the goal as its first paragraph.
                let title = self.paragraph();
                self.goal_body(
                    Goal {
                        title,
                        ..Goal::default()
                    },
                    level,
                    false,
                );
            }
            Some(title) => self.goal_body(
                Goal {
                    title,
                    ..Goal::default()
                },
                level,
                false,
            ),
            None => self.free(line),
        }
    }

    /// The next paragraph's lines joined (blank lines before it skipped), consumed.
    fn paragraph(&mut self) -> String {
        while self.lines.get(self.at).is_some_and(|l| l.trim().is_empty()) {
            self.at += 1;
        }
        let mut words = Vec::new();
        while let Some(l) = self
            .lines
            .get(self.at)
            .filter(|l| !l.trim().is_empty() && heading(l).is_none())
        {
            words.push(l.trim().trim_start_matches('>').trim().to_string());
            self.at += 1;
        }
        words.join(" ")
    }

    /// An action that ends in an informal horizon, `(by June)`, gets the due marker growth
    /// reads after it: `(by June) (due 2026-06-30)`.
    fn action_due(&mut self, text: String) -> String {
        let Some(open) = text.trim_end().strip_suffix(')').and_then(|t| t.rfind('(')) else {
            return text;
        };
        let inner = text.trim_end()[open + 1..text.trim_end().len() - 1].trim();
        let horizon = inner
            .strip_prefix("by ")
            .or_else(|| inner.strip_prefix("due "));
        let Some(horizon) = horizon.filter(|h| crate::decode::parse_date(h.trim()).is_err()) else {
            return text;
        };
        match super::horizon::date(horizon, self.today) {
            Some(d) => {
                self.out
                    .guesses
                    .push(format!("due {d} for the action `{text}`"));
                format!("{} (due {d})", text.trim_end())
            }
            None => text,
        }
    }

    /// `1. **Title** …` with bullets under it, or a `**Title**` line followed by bullets.
    fn focus_point(&self, line: &str) -> Option<Goal> {
        let next = self.lines.get(self.at).copied().unwrap_or("");
        let t = line.trim();
        let title = if let Some(i) = item(line).filter(|i| i.numbered && i.indent == 0) {
            let bold = i.text.starts_with("**");
            if !bold && item(next).is_none_or(|n| n.indent < 2) {
                return None;
            }
            i.text
        } else if t.starts_with("**") && t.ends_with("**") && t.len() > 4 && item(next).is_some() {
            t.to_string()
        } else {
            return None;
        };
        let title = title.trim_matches(['*', '_', ' ']).replace("**", "");
        let title = goal_heading(&title).unwrap_or(title);
        Some(Goal {
            title: unmark(&title).0,
            ..Goal::default()
        })
    }

    /// Reads a goal's section: until a heading of `level` or above (`usize::MAX`: until the
    /// first line that is neither a list item nor `Key: value`; `list_only`: until the
    /// first unindented line that is not a list item).
    fn goal_body(&mut self, mut goal: Goal, level: usize, list_only: bool) {
        while let Some(line) = self.lines.get(self.at).copied() {
            if let Some((l, _)) = heading(line) {
                if l <= level || list_only {
                    break;
                }
            }
            let is_item = item(line).is_some();
            let next_point = item(line).is_some_and(|i| i.numbered && i.indent == 0)
                || (line.trim().starts_with("**")
                    && line.trim().ends_with("**")
                    && line.trim().len() > 4);
            if list_only && next_point {
                break;
            }
            if list_only
                && !line.trim().is_empty()
                && !is_item
                && !line.starts_with([' ', '\t'])
                && key_value(line).is_none()
            {
                break;
            }
            if list_only
                && line.trim().is_empty()
                && self
                    .lines
                    .get(self.at + 1)
                    .is_none_or(|n| item(n).is_none())
            {
                break;
            }
            self.at += 1;
            if let Some((key, value)) = key_value(line) {
                if self.field(&mut goal, &key, &value) {
                    continue;
                }
            }
            match item(line) {
                Some(i) if !i.text.is_empty() => {
                    let text = self.action_due(i.text);
                    goal.actions.push(Action { text, done: i.done });
                }
                _ => goal.notes.push(line.to_string()),
            }
        }
        while goal.notes.last().is_some_and(|l| l.trim().is_empty()) {
            goal.notes.pop();
        }
        self.out.pieces.push(Piece::Goal(goal));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indented_items_under_a_goal_of_a_list_are_its_actions() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let imported = import(
            "# 2026\n\n- Learn Go\n  - [x] Tour of Go\n  - Write a CLI\n- Ship it\n",
            today,
        );
        let goals: Vec<(&str, Vec<(&str, bool)>)> = imported
            .goals()
            .map(|g| {
                (
                    g.title.as_str(),
                    g.actions
                        .iter()
                        .map(|a| (a.text.as_str(), a.done))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            goals,
            [
                (
                    "Learn Go",
                    vec![("Tour of Go", true), ("Write a CLI", false)]
                ),
                ("Ship it", vec![])
            ]
        );
    }

    /// A fixed seed and no failure files, as in tests/fuzz.rs: the same cases on every run.
    #[test]
    fn any_text_imports_without_a_panic_and_keeps_its_words() {
        let mut runner = crate::testing::runner(2_000, 5);
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let line = "(#{0,3} |- |  \\* |1\\. |\\*\\*|\\| |✔ |~~|> )?[a-zA-Zİ✓Q2 :|*~\\-]{0,24}";
        let strategy = proptest::collection::vec(line, 0..12);
        runner
            .run(&strategy, |lines| {
                let text = lines.join("\n");
                let imported = import(&text, today);
                let rendered = crate::import::plan_out::render(&imported, "Jane Doe", today);
                for word in text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.len() > 3)
                {
                    let structure = ["goal", "focus", "north", "star", "current", "objective"];
                    if !structure.iter().any(|s| word.to_lowercase().contains(s)) {
                        proptest::prop_assert!(
                            rendered.contains(word),
                            "{word:?} lost from {text:?}"
                        );
                    }
                }
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{e}"));
    }
}
