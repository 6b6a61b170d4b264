//! `cadence:`: the check-in rhythm a person committed to, on a goal or for the whole plan.
//!
//! `weekly`, `biweekly`, `monthly`, `every N days`, `every N weeks`. A month is a calendar
//! month (a check-in on the 31st is next due on the last day of the month after), so
//! "monthly" does not drift by the length of February.

use std::fmt;

use chrono::{Months, NaiveDate};
use serde::Serialize;

/// How often check-ins are due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(into = "String")]
pub enum Cadence {
    /// Every so many days (weekly is 7).
    Days(u32),
    /// Every so many calendar months.
    Months(u32),
}

/// The longest rhythm accepted: a check-in a year apart is no rhythm, and the bound keeps
/// date arithmetic far from overflow.
const MAX_DAYS: u32 = 366;

impl Cadence {
    /// Reads a cadence as written; the error is the message for the finding.
    pub fn parse(text: &str) -> Result<Cadence, String> {
        let words: Vec<String> = text
            .split_whitespace()
            .map(str::to_ascii_lowercase)
            .collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let cadence = match words.as_slice() {
            ["daily"] => Cadence::Days(1),
            ["weekly"] => Cadence::Days(7),
            ["biweekly" | "fortnightly"] => Cadence::Days(14),
            ["monthly"] => Cadence::Months(1),
            ["every", n, unit] => {
                let n: u32 = n
                    .parse()
                    .ok()
                    .filter(|n| (1..=MAX_DAYS).contains(n))
                    .ok_or_else(|| {
                        format!(
                            "`{}`: N in `every N {unit}` is a whole number from 1",
                            text.trim()
                        )
                    })?;
                match *unit {
                    "day" | "days" => Cadence::Days(n),
                    "week" | "weeks" if n * 7 <= MAX_DAYS => Cadence::Days(n * 7),
                    "month" | "months" if n <= 12 => Cadence::Months(n),
                    _ => return Err(unknown(text)),
                }
            }
            _ => return Err(unknown(text)),
        };
        Ok(cadence)
    }

    /// The day a check-in is next due after one on `last`.
    pub fn next_after(self, last: NaiveDate) -> NaiveDate {
        match self {
            Cadence::Days(n) => last + chrono::Days::new(u64::from(n)),
            Cadence::Months(n) => last
                .checked_add_months(Months::new(n))
                .unwrap_or(NaiveDate::MAX),
        }
    }
}

/// When a goal's next check-in is due, by its cadence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NextCheckin {
    pub cadence: Cadence,
    /// The latest check-in dated up to today; `None` when there is none yet.
    pub last: Option<NaiveDate>,
    /// The day the next one is due: a cadence after the last, or after the period start.
    pub due: NaiveDate,
}

impl super::Plan {
    /// When `goal`'s next check-in is due as of `today`, or `None` when no cadence applies or
    /// the plan has no period to count a first check-in from. An entry dated after today is
    /// not counted: it has not happened yet.
    pub fn next_checkin(&self, goal: &super::Goal, today: NaiveDate) -> Option<NextCheckin> {
        let cadence = self.cadence_of(goal)?;
        let last = goal
            .checkins
            .iter()
            .map(|c| c.date.value)
            .filter(|d| *d <= today)
            .max();
        let from = last.or_else(|| self.period.as_ref().map(|p| p.start.value))?;
        Some(NextCheckin {
            cadence,
            last,
            due: cadence.next_after(from),
        })
    }
}

fn unknown(text: &str) -> String {
    format!(
        "`{}` is not a cadence: write weekly, biweekly, monthly, `every N days` or `every N weeks`",
        text.trim()
    )
}

impl fmt::Display for Cadence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Cadence::Days(1) => f.write_str("daily"),
            Cadence::Days(7) => f.write_str("weekly"),
            Cadence::Days(14) => f.write_str("biweekly"),
            Cadence::Days(n) if n % 7 == 0 => write!(f, "every {} weeks", n / 7),
            Cadence::Days(n) => write!(f, "every {n} days"),
            Cadence::Months(1) => f.write_str("monthly"),
            Cadence::Months(n) => write!(f, "every {n} months"),
        }
    }
}

impl From<Cadence> for String {
    fn from(c: Cadence) -> String {
        c.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn every_written_form_reads_and_prints_back() {
        for (text, cadence, shown) in [
            ("weekly", Cadence::Days(7), "weekly"),
            ("Biweekly", Cadence::Days(14), "biweekly"),
            ("monthly", Cadence::Months(1), "monthly"),
            ("every 10 days", Cadence::Days(10), "every 10 days"),
            ("every 3 weeks", Cadence::Days(21), "every 3 weeks"),
            ("every 1 week", Cadence::Days(7), "weekly"),
        ] {
            assert_eq!(Cadence::parse(text), Ok(cadence), "{text}");
            assert_eq!(cadence.to_string(), shown);
        }
    }

    #[test]
    fn anything_else_says_what_to_write() {
        assert_eq!(
            Cadence::parse("sometimes"),
            Err("`sometimes` is not a cadence: write weekly, biweekly, monthly, `every N days` or `every N weeks`".into())
        );
        assert_eq!(
            Cadence::parse("every 0 days"),
            Err("`every 0 days`: N in `every N days` is a whole number from 1".into())
        );
        assert!(Cadence::parse("every 99999999999 weeks").is_err());
        assert!(Cadence::parse("every 100 weeks").is_err());
    }

    #[test]
    fn a_month_is_a_calendar_month() {
        assert_eq!(
            Cadence::Months(1).next_after(date("2026-01-31")),
            date("2026-02-28")
        );
        assert_eq!(
            Cadence::Days(7).next_after(date("2026-03-01")),
            date("2026-03-08")
        );
    }
}
