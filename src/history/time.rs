//! How git dates are read: a commit's time in its own time zone, and the day it names.

use chrono::{DateTime, FixedOffset, NaiveDate};

/// A git time in the time zone it was recorded in (an offset git cannot express is UTC).
pub fn commit_time(when: &git2::Time) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(when.offset_minutes() * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
    DateTime::from_timestamp(when.seconds(), 0)
        .unwrap_or_default()
        .with_timezone(&offset)
}

/// The day of a git time in its own time zone: how commits are dated everywhere.
pub fn author_day(when: &git2::Time) -> NaiveDate {
    commit_time(when).date_naive()
}
