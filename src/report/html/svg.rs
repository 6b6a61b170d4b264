//! Inline SVG charts for the HTML report: progress towards a goal's target, actions done over
//! time, and the team's activity.
//!
//! Every chart is a plain `<svg>` element with a `viewBox`, so it scales with the page and
//! prints crisply; it needs no script, no font file and no `xmlns` (HTML parses inline SVG).
//! Each carries `role="img"`, an `aria-label` and a `<title>` (a hover tooltip as well), and a
//! `<desc>` that says in words what the chart shows. Numbers are printed with one decimal so
//! the output is byte-for-byte deterministic.

use std::fmt::{self, Write as _};

use chrono::{Datelike, NaiveDate};

use super::escape;
use crate::report::model::Range;

/// The width of the time charts' coordinate system; the page shows it at this size, so 11 is
/// 11 pixels of text.
const WIDTH: f64 = 640.0;
/// The team chart sits in half a column: narrower, so its labels stay legible.
const TEAM_WIDTH: f64 = 460.0;
const INK: &str = "#1f2933";
const MUTED: &str = "#6b7785";
const GRID: &str = "#e6e9ee";
const ACCENT: &str = "#2f5fb3";
const GOOD: &str = "#1e7b4f";
const SECOND: &str = "#7fa3d9";

/// The plotting area and the data domain it shows.
struct Plot {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    first: NaiveDate,
    days: f64,
    low: f64,
    high: f64,
}

impl Plot {
    fn new(dates: (NaiveDate, NaiveDate), values: (f64, f64), height: f64) -> Plot {
        let (first, last) = dates;
        Plot {
            left: 48.0,
            right: WIDTH - 84.0,
            top: 16.0,
            bottom: height - 30.0,
            first,
            // A single day still needs a width to draw on.
            days: ((last - first).num_days() as f64).max(1.0),
            low: values.0,
            high: values.1,
        }
    }

    fn x(&self, date: NaiveDate) -> f64 {
        let day = ((date - self.first).num_days() as f64).clamp(0.0, self.days);
        self.left + day / self.days * (self.right - self.left)
    }

    fn y(&self, value: f64) -> f64 {
        let t = (value - self.low) / (self.high - self.low);
        // Nothing that is not a number reaches a chart; if it did, it would sit on the floor.
        let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
        self.bottom - t * (self.bottom - self.top)
    }

    /// Horizontal grid lines with value labels, and month labels along the bottom.
    fn axes(&self, out: &mut String, ticks: &[f64]) -> fmt::Result {
        for &v in ticks {
            let y = self.y(v);
            writeln!(
                out,
                r#"<line x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{GRID}"/><text x="{:.1}" y="{:.1}" text-anchor="end" fill="{MUTED}" font-size="11">{}</text>"#,
                self.left,
                self.right,
                self.left - 8.0,
                y + 4.0,
                number(v)
            )?;
        }
        for (date, label) in
            month_ticks(self.first, self.first + chrono::Days::new(self.days as u64))
        {
            let x = self.x(date);
            writeln!(
                out,
                r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{GRID}"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" fill="{MUTED}" font-size="11">{label}</text>"#,
                self.bottom,
                self.bottom + 4.0,
                self.bottom + 18.0
            )?;
        }
        Ok(())
    }
}

/// The reference lines of a progress chart, on the series' scale.
pub struct Lines<'a> {
    pub baseline: Option<f64>,
    pub target: Option<f64>,
    /// The target as it was over time (see `Progress::target_series`); with two points or
    /// more it is drawn as a step line instead of the flat `target`.
    pub target_series: &'a [(NaiveDate, f64)],
}

/// Progress towards a goal's target: the check-in values over time, with the baseline and the
/// target as dashed reference lines; a target that changed is a step at each change, so a
/// lowered bar shows where it was lowered. `extent` widens the time axis (the plan's period,
/// the due date) so the line shows how far along the period the goal is.
pub fn progress(
    label: &str,
    series: &[(NaiveDate, f64)],
    lines: &Lines,
    extent: &[NaiveDate],
) -> Result<String, fmt::Error> {
    let (baseline, target) = (lines.baseline, lines.target);
    let steps = match lines.target_series {
        steps if steps.len() > 1 => steps,
        _ => &[],
    };
    let height = 200.0;
    let dates = bounds(
        (series.iter().chain(steps))
            .map(|p| p.0)
            .chain(extent.iter().copied()),
    );
    let values: Vec<f64> = series
        .iter()
        .chain(steps)
        .map(|p| p.1)
        .chain(baseline)
        .chain(target)
        .collect();
    // Counts (talks, reviews) read better on whole-number ticks.
    let whole = values.iter().all(|v| v.fract() == 0.0);
    let (low, high, ticks) = value_axis(values, whole);
    let plot = Plot::new(dates, (low, high), height);
    let mut desc = format!("{} check-in values", series.len());
    if let (Some(first), Some(last)) = (series.first(), series.last()) {
        write!(
            desc,
            " from {} ({}) to {} ({})",
            first.0,
            number(first.1),
            last.0,
            number(last.1)
        )?;
    }
    for (name, v) in [("baseline", baseline), ("target", target)] {
        if let Some(v) = v {
            write!(desc, "; {name} {}", number(v))?;
        }
    }
    for pair in steps.windows(2) {
        let (was, now) = (pair[0].1, pair[1].1);
        let verb = if now < was { "lowered" } else { "raised" };
        write!(
            desc,
            "; target {verb} from {} to {} on {}",
            number(was),
            number(now),
            pair[1].0
        )?;
    }
    let mut out = open(label, &desc, WIDTH, height)?;
    plot.axes(&mut out, &ticks)?;
    if let (Some(first), Some(last)) = (steps.first(), steps.last()) {
        target_steps(&mut out, &plot, steps, first.1, last.1)?;
    }
    let flat_target = if steps.is_empty() { target } else { None };
    for (name, value, color) in [("baseline", baseline, MUTED), ("target", flat_target, GOOD)] {
        if let Some(v) = value {
            let y = plot.y(v);
            writeln!(
                out,
                r#"<line x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{color}" stroke-width="1.5" stroke-dasharray="5 4"/><text x="{:.1}" y="{:.1}" fill="{color}" font-size="11">{name} {}</text>"#,
                plot.left,
                plot.right,
                plot.right + 6.0,
                y + 4.0,
                number(v)
            )?;
        }
    }
    let points: Vec<String> = series
        .iter()
        .map(|(d, v)| format!("{:.1},{:.1}", plot.x(*d), plot.y(*v)))
        .collect();
    if points.len() > 1 {
        writeln!(
            out,
            r#"<polyline points="{}" fill="none" stroke="{ACCENT}" stroke-width="2.5" stroke-linejoin="round"/>"#,
            points.join(" ")
        )?;
    }
    for (d, v) in series {
        writeln!(
            out,
            r##"<circle cx="{:.1}" cy="{:.1}" r="4" fill="#fff" stroke="{ACCENT}" stroke-width="2"><title>{d}: {}</title></circle>"##,
            plot.x(*d),
            plot.y(*v),
            number(*v)
        )?;
    }
    out.push_str("</svg>");
    Ok(out)
}

/// The target over time as a dashed step line to the right edge, labelled with its value now
/// and, at the start, the value it had.
fn target_steps(
    out: &mut String,
    plot: &Plot,
    steps: &[(NaiveDate, f64)],
    was: f64,
    now: f64,
) -> fmt::Result {
    let mut path = String::new();
    for (i, (date, value)) in steps.iter().enumerate() {
        let (x, y) = (plot.x(*date), plot.y(*value));
        match i {
            0 => write!(path, "M{x:.1},{y:.1}")?,
            _ => write!(path, " H{x:.1} V{y:.1}")?,
        }
    }
    write!(path, " H{:.1}", plot.right)?;
    writeln!(
        out,
        r#"<path d="{path}" fill="none" stroke="{GOOD}" stroke-width="1.5" stroke-dasharray="5 4"/><text x="{:.1}" y="{:.1}" fill="{GOOD}" font-size="11">target {}</text><text x="{:.1}" y="{:.1}" fill="{GOOD}" font-size="11">was {}</text>"#,
        plot.right + 6.0,
        plot.y(now) + 4.0,
        number(now),
        plot.x(steps[0].0) + 4.0,
        plot.y(was) - 5.0,
        number(was)
    )
}

/// Actions done over time: a cumulative step line. The report's range, when it has one, is
/// shaded, and today is marked, so a reviewer sees what happened in the window under review.
pub fn actions(
    label: &str,
    done: &[NaiveDate],
    extent: &[NaiveDate],
    today: NaiveDate,
    range: Range,
) -> Result<String, fmt::Error> {
    let height = 180.0;
    let mut done = done.to_vec();
    done.sort();
    let dates = bounds(done.iter().chain(extent).copied());
    let (low, high, ticks) = value_axis([0.0, done.len() as f64], true);
    let plot = Plot::new(dates, (low, high), height);
    let desc = match (done.first(), done.last()) {
        (Some(first), Some(last)) if first == last => format!("1 action done, on {first}"),
        (Some(first), Some(last)) => {
            format!("{} actions done between {first} and {last}", done.len())
        }
        _ => "no dated actions done".to_string(),
    };
    let mut out = open(label, &desc, WIDTH, height)?;
    if range.since.is_some() || range.until.is_some() {
        let from = range.since.map_or(plot.left, |d| plot.x(d));
        let to = range.until.map_or(plot.right, |d| plot.x(d));
        writeln!(
            out,
            r##"<rect x="{from:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#eef3fb"><title>the report's range</title></rect>"##,
            plot.top,
            (to - from).max(1.0),
            plot.bottom - plot.top
        )?;
    }
    plot.axes(&mut out, &ticks)?;
    let mut path = format!("M{:.1},{:.1}", plot.left, plot.y(0.0));
    for (i, d) in done.iter().enumerate() {
        write!(path, " H{:.1} V{:.1}", plot.x(*d), plot.y((i + 1) as f64))?;
    }
    let end = if today < dates.1 {
        plot.x(today.max(dates.0))
    } else {
        plot.right
    };
    write!(
        path,
        " H{:.1}",
        end.max(done.last().map_or(plot.left, |d| plot.x(*d)))
    )?;
    writeln!(
        out,
        r#"<path d="{path}" fill="none" stroke="{GOOD}" stroke-width="2.5" stroke-linejoin="round"/>"#
    )?;
    for (i, d) in done.iter().enumerate() {
        writeln!(
            out,
            r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{GOOD}"><title>{d}: {} done</title></circle>"#,
            plot.x(*d),
            plot.y((i + 1) as f64),
            i + 1
        )?;
    }
    if today >= dates.0 && today <= dates.1 {
        let x = plot.x(today);
        writeln!(
            out,
            r#"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="{INK}" stroke-dasharray="2 3"/><text x="{:.1}" y="{:.1}" fill="{INK}" font-size="11">today</text>"#,
            plot.top,
            plot.bottom,
            x + 4.0,
            plot.top + 10.0
        )?;
    }
    out.push_str("</svg>");
    Ok(out)
}

/// One person's activity in the range: actions done and check-ins.
pub struct Activity<'a> {
    pub owner: &'a str,
    pub actions: usize,
    pub checkins: usize,
}

/// The team's activity: two horizontal bars per person, so names have room to be read.
pub fn team(label: &str, people: &[Activity]) -> Result<String, fmt::Error> {
    let (row, top, name_width) = (34.0, 30.0, 180.0);
    let height = top + row * people.len() as f64 + 8.0;
    let max = people
        .iter()
        .map(|p| p.actions.max(p.checkins))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let scale = (TEAM_WIDTH - name_width - 40.0) / max;
    let desc: Vec<String> = people
        .iter()
        .map(|p| {
            format!(
                "{}: {} actions done, {} check-ins",
                p.owner, p.actions, p.checkins
            )
        })
        .collect();
    let mut out = open(label, &desc.join("; "), TEAM_WIDTH, height)?;
    for (i, (name, color)) in [("actions done", GOOD), ("check-ins", SECOND)]
        .iter()
        .enumerate()
    {
        let x = name_width + i as f64 * 120.0;
        writeln!(
            out,
            r#"<rect x="{x:.1}" y="6" width="10" height="10" rx="2" fill="{color}"/><text x="{:.1}" y="15" fill="{MUTED}" font-size="11">{name}</text>"#,
            x + 15.0
        )?;
    }
    for (i, p) in people.iter().enumerate() {
        let y = top + row * i as f64;
        let name: String = if p.owner.chars().count() > 26 {
            p.owner.chars().take(25).chain(['…']).collect()
        } else {
            p.owner.to_string()
        };
        writeln!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" fill="{INK}" font-size="12">{}</text>"#,
            name_width - 10.0,
            y + 15.0,
            escape(&name)
        )?;
        for (j, (n, color, what)) in [
            (p.actions, GOOD, "actions done"),
            (p.checkins, SECOND, "check-ins"),
        ]
        .into_iter()
        .enumerate()
        {
            let (w, by) = (n as f64 * scale, y + 2.0 + j as f64 * 13.0);
            writeln!(
                out,
                r#"<rect x="{name_width:.1}" y="{by:.1}" width="{:.1}" height="11" rx="2" fill="{color}"><title>{}: {n} {what}</title></rect><text x="{:.1}" y="{:.1}" fill="{MUTED}" font-size="10">{n}</text>"#,
                w.max(1.0),
                escape(p.owner),
                name_width + w.max(1.0) + 5.0,
                by + 9.5
            )?;
        }
    }
    out.push_str("</svg>");
    Ok(out)
}

/// The `<svg>` start tag with its accessible name and description.
fn open(label: &str, desc: &str, width: f64, height: f64) -> Result<String, fmt::Error> {
    let mut out = String::new();
    let (label, desc) = (escape(label), escape(desc));
    writeln!(
        out,
        r#"<svg class="chart" viewBox="0 0 {width:.0} {height:.0}" style="max-width:{width:.0}px" role="img" aria-label="{label}"><title>{label}</title><desc>{desc}</desc>"#
    )?;
    Ok(out)
}

/// The first and last of some dates (today's epoch day for none, which callers avoid).
fn bounds(dates: impl Iterator<Item = NaiveDate>) -> (NaiveDate, NaiveDate) {
    let mut dates = dates.peekable();
    let first = dates.peek().copied().unwrap_or_default();
    dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d)))
}

/// The most value ticks an axis draws (a round step gives five to seven).
const MAX_TICKS: usize = 12;

/// The largest magnitude a chart draws at: beyond it a value sits on the frame (its label
/// and tooltip still say what it is). Far from `f64::MAX`, so no step or range overflows.
const MAX_DRAWN: f64 = 1e300;

/// A value axis that includes every value with round ticks: (low, high, ticks).
///
/// Bounded for any input: values that are not finite are left out, the axis never spans
/// less than a billionth of its magnitude (so a step is never below the spacing of floats
/// there, where adding it would change nothing), and the ticks are counted from the range,
/// at most [`MAX_TICKS`], rather than stepped until they pass the top.
fn value_axis(values: impl IntoIterator<Item = f64>, integers: bool) -> (f64, f64, Vec<f64>) {
    let (mut low, mut high) = values
        .into_iter()
        .filter(|v| v.is_finite())
        .map(|v| v.clamp(-MAX_DRAWN, MAX_DRAWN))
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if low > high {
        (low, high) = (0.0, 1.0);
    }
    // A flat line sits in the middle rather than on the frame, ±1 around it; at 1e30, ±1
    // would change nothing, so the axis spans at least a billionth of its magnitude.
    let least = low.abs().max(high.abs()) * 1e-9;
    if (high - low).abs() < f64::EPSILON || high - low < least {
        let (middle, half) = (low / 2.0 + high / 2.0, least.max(1.0));
        (low, high) = (middle - half, middle + half);
    }
    let raw = (high - low) / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let mut step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(raw);
    if integers {
        step = step.max(1.0).round();
    }
    let (mut first, mut last) = ((low / step).floor(), (high / step).ceil());
    // The step is at least a quarter of the range, so this is four or five; the cap makes
    // that a guarantee rather than an argument.
    let count = (last - first).max(0.0);
    if count > MAX_TICKS as f64 {
        step *= (count / MAX_TICKS as f64).ceil();
        (first, last) = ((low / step).floor(), (high / step).ceil());
    }
    let count = ((last - first).max(0.0) as usize).min(MAX_TICKS);
    let ticks = (0..=count).map(|i| (first + i as f64) * step).collect();
    (first * step, last * step, ticks)
}

/// The first of each month between two dates, thinned to at most seven labels.
fn month_ticks(first: NaiveDate, last: NaiveDate) -> Vec<(NaiveDate, String)> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut months = Vec::new();
    let mut d = first.with_day(1).unwrap_or(first);
    if d < first {
        d = d + chrono::Months::new(1);
    }
    while d <= last {
        months.push(d);
        d = d + chrono::Months::new(1);
    }
    let every = months.len().div_ceil(7).max(1);
    months
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, d)| {
            let name = MONTHS[d.month0() as usize];
            // The year appears on the first label and in January, where it changes.
            let label = if i == 0 || d.month() == 1 {
                format!("{name} {}", d.year())
            } else {
                name.to_string()
            };
            (d, label)
        })
        .collect()
}

/// A number as short as it reads: `3`, `2.5`, `1200`; from a million billion up, with an
/// exponent (`1e30`, `2.5e21`), so a label is a few characters whatever the magnitude.
fn number(v: f64) -> String {
    if v.is_finite() && v.abs() >= 1e15 {
        let text = format!("{v:.2e}");
        let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        return format!("{mantissa}e{exponent}");
    }
    let text = format!("{v:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_axes_have_few_ticks_for_any_value() {
        for values in [
            vec![1e30],
            vec![1e21, 1e21 + 1.0],
            vec![1e308],
            vec![-1e308, 1e308],
            vec![f64::MAX, f64::MIN],
            vec![5e-324],
            vec![0.0, 1e-300],
            vec![f64::NAN, f64::INFINITY, 3.0],
            vec![f64::NAN],
            vec![],
        ] {
            for integers in [true, false] {
                let (low, high, ticks) = value_axis(values.iter().copied(), integers);
                assert!(
                    low.is_finite() && high.is_finite() && low < high,
                    "{values:?}"
                );
                assert!(
                    (2..=MAX_TICKS + 1).contains(&ticks.len()),
                    "{values:?}: {ticks:?}"
                );
                assert!(
                    ticks.windows(2).all(|w| w[0] < w[1]),
                    "{values:?}: {ticks:?}"
                );
            }
        }
    }

    #[test]
    fn everyday_axes_are_as_before() {
        assert_eq!(
            value_axis([5.0, 25.0], true),
            (5.0, 25.0, vec![5.0, 10.0, 15.0, 20.0, 25.0])
        );
        assert_eq!(value_axis([3.0], true), (2.0, 4.0, vec![2.0, 3.0, 4.0]));
        assert_eq!(
            value_axis([0.0, 2.0], true),
            (0.0, 2.0, vec![0.0, 1.0, 2.0])
        );
        assert_eq!(
            value_axis([0.2, 0.9], false),
            (0.2, 1.0, vec![0.2, 0.4, 0.6000000000000001, 0.8, 1.0])
        );
        let (_, _, ticks) = value_axis([3.0, f64::NAN], true);
        assert_eq!(ticks, vec![2.0, 3.0, 4.0]);
    }

    #[test]
    fn large_numbers_print_short() {
        assert_eq!(number(1e30), "1e30");
        assert_eq!(number(2.5e21), "2.5e21");
        assert_eq!(number(-1.234e308), "-1.23e308");
        assert_eq!(number(1200.0), "1200");
        assert_eq!(number(2.25), "2.2");
        assert_eq!(number(999_999_999_999_999.0), "999999999999999");
    }
}
