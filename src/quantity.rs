//! Quantities in targets, baselines and check-in values: a number and its unit, so progress
//! is measured only between values that measure the same thing, and a change of target is
//! judged after converting both sides to one scale.
//!
//! **Which number.** The first number in the text that is a quantity, not a name: digits
//! glued to a letter or to another number are names or versions (`p95`, `H2`, `Q3`, `1:1`,
//! `v1.2.3`, `3rd`, `#42`), and so are dates, ranges and fractions (`2026-03-01`, `3-5`,
//! `2/17`). So `p95 below 400 ms` is 400 ms and `ship in H2` is no quantity. A comma is a
//! thousands separator only before three digits (`1,200`); `12,5` is ambiguous and is not
//! read. Numbers too large for a float (`1e400`) are rejected, not made infinite.
//!
//! **Which unit.** The word right after the number, glued (`400ms`, `25%`) or not
//! (`400 ms`, `25 percent`):
//! - a percentage: `%`, `percent`, `per cent`, `pct`;
//! - clock time: `µs`, `ms`, `s`/`sec`/`seconds`, `min`/`minutes`, `h`/`hr`/`hours`;
//! - calendar time: `d`/`days`, `wk`/`weeks`, `fortnight`;
//! - otherwise a counted noun (`12 PRs`, `4 updates`, `3 1:1s`, `3 new hires`), compared
//!   singular to plural and case-insensitively;
//! - no unit when no word follows, or when the word is a function word (`3 of 5`,
//!   `at most 5`, `3 out of 4`, `2 more`) or says where the count stands rather than what is
//!   counted (`3 done`, `2 approved`, `1 so far`). `15+ tickets` is 15 tickets.
//!
//! **Clock and calendar time are two families.** Milliseconds to hours convert among
//! themselves, and days to weeks, but hours are never converted to days: in a growth plan
//! "2 days" is as often two working days of effort as 48 hours of elapsed time, and a
//! percentage built on the wrong guess is worse than none. A check-in in hours against a
//! target in days is reported (GR211) so the plan can say which it means.
//!
//! **Compatibility.** Two quantities compare when their units are of one family (converted
//! to a common scale) or the same noun. A bare number is in the unit of whatever it is
//! compared with: the spec says a check-in value "is in the unit of the goal's target", so
//! `[3]` against `4 updates` is 3 updates. Anything else is incompatible: `[80%]` against
//! `4 updates`, `[3 PRs]` against `400 ms`.

use std::fmt;

/// A number and its unit, as read from a target, baseline or check-in value.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The number in its own unit (`0.5` for `0.5 s`); always finite.
    pub value: f64,
    pub unit: Unit,
}

/// What a number counts or measures.
///
/// Derived equality is structural (`PRs` and `PR` are different values); whether two units
/// measure the same thing is [`Unit::compatible`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// A bare number (`3`, `at most 5`, `3 of 5`): in the unit of what it is compared with.
    Bare,
    /// `25%`, `25 percent`.
    Percent,
    /// Elapsed clock time: microseconds to hours.
    Clock(Clock),
    /// Calendar time: days and weeks.
    Calendar(Calendar),
    /// Things counted: `12 PRs`, `3 new hires`, `3 1:1s`.
    Count(Noun),
}

/// A unit of clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    Microsecond,
    Millisecond,
    Second,
    Minute,
    Hour,
}

/// A unit of calendar time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Day,
    Week,
    Fortnight,
}

/// A counted noun: its word, and the next one when it is part of the name (`new hires`,
/// `design docs`), so `[1 hire]` matches a target of `3 new hires`. Kept as written, for
/// messages; compared lower-cased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noun {
    words: Vec<String>,
}

impl Noun {
    /// Whether the two name the same thing: some word of one is some word of the other,
    /// singular or plural (`PR`/`PRs`, `story`/`stories`, `process`/`processes`, `1:1`/`1:1s`).
    pub fn matches(&self, other: &Noun) -> bool {
        self.words
            .iter()
            .any(|a| other.words.iter().any(|b| same_noun(a, b)))
    }
}

impl Unit {
    /// Whether values in the two units can be compared: a bare number with anything, the
    /// same family, or the same noun.
    pub fn compatible(&self, other: &Unit) -> bool {
        match (self, other) {
            (Unit::Bare, _) | (_, Unit::Bare) => true,
            (Unit::Percent, Unit::Percent)
            | (Unit::Clock(_), Unit::Clock(_))
            | (Unit::Calendar(_), Unit::Calendar(_)) => true,
            (Unit::Count(a), Unit::Count(b)) => a.matches(b),
            _ => false,
        }
    }

    /// The size of one unit on its family's common scale: microseconds for clock time, days
    /// for calendar time, 1 otherwise. Whole numbers, so the ratio of two is exact.
    fn scale(&self) -> f64 {
        match self {
            Unit::Clock(c) => match c {
                Clock::Microsecond => 1.0,
                Clock::Millisecond => 1_000.0,
                Clock::Second => 1_000_000.0,
                Clock::Minute => 60_000_000.0,
                Clock::Hour => 3_600_000_000.0,
            },
            Unit::Calendar(c) => match c {
                Calendar::Day => 1.0,
                Calendar::Week => 7.0,
                Calendar::Fortnight => 14.0,
            },
            Unit::Bare | Unit::Percent | Unit::Count(_) => 1.0,
        }
    }

    pub fn is_bare(&self) -> bool {
        matches!(self, Unit::Bare)
    }
}

/// As messages name it: `%`, `milliseconds`, `days`, a noun as written (`PRs`), or
/// `no unit` for a bare number.
impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unit::Bare => f.write_str("no unit"),
            Unit::Percent => f.write_str("%"),
            Unit::Clock(c) => f.write_str(match c {
                Clock::Microsecond => "microseconds",
                Clock::Millisecond => "milliseconds",
                Clock::Second => "seconds",
                Clock::Minute => "minutes",
                Clock::Hour => "hours",
            }),
            Unit::Calendar(c) => f.write_str(match c {
                Calendar::Day => "days",
                Calendar::Week => "weeks",
                Calendar::Fortnight => "fortnights",
            }),
            Unit::Count(noun) => f.write_str(&noun.words.join(" ")),
        }
    }
}

impl Quantity {
    /// Reads the first quantity in a text (see the module documentation), or `None` when
    /// there is none or its number is not finite.
    pub fn parse(text: &str) -> Option<Quantity> {
        let mut from = 0;
        while let Some(start) = candidate(text, from) {
            match read(text, start) {
                Read::Quantity(q) => return Some(q),
                Read::Name(end) => from = end,
                Read::Invalid => return None,
            }
        }
        None
    }

    /// This value on the other's scale (`0.5 s` in the unit of `400 ms` is 500), or `None`
    /// when the units are incompatible or the result is not finite. A bare number on either
    /// side is taken to be in the other's unit, so its value is unchanged.
    pub fn in_unit_of(&self, other: &Quantity) -> Option<f64> {
        if !self.unit.compatible(&other.unit) {
            return None;
        }
        let value = match (&self.unit, &other.unit) {
            (Unit::Bare, _) | (_, Unit::Bare) => self.value,
            // By the exact whole ratio of the two scales, so `90 min` is exactly 1.5 h and a
            // large value does not overflow on the way to a result that fits.
            (from, to) if from.scale() >= to.scale() => self.value * (from.scale() / to.scale()),
            (from, to) => self.value / (to.scale() / from.scale()),
        };
        value.is_finite().then_some(value)
    }
}

/// Whether a target went down: both texts read as quantities in compatible units and the
/// new one is smaller once on the old one's scale. `25%` → `15%` is lowered; `400 ms` →
/// `0.5 s` is not (it is 500 ms); `4 updates` → `80%` compares nothing.
pub fn lowered(from: &str, to: &str) -> bool {
    let (Some(from), Some(to)) = (Quantity::parse(from), Quantity::parse(to)) else {
        return false;
    };
    to.in_unit_of(&from).is_some_and(|t| t < from.value)
}

/// Whether a target's bar went down, in the goal's direction: for a goal that counts up
/// (`lowered`), a smaller target; for one that counts down, where the baseline is above the
/// target (latency from `900 ms` to `400 ms`), a larger one (`400 ms` → `500 ms`).
pub fn bar_lowered(from: &str, to: &str, baseline: Option<&str>) -> bool {
    let (Some(old), Some(new)) = (Quantity::parse(from), Quantity::parse(to)) else {
        return false;
    };
    let Some(new) = new.in_unit_of(&old) else {
        return false;
    };
    let counts_down = baseline
        .and_then(Quantity::parse)
        .and_then(|b| b.in_unit_of(&old))
        .is_some_and(|b| b > old.value);
    if counts_down {
        new > old.value
    } else {
        new < old.value
    }
}

/// What reading at one position found.
enum Read {
    Quantity(Quantity),
    /// Not a quantity (a name, a date, a range): scanning goes on from this byte.
    Name(usize),
    /// A number too large to be finite: the text has no usable quantity.
    Invalid,
}

/// Characters that make a number right after them part of a name or a compound: `p95`,
/// `1.2.3`, `1:1`, `2/17`, `2026-03-01`, `#42`, `C++11`, `snake_1`.
fn glues(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | ':' | '/' | '#' | '-' | '–' | '+' | '\'')
}

/// The byte where the next number may start, at or after `from`: a digit, or a sign or a
/// decimal point directly before one, not glued to what precedes it.
fn candidate(text: &str, from: usize) -> Option<usize> {
    let mut prev = text[..from].chars().next_back();
    let mut chars = text[from..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_digit = chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        let free = !prev.is_some_and(glues);
        let starts = c.is_ascii_digit() || (matches!(c, '-' | '−' | '+' | '.') && next_is_digit);
        if free && starts {
            return Some(from + i);
        }
        prev = Some(c);
    }
    None
}

/// The end of the whitespace-delimited token that holds byte `at`.
fn token_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i)
}

fn digits_at(text: &str, at: usize) -> usize {
    text[at..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(text.len() - at, |n| n)
}

fn read(text: &str, start: usize) -> Read {
    let bytes = text.as_bytes();
    let mut number = String::new();
    let mut at = start;
    // The sign: ASCII or the Unicode minus (3 bytes).
    if text[at..].starts_with('−') {
        number.push('-');
        at += '−'.len_utf8();
    } else if matches!(bytes[at], b'-' | b'+') {
        number.push(bytes[at] as char);
        at += 1;
    }
    let whole = digits_at(text, at);
    number.push_str(&text[at..at + whole]);
    at += whole;
    // Thousands: a comma and exactly three digits.
    while bytes.get(at) == Some(&b',') && digits_at(text, at + 1) == 3 {
        number.push_str(&text[at + 1..at + 4]);
        at += 4;
    }
    if bytes.get(at) == Some(&b'.') && digits_at(text, at + 1) > 0 {
        let n = digits_at(text, at + 1);
        number.push_str(&text[at..at + 1 + n]);
        at += 1 + n;
    }
    // An exponent, `1e308`, when nothing but digits follows the `e`.
    if matches!(bytes.get(at), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(bytes.get(at + 1), Some(b'-' | b'+')));
        let n = digits_at(text, at + 1 + sign);
        let after = text[at + 1 + sign + n..].chars().next();
        if n > 0 && !after.is_some_and(char::is_alphabetic) {
            number.push_str(&text[at..at + 1 + sign + n]);
            at += 1 + sign + n;
        }
    }
    let rest = &text[at..];
    let mut after = rest.chars();
    let (first, second) = (after.next(), after.next());
    // `1:1`, `2/17`, `3-5`, `2026-03-01`, `1.2.3`, `12,5`: a compound, not a quantity.
    if matches!(first, Some(':' | '/' | '-' | '–' | '.' | ','))
        && second.is_some_and(|c| c.is_ascii_digit())
    {
        return Read::Name(token_end(text, at));
    }
    let Ok(value) = number.parse::<f64>() else {
        return Read::Name(token_end(text, at));
    };
    if !value.is_finite() {
        return Read::Invalid;
    }
    // Never -0, which would print as "-0".
    let value = if value == 0.0 { 0.0 } else { value };
    // `15+ tickets`: at least 15 tickets.
    let rest = rest.strip_prefix('+').unwrap_or(rest);
    let unit = match unit(rest) {
        Some(unit) => unit,
        None => return Read::Name(token_end(text, at)),
    };
    Read::Quantity(Quantity { value, unit })
}

/// The unit in the text right after a number; `None` when the number is part of a name
/// (`3rd`, `2h30m`).
fn unit(rest: &str) -> Option<Unit> {
    if rest.starts_with('%') {
        return Some(Unit::Percent);
    }
    if rest.starts_with(char::is_alphabetic) {
        // Glued: `400ms`, `2h`, `3d`, `3rd`.
        let end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        if after.starts_with(|c: char| c.is_ascii_digit())
            || matches!(word.to_lowercase().as_str(), "st" | "nd" | "rd" | "th")
        {
            return None;
        }
        return Some(word_unit(word, false, after));
    }
    let spaced = rest.trim_start();
    if spaced.len() == rest.len() {
        return Some(Unit::Bare); // punctuation or the end: `(3)`, `3,`, `3.`
    }
    let (word, clean, after) = next_word(spaced);
    if word.starts_with('%') {
        return Some(Unit::Percent);
    }
    let counted = word.starts_with(char::is_alphabetic)
        || (word.starts_with(|c: char| c.is_ascii_digit()) && word.contains(':'));
    Some(match counted {
        true => word_unit(word, clean, after),
        false => Unit::Bare,
    })
}

/// The next whitespace-delimited word without trailing punctuation, whether it had none,
/// and the text after it.
fn next_word(text: &str) -> (&str, bool, &str) {
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    let (token, after) = text.split_at(end);
    let word = token.trim_end_matches(|c: char| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '"' | '\'' | '”' | '’'
        )
    });
    (word, word.len() == token.len(), after)
}

/// The unit a word names. `clean`: no punctuation ended the word, so the next word may be
/// part of a noun's name.
fn word_unit(word: &str, clean: bool, after: &str) -> Unit {
    let lower = word.to_lowercase();
    let next = || next_word(after.trim_start());
    match lower.as_str() {
        "percent" | "pct" | "percentage" => return Unit::Percent,
        "per" if next().0.eq_ignore_ascii_case("cent") => return Unit::Percent,
        "µs" | "μs" | "microsecond" | "microseconds" => return Unit::Clock(Clock::Microsecond),
        "ms" | "msec" | "msecs" | "millisecond" | "milliseconds" => {
            return Unit::Clock(Clock::Millisecond)
        }
        "s" | "sec" | "secs" | "second" | "seconds" => return Unit::Clock(Clock::Second),
        "min" | "mins" | "minute" | "minutes" => return Unit::Clock(Clock::Minute),
        "h" | "hr" | "hrs" | "hour" | "hours" => return Unit::Clock(Clock::Hour),
        "d" | "day" | "days" => return Unit::Calendar(Calendar::Day),
        "wk" | "wks" | "week" | "weeks" => return Unit::Calendar(Calendar::Week),
        "fortnight" | "fortnights" => return Unit::Calendar(Calendar::Fortnight),
        _ => {}
    }
    if !names_a_thing(&lower) {
        return Unit::Bare;
    }
    let mut words = vec![word.to_string()];
    if clean {
        let (second, _, _) = next();
        let lower = second.to_lowercase();
        if second.starts_with(char::is_alphabetic) && !function_word(&lower) {
            words.push(second.to_string());
        }
    }
    Unit::Count(Noun { words })
}

/// Words after a number that do not say what is counted: function words (`3 of 5`,
/// `at most 5 or fewer`) and words that say where a count stands (`3 done`, `1 so far`).
const FUNCTION_WORDS: &str = "\
    a about above after almost already an and approx are around as at be been before below \
    but by done down each every far fewer for from he her his i if in is ish it its just \
    least left less me minus more most my nearly no nor not now of off on only or our out \
    over pending per plus remaining roughly she since so still than that the their then \
    these they this those to today total under until up versus vs was we were when while \
    with within without yet you your";

fn function_word(lower: &str) -> bool {
    FUNCTION_WORDS.split_whitespace().any(|w| w == lower)
}

/// Whether a word after a number names what is counted: not a function word, and not a
/// past participle (`2 approved`, `3 merged`), which says what happened to the count.
fn names_a_thing(lower: &str) -> bool {
    let participle = lower.len() > 3 && lower.ends_with("ed");
    !participle && !function_word(lower)
}

/// Whether two nouns are the same, singular or plural, ignoring case.
fn same_noun(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    a == b || plural_of(&a, &b) || plural_of(&b, &a)
}

/// Whether `many` is the plural of `one` (both lower-case).
fn plural_of(one: &str, many: &str) -> bool {
    const IRREGULAR: &[(&str, &str)] = &[
        ("person", "people"),
        ("child", "children"),
        ("man", "men"),
        ("woman", "women"),
        ("criterion", "criteria"),
    ];
    let strip = |suffix: &str| many.strip_suffix(suffix);
    strip("s") == Some(one)
        || strip("es") == Some(one)
        || one
            .strip_suffix('y')
            .is_some_and(|stem| strip("ies") == Some(stem))
        || one
            .strip_suffix("is")
            .is_some_and(|stem| strip("es") == Some(stem))
        || IRREGULAR.contains(&(one, many))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        Quantity::parse(text).unwrap_or_else(|| panic!("{text:?} should read as a quantity"))
    }

    fn unit(text: &str) -> String {
        q(text).unit.to_string()
    }

    #[test]
    fn numbers_and_where_they_are() {
        for (text, value) in [
            ("25%", 25.0),
            ("3", 3.0),
            ("400 ms", 400.0),
            ("0.5 s", 0.5),
            ("p95 below 400 ms", 400.0),
            ("at most 5", 5.0),
            ("1,200 users", 1200.0),
            ("12,345,678 requests", 12_345_678.0),
            ("12 PRs", 12.0),
            ("15+ tickets", 15.0),
            ("3 of 5", 3.0),
            ("12.5 hours", 12.5),
            ("-3%", -3.0),
            ("−2 incidents", -2.0),
            (".5 s", 0.5),
            ("under 10 minutes", 10.0),
            ("by 2026-06-30, 3 talks", 3.0),
            ("v1.2.3 with 4 plugins", 4.0),
            ("solved 2/17, then 3 more", 3.0),
            ("(3)", 3.0),
            ("0", 0.0),
            ("-0", 0.0),
            ("Postgres 16", 16.0),
            ("1e3 requests", 1000.0),
            ("1e308", 1e308),
            ("1000000000000000000000000000000", 1e30),
        ] {
            assert_eq!(q(text).value, value, "{text:?}");
        }
        assert!(q("-0").value.is_sign_positive());
    }

    #[test]
    fn names_dates_and_ranges_are_not_quantities() {
        for text in [
            "",
            "ship in H2",
            "p95",
            "Q3",
            "the go-to person for billing",
            "1:1",
            "2026-03-01",
            "3-5 talks",
            "2/17",
            "3rd",
            "v1.2.3",
            "#42",
            "C++11",
            "12,5%",
            "2h30m",
            "NaN",
            "inf",
            "infinity",
            "-inf",
            "1e309",
            "1e400 ms",
            "-1e400",
        ] {
            assert_eq!(Quantity::parse(text), None, "{text:?}");
        }
        // Three hundred and ten digits: larger than any float.
        assert_eq!(Quantity::parse(&"9".repeat(310)), None);
        assert!(Quantity::parse(&format!("{} ms", "1".repeat(300))).is_some());
    }

    #[test]
    fn units() {
        for (text, expected) in [
            ("25%", "%"),
            ("25 %", "%"),
            ("25 percent", "%"),
            ("25 per cent", "%"),
            ("25 pct of issues", "%"),
            ("3", "no unit"),
            ("at most 5", "no unit"),
            ("3 of 5", "no unit"),
            ("3 out of 4", "no unit"),
            ("2 more", "no unit"),
            ("3 done", "no unit"),
            ("2 approved", "no unit"),
            ("1 so far", "no unit"),
            ("3, maybe 4", "no unit"),
            ("3 (three)", "no unit"),
            ("400 ms", "milliseconds"),
            ("400ms", "milliseconds"),
            ("400 MS", "milliseconds"),
            ("0.5 s", "seconds"),
            ("0.5s", "seconds"),
            ("2 sec", "seconds"),
            ("10 min", "minutes"),
            ("25 minutes", "minutes"),
            ("2h", "hours"),
            ("1.5 hr", "hours"),
            ("12.5 hours", "hours"),
            ("3d", "days"),
            ("2.2 days", "days"),
            ("2 weeks", "weeks"),
            ("1 wk", "weeks"),
            ("1 fortnight", "fortnights"),
            ("1,200 users", "users"),
            ("12 PRs", "PRs"),
            ("12 PRs reviewed", "PRs reviewed"),
            ("4 updates", "updates"),
            ("4 updates to the team", "updates"),
            ("3 1:1s", "1:1s"),
            ("15+ tickets", "tickets"),
            ("3 new hires", "new hires"),
            ("3 talks, all recorded", "talks"),
            ("p95 below 400 ms", "milliseconds"),
            ("2 months", "months"),
        ] {
            assert_eq!(unit(text), expected, "{text:?}");
        }
    }

    #[test]
    fn compatible_units_convert_to_the_others_scale() {
        let convert = |from: &str, to: &str| q(from).in_unit_of(&q(to));
        assert_eq!(convert("0.5 s", "400 ms"), Some(500.0));
        assert_eq!(convert("1.5 h", "10 min"), Some(90.0));
        assert_eq!(convert("90 min", "2 hours"), Some(1.5));
        assert_eq!(convert("2 weeks", "10 days"), Some(14.0));
        assert_eq!(convert("1 fortnight", "1 week"), Some(2.0));
        assert_eq!(convert("250 µs", "1 ms"), Some(0.25));
        assert_eq!(convert("17%", "25%"), Some(17.0));
        assert_eq!(convert("17 percent", "25%"), Some(17.0));
        assert_eq!(convert("3 PRs", "12 PR"), Some(3.0));
        assert_eq!(convert("1 update", "4 updates"), Some(1.0));
        assert_eq!(convert("2 1:1", "3 1:1s"), Some(2.0));
        assert_eq!(convert("1 story", "5 stories"), Some(1.0));
        assert_eq!(convert("2 processes", "3 process"), Some(2.0));
        assert_eq!(convert("2 caches", "3 cache"), Some(2.0));
        assert_eq!(convert("1 person", "4 people"), Some(1.0));
        assert_eq!(convert("1 analysis", "3 analyses"), Some(1.0));
        assert_eq!(convert("1 hire", "3 new hires"), Some(1.0));
        assert_eq!(convert("1 senior hire", "3 new hires"), Some(1.0));
        assert_eq!(convert("1 Design Doc", "2 design docs"), Some(1.0));
        // A bare number is in the other's unit, on either side.
        assert_eq!(convert("3", "4 updates"), Some(3.0));
        assert_eq!(convert("3", "400 ms"), Some(3.0));
        assert_eq!(convert("0.5 s", "300"), Some(0.5));
        assert_eq!(convert("12%", "at most 5"), Some(12.0));
    }

    #[test]
    fn incompatible_units_do_not_convert() {
        for (from, to) in [
            ("80%", "4 updates"),
            ("3 PRs", "400 ms"),
            ("2 days", "36 hours"),
            ("36 h", "2 days"),
            ("8 weeks", "2 months"),
            ("3 issues", "25%"),
            ("25 min", "10%"),
            ("3 talks", "2 design docs"),
            ("3 working days", "2 days"),
        ] {
            assert_eq!(q(from).in_unit_of(&q(to)), None, "{from} in {to}");
            assert!(!q(from).unit.compatible(&q(to).unit), "{from} ~ {to}");
        }
    }

    #[test]
    fn conversions_that_overflow_are_rejected() {
        assert_eq!(q("1e308 weeks").in_unit_of(&q("1 day")), None);
        assert_eq!(q("1e308 h").in_unit_of(&q("1 ms")), None);
        assert_eq!(q("1e308 s").in_unit_of(&q("1 min")), Some(1e308 / 60.0));
        assert_eq!(
            q("1e-300 ms").in_unit_of(&q("1 h")).map(f64::is_finite),
            Some(true)
        );
    }

    #[test]
    fn bars_lowered_in_the_goals_direction() {
        assert!(bar_lowered("400 ms", "500 ms", Some("900 ms")));
        assert!(bar_lowered("400 ms", "0.5 s", Some("1.2 s")));
        assert!(!bar_lowered("400 ms", "300 ms", Some("900 ms")));
        assert!(bar_lowered("25%", "15%", Some("5%")));
        assert!(bar_lowered("25%", "15%", None));
        assert!(!bar_lowered("400 ms", "500 ms", Some("3 PRs")));
        assert!(!bar_lowered("4 updates", "80%", None));
    }

    #[test]
    fn lowered_targets() {
        assert!(lowered("25%", "15%"));
        assert!(lowered("25%", "15"));
        assert!(lowered("4", "3"));
        assert!(lowered("12 PRs", "10 PRs"));
        assert!(lowered("3 new hires", "2 hires"));
        assert!(lowered("1 h", "45 min"));
        assert!(lowered("2 weeks", "10 days"));
        assert!(lowered("p95 below 400 ms", "p95 below 0.3 s"));
        assert!(!lowered("15%", "25%"));
        assert!(!lowered("400 ms", "0.5 s"));
        assert!(!lowered("1 h", "90 min"));
        assert!(!lowered("25%", "25 percent"));
        assert!(!lowered("4 updates", "80%"));
        assert!(!lowered("400 ms", "3 PRs"));
        assert!(!lowered("2 days", "36 hours"));
        assert!(!lowered("most issues", "some issues"));
        assert!(!lowered("ship in H2", "ship in H1"));
        assert!(!lowered("1e308", "1e400"));
        assert!(!lowered("1 ms", "1e308 h"));
        assert!(lowered("1e308", "-1e308"));
    }

    #[test]
    fn no_panic_on_odd_text() {
        for text in [
            "-",
            "+",
            ".",
            "e",
            "1e",
            "1e+",
            "1e-",
            "1,",
            "1,2",
            "1,23",
            "1,234,",
            "1.",
            "1..2",
            "−",
            "−−1",
            "3 ",
            "3\u{a0}ms",
            "३ ms",
            "٣",
            "3 µ",
            "3 %%",
            "%3",
            "3 per",
            "3\n4",
            "🚀 3 🚀s",
            "3 1:",
            "3 :1s",
            "1:1s 3",
            "a1 2b 3",
        ] {
            let _ = Quantity::parse(text);
            let _ = lowered(text, "3");
            let _ = lowered("3", text);
        }
        assert_eq!(q("3 🚀s").unit, Unit::Bare);
        assert_eq!(q("1:1s 3").value, 3.0);
    }

    /// The targets and check-in values of the shipped examples read as their authors meant.
    #[test]
    fn the_examples_targets_and_values() {
        for (target, value) in [
            ("6 reports", "4"),
            ("2 days", "3.8 days"),
            ("3 examples", "1"),
            ("5 services", "3"),
            ("2 reviews", "1"),
            ("2 mentees", "0"),
            ("400 ms", "620 ms"),
            ("1%", "0.8%"),
            ("1 talk", "1"),
            ("10 min", "18 min"),
            ("25%", "17%"),
        ] {
            let (t, v) = (q(target), q(value));
            assert!(v.in_unit_of(&t).is_some(), "{value} against {target}");
        }
    }

    fn runner() -> proptest::test_runner::TestRunner {
        crate::testing::runner(2000, 7)
    }

    #[test]
    fn any_text_reads_without_panic_and_finite() {
        for pattern in ["\\PC{0,40}", "[-+−.,:/%e0-9 a-zA-Z]{0,24}"] {
            runner()
                .run(&pattern, |text| {
                    if let Some(q) = Quantity::parse(&text) {
                        proptest::prop_assert!(q.value.is_finite());
                        proptest::prop_assert_eq!(q.in_unit_of(&q), Some(q.value));
                        proptest::prop_assert!(!lowered(&text, &text));
                    }
                    Ok(())
                })
                .unwrap_or_else(|e| panic!("{pattern}: {e}"));
        }
    }
}
