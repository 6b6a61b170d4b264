//! Mechanical fixes: what `growth lint --fix` writes and `growth lint --diff` shows.
//!
//! A fix is offered only where there is one right answer — a misspelt key, level or
//! competency with a near-enough known name, a year-first date in another shape — and it is a
//! byte-precise replacement of a span the reader found, so every other byte (line endings, a
//! BOM, comments, spacing) stays as written. Fixes are applied in order of position; one that
//! overlaps an earlier one is dropped rather than guessed about. The result is parsed again
//! and kept only when it reads at least as well as the original: a rename that makes a
//! duplicate key, say, is refused for the whole file.

use chrono::NaiveDate;

use crate::plan::ParsedPlan;
use crate::problem::ProblemKind;
use crate::source::Span;

/// Replace the bytes of `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fix {
    pub span: Span,
    pub replacement: String,
}

/// A text with fixes applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    /// How many of the fixes were applied (overlapping and no-op ones are not).
    pub applied: usize,
}

/// Applies the fixes that do not overlap an earlier one (by start, then end), in one pass.
pub fn apply<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> Fixed {
    let mut fixes: Vec<&Fix> = fixes.into_iter().collect();
    fixes.sort_by_key(|f| (f.span.start, f.span.end));
    fixes.dedup();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut applied = 0;
    for fix in fixes {
        let Span { start, end } = fix.span;
        // A span that is not on character boundaries did not come from the reader; and a
        // fix that touches bytes another one changed has no defined meaning.
        if start < at || end < start || text.get(start..end).is_none() {
            continue;
        }
        if text[start..end] == fix.replacement {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(&fix.replacement);
        at = end;
        applied += 1;
    }
    out.push_str(&text[at..]);
    Fixed { text: out, applied }
}

/// Whether the fixed plan reads at least as well as the original: no more structural
/// problems (GR001) and no fewer goals (GR006), so a fix never trades one finding for a
/// file that says less.
pub fn reads_as_well(before: &ParsedPlan, after: &ParsedPlan) -> bool {
    let broken = |p: &ParsedPlan| {
        p.problems
            .iter()
            .filter(|p| p.kind.code() == "GR001" || p.kind == ProblemKind::Unreadable)
            .count()
    };
    let goals = |p: &ParsedPlan| p.plan.as_ref().map_or(0, |p| p.goals.len());
    after.plan.is_some() == before.plan.is_some()
        && broken(after) <= broken(before)
        && goals(after) >= goals(before)
}

/// The ISO form of a date written year first with `-`, `/` or `.` and one- or two-digit
/// month and day (`2026/05/31`, `2026-5-31`, `2026.05.31`), when it is a real date and not
/// already ISO. Day-first and month-first forms (`05/06/2026`) are ambiguous: `None`.
pub fn iso_date(text: &str) -> Option<String> {
    let sep = text.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let parts: Vec<&str> = text.split(sep).collect();
    let [year, month, day] = parts[..] else {
        return None;
    };
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(year, 4..=4) || !digits(month, 1..=2) || !digits(day, 1..=2) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)?;
    let iso = date.format("%Y-%m-%d").to_string();
    (iso != text).then_some(iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(start: usize, end: usize, with: &str) -> Fix {
        Fix {
            span: Span::new(start, end),
            replacement: with.to_string(),
        }
    }

    #[test]
    fn fixes_apply_in_order_and_overlaps_are_dropped() {
        let text = "mesure: a\r\ndue: 2026/5/31\r\n";
        let fixes = [
            fix(16, 25, "2026-05-31"),
            fix(0, 6, "measure"),
            fix(3, 8, "x"),
        ];
        let fixed = apply(text, &fixes);
        assert_eq!(fixed.text, "measure: a\r\ndue: 2026-05-31\r\n");
        assert_eq!(fixed.applied, 2);
    }

    #[test]
    fn spans_off_character_boundaries_and_no_ops_are_skipped() {
        let text = "\u{feff}é: x";
        let fixed = apply(text, &[fix(4, 5, "e"), fix(5, 6, ":")]);
        assert_eq!(fixed.text, text);
        assert_eq!(fixed.applied, 0);
    }

    #[test]
    fn only_year_first_dates_are_rewritten() {
        assert_eq!(iso_date("2026/05/31").as_deref(), Some("2026-05-31"));
        assert_eq!(iso_date("2026-5-31").as_deref(), Some("2026-05-31"));
        assert_eq!(iso_date("2026.5.1").as_deref(), Some("2026-05-01"));
        for not in [
            "2026-05-31",
            "05/06/2026",
            "31/05/2026",
            "2026/02/30",
            "2026/05-31",
            "2026/005/31",
            "26/05/31",
            "next week",
            "2026/05/31/1",
            "",
        ] {
            assert_eq!(iso_date(not), None, "{not}");
        }
    }

    #[test]
    fn a_rename_that_makes_a_duplicate_key_does_not_read_as_well() {
        let before = crate::plan::parse_str(
            "plan.yaml",
            "owner: Jane\nperiod: { start: 2026-01-01, end: 2026-06-30 }\ngoals:\n  - title: Run reviews\n    mesure: a\n    measure: b\n",
        );
        let fixes: Vec<Fix> = before
            .problems
            .iter()
            .filter_map(|p| {
                Some(Fix {
                    span: p.span,
                    replacement: p.replacement.clone()?,
                })
            })
            .collect();
        assert_eq!(fixes.len(), 1);
        let fixed = apply(before.file.text(), &fixes);
        let after = crate::plan::parse_str("plan.yaml", fixed.text);
        assert!(!reads_as_well(&before, &after));
    }
}
