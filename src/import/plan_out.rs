//! The Markdown plan an import becomes: front matter (owner, period, north star), then the
//! original's free Markdown and the goals in the order they came, each goal with its
//! metadata block, its kept lines and its actions.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::plan::{Goal, Imported, Piece};

/// The plan's period: the half-year holding `today`, stretched to the latest due date.
pub fn period(imported: &Imported, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first_half = today.month() <= 6;
    let ymd = |m, d| NaiveDate::from_ymd_opt(today.year(), m, d).unwrap_or(today);
    let (start, end) = if first_half {
        (ymd(1, 1), ymd(6, 30))
    } else {
        (ymd(7, 1), ymd(12, 31))
    };
    let latest = imported.goals().filter_map(|g| g.due).max();
    (start, latest.map_or(end, |d| d.max(end)))
}

pub fn render(imported: &Imported, owner: &str, today: NaiveDate) -> String {
    let (start, end) = period(imported, today);
    let mut out = String::from("---\n");
    let _ = writeln!(out, "owner: {}", quote(owner));
    let _ = writeln!(out, "period: {{ start: {start}, end: {end} }}");
    if let Some(star) = &imported.north_star {
        let _ = writeln!(out, "north_star: {}", quote(star));
    }
    out.push_str("---\n");
    let mut after_goal = false;
    for piece in &imported.pieces {
        match piece {
            // Lines that became fields leave their blank neighbours: one blank line is kept.
            Piece::Free(line)
                if line.trim().is_empty() && (out.ends_with("\n\n") || after_goal) => {}
            Piece::Free(line) => {
                if after_goal {
                    out.push('\n');
                    after_goal = false;
                }
                out.push_str(line);
                out.push('\n');
            }
            Piece::Goal(goal) => {
                if !out.ends_with("\n\n") {
                    out.push('\n');
                }
                goal_text(&mut out, goal);
                after_goal = true;
            }
        }
    }
    out
}

fn goal_text(out: &mut String, goal: &Goal) {
    let _ = writeln!(out, "## Goal: {}", goal.title.replace('\n', " "));
    let mut meta = Vec::new();
    if let Some(m) = &goal.measure {
        meta.push(format!("measure: {}", quote(m)));
    }
    if let Some(d) = goal.due {
        meta.push(format!("due: {d}"));
    }
    if let Some(w) = &goal.why {
        meta.push(format!("why: {}", quote(w)));
    }
    if let Some(r) = &goal.resources {
        meta.push(format!("resources: {}", quote(r)));
    }
    if goal.done {
        meta.push("status: done".into());
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "\n```yaml\n{}\n```", meta.join("\n"));
    }
    if goal.notes.iter().any(|l| !l.trim().is_empty()) {
        out.push('\n');
        let first = goal
            .notes
            .iter()
            .position(|l| !l.trim().is_empty())
            .unwrap_or(0);
        for line in &goal.notes[first..] {
            out.push_str(line);
            out.push('\n');
        }
    }
    if !goal.actions.is_empty() {
        out.push_str("\n### Actions\n");
        for a in &goal.actions {
            let _ = writeln!(out, "- [{}] {}", if a.done { 'x' } else { ' ' }, a.text);
        }
    }
}

fn quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}
