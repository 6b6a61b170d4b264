//! Which shape a plan's goals take, and the headings that name a goal.

use crate::import::plan_lines::{heading, is_delimiter_row, item, plain, row, unmark};

use super::fields::goal_column;

/// Which shape the plan's goals take; the first found wins, so a section heading in a plan
/// of goal tables stays a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    GoalHeadings,
    Tables,
    FocusPoints,
    HeadingBullets,
    Bullets,
}

pub(super) const SKIPPED: &[&str] = &[
    "notes",
    "overview",
    "summary",
    "reflection",
    "background",
    "context",
    "strengths",
    "references",
    "resources",
    "table of contents",
    "contents",
];

/// A heading that names a goal: its title.
pub(super) fn goal_heading(text: &str) -> Option<String> {
    let p = plain(text);
    let lower = p.to_lowercase();
    let word = [
        "current goal",
        "focus point",
        "focus area",
        "focus",
        "goal",
        "objective",
    ]
    .into_iter()
    .find(|w| lower.starts_with(w))?;
    let rest = p
        .get(word.len()..)?
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '#');
    let title = rest
        .trim_start_matches([':', '—', '–', '-', '.', ')'])
        .trim();
    if word == "current goal" {
        return Some(title.to_string());
    }
    (rest.starts_with([':', '—', '–', '-', '.', ')']) && !title.is_empty()).then(|| unmark(title).0)
}

pub(super) fn is_north_star(key: &str) -> bool {
    matches!(
        plain(key).to_lowercase().trim(),
        "north star" | "northstar" | "north-star"
    )
}

/// The shape of a plan's body.
pub(super) fn detect(body: &[&str]) -> Shape {
    let headings = || body.iter().filter_map(|l| heading(l));
    if headings().any(|(_, t)| goal_heading(t).is_some()) {
        return Shape::GoalHeadings;
    }
    if body.windows(2).any(|w| {
        row(w[0]).is_some_and(|h| goal_column(&h).is_some())
            && row(w[1]).is_some_and(|d| is_delimiter_row(&d))
    }) {
        return Shape::Tables;
    }
    let focus = body.windows(2).any(|w| {
        let next_is_sub = item(w[1]).is_some_and(|i| i.indent >= 2);
        let numbered = item(w[0]).is_some_and(|i| i.numbered && i.indent == 0);
        let bold =
            w[0].trim().starts_with("**") && w[0].trim().ends_with("**") && item(w[1]).is_some();
        (numbered && next_is_sub) || bold
    });
    if focus {
        return Shape::FocusPoints;
    }
    let mut level2 = false;
    for (i, line) in body.iter().enumerate() {
        if let Some((level, text)) = heading(line) {
            let skipped = SKIPPED.contains(&plain(text).to_lowercase().as_str());
            let bullets = body[i + 1..]
                .iter()
                .take_while(|l| heading(l).is_none())
                .any(|l| item(l).is_some());
            level2 |= level >= 2 && !skipped && bullets;
        }
    }
    if level2 {
        Shape::HeadingBullets
    } else {
        Shape::Bullets
    }
}
