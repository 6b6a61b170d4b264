//! Informal horizons as ISO dates: "2026-06-30", "Q2 2026", "H1", "by June", "June —
//! September 2026", "end of year", "2027". A horizon is its last day (the end of the quarter,
//! the half, the month, the year); one without a year is the next such day on or after the
//! as-of date, so "by June" written in November means next June.

use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The date `text` names, if it names one.
pub fn date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let lower = text.to_lowercase();
    // An ISO date wins: the last one written (the end of a range).
    let iso = lower
        .split(|c: char| !c.is_ascii_digit() && c != '-')
        .filter_map(|w| NaiveDate::parse_from_str(w.trim_matches('-'), "%Y-%m-%d").ok())
        .next_back();
    if iso.is_some() {
        return iso;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let year_at = |i: usize| -> Option<i32> {
        let w = words.get(i)?;
        (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())).then(|| w.parse().ok())?
    };
    let explicit_year = words.iter().enumerate().rev().find_map(|(i, _)| year_at(i));
    // The last horizon word decides; a year after it (or anywhere) applies.
    for (i, w) in words.iter().enumerate().rev() {
        let end = if let Some(q) = w
            .strip_prefix('q')
            .and_then(|q| q.parse::<u32>().ok())
            .filter(|q| (1..=4).contains(q))
        {
            Some(q * 3)
        } else if let Some(h) = w
            .strip_prefix('h')
            .and_then(|h| h.parse::<u32>().ok())
            .filter(|h| (1..=2).contains(h))
        {
            Some(h * 6)
        } else if w.len() >= 3 && w.chars().all(char::is_alphabetic) {
            MONTHS
                .iter()
                .position(|m| w.starts_with(m) && (w.len() == 3 || is_month_name(w)))
                .map(|m| m as u32 + 1)
        } else {
            None
        };
        if let Some(month) = end {
            let year = year_at(i + 1).or(explicit_year);
            return Some(resolve(month, year, today));
        }
    }
    if lower.contains("end of year") || words.contains(&"eoy") || lower.contains("end of the year")
    {
        return Some(last_of_month(today.year(), 12));
    }
    explicit_year.map(|y| last_of_month(y, 12))
}

fn is_month_name(w: &str) -> bool {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    NAMES.contains(&w) || w == "sept"
}

/// The last day of `month` in `year`, or without a year the next one on or after `today`.
fn resolve(month: u32, year: Option<i32>, today: NaiveDate) -> NaiveDate {
    match year {
        Some(y) => last_of_month(y, month),
        None => {
            let this = last_of_month(today.year(), month);
            if this >= today {
                this
            } else {
                last_of_month(today.year() + 1, month)
            }
        }
    }
}

fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn horizons_are_their_last_day() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let d = |s: &str| date(s, today).map(|d| d.to_string());
        assert_eq!(d("2026-05-15").as_deref(), Some("2026-05-15"));
        assert_eq!(d("Q2 2026").as_deref(), Some("2026-06-30"));
        assert_eq!(d("q4").as_deref(), Some("2026-12-31"));
        assert_eq!(d("H1").as_deref(), Some("2026-06-30"));
        assert_eq!(d("H2 2027").as_deref(), Some("2027-12-31"));
        assert_eq!(d("by June").as_deref(), Some("2026-06-30"));
        assert_eq!(d("by February").as_deref(), Some("2027-02-28"));
        assert_eq!(d("June — September 2026").as_deref(), Some("2026-09-30"));
        assert_eq!(d("Sept").as_deref(), Some("2026-09-30"));
        assert_eq!(d("end of year").as_deref(), Some("2026-12-31"));
        assert_eq!(d("2027").as_deref(), Some("2027-12-31"));
        assert_eq!(d("Q3-Q4").as_deref(), Some("2026-12-31"));
        assert_eq!(d("soon"), None);
        assert_eq!(d("Mayhem"), None);
    }
}
