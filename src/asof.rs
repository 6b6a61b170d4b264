//! The one place that decides "as of": which day's plans a run looks at, and which day its
//! clock says it is.
//!
//! - `--until D` (a date, or a revision's date) looks at the plans *as they were* at the end
//!   of D: the last committed version of each plan on or before D, its events up to D. The
//!   work tree, uncommitted changes included, is what the plans are "now".
//! - `--today D` (also `GROWTH_TODAY`) only sets the clock: what is overdue, expired, stale
//!   or dated in the future is measured against it.
//! - Without `--today`, a view of the past keeps the clock of that day, so re-running a
//!   review as of its date shows what the review saw, not what is stale since.

use chrono::NaiveDate;

/// The clock: `--today` (`GROWTH_TODAY`) when given, else the local date. A long-running
/// process (the language server) asks again for each check, so it does not stop at the day
/// it started.
pub fn today(given: Option<NaiveDate>) -> NaiveDate {
    given.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// When a run looks at the plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AsOf {
    /// The date "overdue", "expired", "stale" and "in the future" are measured against.
    pub today: NaiveDate,
    /// The day whose plans are shown, when that is before "now"; `None` shows the work tree.
    pub until: Option<NaiveDate>,
}

impl AsOf {
    /// Now: the work tree, with the clock at `today` (`--today`, or the local date).
    pub fn now(today: NaiveDate) -> AsOf {
        AsOf { today, until: None }
    }

    /// As of `until`, with the clock `--today` when given, else `until` when it is in the past,
    /// else the local date `now`.
    pub fn at(given_today: Option<NaiveDate>, until: Option<NaiveDate>, now: NaiveDate) -> AsOf {
        let present = given_today.unwrap_or(now);
        match until {
            Some(day) if day < present => AsOf {
                today: given_today.unwrap_or(day),
                until: Some(day),
            },
            _ => AsOf::now(present),
        }
    }

    /// Whether the plans are seen as they were on an earlier day (not the work tree).
    pub fn is_past(&self) -> bool {
        self.until.is_some()
    }

    /// Whether something that happened on `date` had happened as of this view.
    pub fn has_happened(&self, date: NaiveDate) -> bool {
        self.until.is_none_or(|u| date <= u)
    }

    /// A stated date as it counts towards activity: capped at the clock, since an entry in
    /// the file cannot have been written later than today.
    pub fn capped(&self, date: NaiveDate) -> NaiveDate {
        date.min(self.today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn until_in_the_past_keeps_its_own_clock() {
        let as_of = AsOf::at(None, Some(d("2026-03-15")), d("2026-06-01"));
        assert_eq!(as_of.today, d("2026-03-15"));
        assert!(as_of.is_past());
        assert!(as_of.has_happened(d("2026-03-15")));
        assert!(!as_of.has_happened(d("2026-03-16")));
    }

    #[test]
    fn today_only_sets_the_clock() {
        let as_of = AsOf::at(
            Some(d("2026-06-01")),
            Some(d("2026-03-15")),
            d("2026-12-02"),
        );
        assert_eq!(as_of.today, d("2026-06-01"));
        assert_eq!(as_of.until, Some(d("2026-03-15")));
        let as_of = AsOf::at(Some(d("2026-06-01")), None, d("2026-12-02"));
        assert_eq!(as_of, AsOf::now(d("2026-06-01")));
    }

    #[test]
    fn until_today_or_later_is_the_work_tree() {
        let as_of = AsOf::at(None, Some(d("2026-07-01")), d("2026-06-01"));
        assert_eq!(as_of, AsOf::now(d("2026-06-01")));
        assert!(!as_of.is_past());
    }
}
