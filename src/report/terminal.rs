//! The terminal format of the report: plain text in 80 columns, coloured only when asked to be.
//! A header (date, range, notes, legend), a team summary for several plans, then each plan and
//! its goals. Plan text is word-wrapped and cleaned of control and bidi characters, so a plan
//! can neither break the layout nor send escape sequences to the terminal. Table cells and
//! paths, which cannot wrap, are cut with `…`.

use std::fmt::Display;
use std::io;

use anstyle::{AnsiColor, Style};

use super::model::{FindingReport, GoalReport, PlanReport, Report, Team};
use crate::plan::GoalStatus;
use crate::sanitize::printable;
use crate::severity::Severity;

const WIDTH: usize = 80;
/// The width of the label column ("North star   ").
const LABEL: usize = 13;

const PLAIN: Style = Style::new();
const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const GREEN: Style = AnsiColor::Green.on_default();
const YELLOW: Style = AnsiColor::Yellow.on_default();
const RED: Style = AnsiColor::Red.on_default();
const CYAN: Style = AnsiColor::Cyan.on_default();

const NO_HISTORY: &str = "history is unavailable: dates come from the plans alone";
const SMART_LEGEND: &str = "S specific, M measurable, A achievable, R relevant, T time-bound";
const DONE_LEGEND: &str = "\"stated\" is the date written in the plan, \"git\" the date of \
    the commit that ticked the box";
const TEAM_HEAD: &str = "Person           Goals  Done  Check-ins  Last active  Lint      Flags";
const TEAM_LEGEND: &str =
    "Goals: open goals. Done: actions done in the range. Check-ins: in the range.";
/// The team table's fixed columns (the flags column takes the rest), as in `TEAM_HEAD`.
const COLUMNS: [usize; 6] = [15, 5, 4, 9, 11, 8];

/// A run of text in one style.
type Seg = (String, Style);

pub fn write(report: &Report, color: bool, out: &mut dyn io::Write) -> io::Result<()> {
    let mut t = Term { out, color };
    let plans = plural(report.plans.len(), "plan");
    let title = format!("Growth report: {plans}, as of {}", report.today);
    t.text(0, &title, BOLD)?;
    let varies = report.plans.iter().any(|p| p.range != report.range);
    let range = varies.then(|| "differs per plan (see each plan)".to_string());
    let range = range.unwrap_or_else(|| report.range.to_string());
    t.field(0, "Range", &range, PLAIN)?;
    for note in &report.notes {
        t.field(0, "Note", note, YELLOW)?;
    }
    if !report.history && !report.notes.iter().any(|n| n.contains("history")) {
        t.field(0, "Note", NO_HISTORY, YELLOW)?;
    }
    t.field(0, "SMART", SMART_LEGEND, DIM)?;
    t.text(LABEL, "(a dash marks a criterion that is not met)", DIM)?;
    let mut actions = report.plans.iter().flat_map(|p| &p.goals);
    if actions.any(|g| g.actions.iter().any(|a| a.done_source.is_some())) {
        t.field(0, "Done dates", DONE_LEGEND, DIM)?;
    }
    if let Some(team) = &report.team {
        team_summary(&mut t, team)?;
    }
    for plan in &report.plans {
        plan_section(&mut t, report, plan)?;
    }
    Ok(())
}

fn team_summary(t: &mut Term, team: &Team) -> io::Result<()> {
    t.raw(&[])?;
    t.text(0, "TEAM SUMMARY", BOLD)?;
    t.raw(&[seg(TEAM_HEAD, BOLD)])?;
    for row in &team.people {
        let styles = [("errors", RED), ("warnings", YELLOW)];
        let lint = styles.iter().find(|s| s.0 == row.lint);
        let lint = lint.map_or(GREEN, |s| s.1);
        let last = row.last_activity.map_or("-".into(), |d| d.to_string());
        let (done, checkins) = (row.actions_done_in_range, row.checkins_in_range);
        let texts = [row.owner.clone(), row.goals.to_string(), done.to_string()];
        let texts = texts.into_iter().chain([checkins.to_string(), last]);
        let mut cells = Vec::new();
        for (i, (text, width)) in texts.zip(COLUMNS).enumerate() {
            cells.push(seg(cell(&text, width, (1..=3).contains(&i)) + "  ", PLAIN));
        }
        cells.push(seg(cell(row.lint, COLUMNS[5], false) + "  ", lint));
        // No-break spaces keep "moved goalposts" on one line of the narrow column.
        // The name column is narrow; an ended plan says so first among its flags.
        let ended = row.ended.then(|| "ended".to_string());
        let flags = row.flags.iter().map(|f| unbroken(f.label()));
        let flags: Vec<String> = ended.into_iter().chain(flags).collect();
        let flags_at = COLUMNS.iter().map(|w| w + 2).sum();
        t.para(&cells, flags_at, &flags.join(", "), YELLOW)?;
    }
    t.text(0, TEAM_LEGEND, DIM)?;
    if !team.focus_areas.is_empty() {
        let areas = team.focus_areas.iter();
        let areas: Vec<String> = areas.map(|(a, n)| unbroken(&format!("{a} {n}"))).collect();
        t.field(0, "Focus areas", &areas.join(" · "), PLAIN)?;
    }
    let late: Vec<String> = team.quiet.iter().map(super::quiet_words).collect();
    let style = if late.is_empty() { GREEN } else { YELLOW };
    let late = list(&late, "nobody: everyone has checked in");
    t.raw(&[])?;
    t.text(0, &super::quiet_heading(team), BOLD)?;
    t.para(&[seg("  ", PLAIN)], 2, &late, style)?;
    if !team.ladder.is_empty() || !team.no_target_role.is_empty() {
        t.raw(&[])?;
        let note = seg(
            " (what the target level asks for that no open goal works on)",
            DIM,
        );
        t.raw(&[seg("LADDER COVERAGE", BOLD), note])?;
    }
    for person in &team.ladder {
        let role = super::level_words(&person.role, person.role_name.as_deref());
        let target = super::level_words(&person.target_role, person.target_name.as_deref());
        t.text(2, &format!("{} ({role} → {target})", person.owner), BOLD)?;
        t.field(4, "covered", &list(&person.covered, "none"), GREEN)?;
        if person.gaps.is_empty() {
            t.field(4, "missing", "none", GREEN)?;
        }
        // What good looks like at the target level, so the gap reads as something to do.
        for (i, gap) in person.gaps.iter().enumerate() {
            let text = match gap.expectation.is_empty() {
                true => gap.competency.clone(),
                false => format!("{}: {}", gap.competency, gap.expectation),
            };
            let name = if i == 0 { "missing" } else { "" };
            t.field(4, name, &text, YELLOW)?;
        }
    }
    if !team.no_target_role.is_empty() {
        let names = list(&team.no_target_role, "");
        t.para(&[seg("  No target level: ", DIM)], 19, &names, DIM)?;
    }
    Ok(())
}

fn plan_section(t: &mut Term, report: &Report, plan: &PlanReport) -> io::Result<()> {
    t.raw(&[])?;
    t.raw(&[seg("=".repeat(WIDTH), DIM)])?;
    let title = opt(": ", plan.title.as_ref(), "");
    t.text(0, &format!("{}{title}", plan.owner), BOLD)?;
    let path = plan.path.to_string_lossy().replace('\\', "/");
    t.field(2, "File", &cut_left(&path, WIDTH - 2 - LABEL), DIM)?;
    if plan.role.is_some() || plan.target_role.is_some() {
        let role = plan.role.as_deref().unwrap_or("(no role)");
        let target = opt(" → ", plan.target_role.as_ref(), "");
        t.field(2, "Role", &format!("{role}{target}"), PLAIN)?;
    }
    let ended = if plan.ended { " (ended)" } else { "" };
    let period = plan.period.map(|(s, e)| format!("{s} to {e}{ended}"));
    t.maybe(2, "Period", period)?;
    t.maybe(2, "Review", plan.review)?;
    t.maybe(2, "North star", plan.north_star.as_ref())?;
    // When ranges differ, every plan says its own, an open one too.
    if report.plans.iter().any(|p| p.range != report.range) {
        t.field(2, "Range", &plan.range.to_string(), PLAIN)?;
    }
    let (e, w, i) = (plan.lint.errors, plan.lint.warnings, plan.lint.infos);
    let counts = [(e, "error"), (w, "warning"), (i, "info")];
    let counts = counts.iter().filter(|c| c.0 > 0);
    let lint: Vec<String> = counts.map(|c| plural(c.0, c.1)).collect();
    let style = [(e, RED), (w, YELLOW)].into_iter().find(|s| s.0 > 0);
    let style = style.map_or(GREEN, |s| s.1);
    t.field(2, "Lint", &list(&lint, "clean"), style)?;
    t.maybe(2, "Last active", plan.last_activity)?;
    if !plan.summary.is_empty() {
        t.field(2, "Summary", &plan.summary.join(" "), PLAIN)?;
    }
    findings(t, 2, &plan.findings)?;
    if plan.goals.is_empty() {
        t.raw(&[])?;
        t.text(2, "This plan has no goals yet.", YELLOW)?;
    }
    for (i, goal) in plan.goals.iter().enumerate() {
        t.raw(&[])?;
        let head = format!("Goal {} of {}: {}", i + 1, plan.goals.len(), goal.title);
        t.text(2, &head, BOLD)?;
        goal_section(t, report, goal)?;
    }
    Ok(())
}

/// Each piece of evidence on a line of its own, under what cites it.
fn evidence(t: &mut Term, indent: usize, list: &[super::proof::EvidenceReport]) -> io::Result<()> {
    for e in list {
        let style = if e.status == "unverified" {
            YELLOW
        } else {
            DIM
        };
        let first = [seg(
            format!("{}evidence {}: ", " ".repeat(indent), e.cited),
            style,
        )];
        t.para(&first, indent + 2, &e.words, PLAIN)?;
    }
    Ok(())
}

fn goal_section(t: &mut Term, report: &Report, goal: &GoalReport) -> io::Result<()> {
    let done = goal.status == GoalStatus::Done;
    let style = if done { GREEN } else { BOLD };
    let due = opt(" · due ", goal.due, "");
    // Types and statuses are named in plans as their variants are, in lower case.
    let (kind, status) = (format!("{:?}", goal.kind), format!("{:?}", goal.status));
    let kind = seg(format!(" · {} goal{due}", kind.to_lowercase()), PLAIN);
    t.raw(&[label(4, "Status"), seg(status.to_lowercase(), style), kind])?;
    let mut smart = vec![label(4, "SMART")];
    let colour = |c: char| if c == '-' { RED } else { GREEN };
    smart.extend(goal.smart.letters().chars().map(|c| seg(c, colour(c))));
    t.raw(&smart)?;
    if !goal.flags.is_empty() {
        let flags: Vec<&str> = goal.flags.iter().map(|f| f.label()).collect();
        t.field(4, "Flags", &flags.join(", "), YELLOW)?;
    }
    // Which entry each history flag is about, so the reviewer can ask about that one.
    for d in &goal.flag_details {
        let first = [seg(format!("      {}: ", d.flag.label()), YELLOW)];
        t.para(&first, 8, &d.words(), PLAIN)?;
    }
    if let Some(a) = &goal.agreed {
        t.field(4, "Agreed", a.words().trim_start_matches("agreed "), PLAIN)?;
        for c in &a.changes {
            let first = [seg("      changed since: ", YELLOW)];
            t.para(&first, 8, &c.words(), PLAIN)?;
        }
    }
    let competency = opt("competency ", goal.competency.as_ref(), "");
    let focus = opt("", goal.focus.as_ref(), ", ") + &competency;
    let focus = focus.trim_end_matches([',', ' ']);
    if !focus.is_empty() {
        t.field(4, "Focus", focus, PLAIN)?;
    }
    t.maybe(4, "Measure", goal.measure.as_ref())?;
    if let Some(progress) = progress_text(goal) {
        t.field(4, "Progress", &progress, PLAIN)?;
    }
    let (done, all) = (goal.actions_done, goal.actions.len());
    let in_range = goal.actions_done_in_range;
    let actions = format!("{done} of {all} done, {in_range} in the range");
    let actions = if all == 0 { "none".into() } else { actions };
    t.field(4, "Actions", &actions, PLAIN)?;
    for a in &goal.actions {
        let source = opt(" (", a.done_source, ")");
        let (status, style) = match (a.done, a.done_on, a.due) {
            (true, Some(d), _) => (format!(", done {d}{source}"), PLAIN),
            (true, None, _) => (", done (date unknown)".to_string(), PLAIN),
            (false, _, Some(d)) if a.overdue => (format!(", due {d}, overdue"), YELLOW),
            (_, _, due) => (opt(", due ", due, ""), PLAIN),
        };
        let mark = if a.done { "      [x] " } else { "      [ ] " };
        let mark = [seg(mark, if a.done { GREEN } else { PLAIN })];
        t.para(&mark, 10, &format!("{}{status}", a.text), style)?;
        evidence(t, 10, &a.evidence)?;
    }
    evidence(t, 6, &goal.evidence)?;
    findings(t, 4, &goal.findings)?;
    let n = goal.checkins.len();
    let n = if n == 0 { "none".into() } else { n.to_string() };
    t.field(4, "Check-ins", &format!("{n} in the range"), PLAIN)?;
    for c in &goal.checkins {
        let value = opt("[", c.value.as_ref(), "] ");
        let note = format!("{value}{}", opt("", c.note.as_ref(), ""));
        t.para(&[seg(format!("      {} ", c.date), CYAN)], 17, &note, PLAIN)?;
    }
    // Without history there is no timeline at all; the header says why.
    match (report.history, goal.timeline.is_empty()) {
        (false, _) => return Ok(()),
        (true, true) => t.field(4, "Timeline", "no changes in the range", DIM)?,
        (true, false) => t.raw(&[label(4, "Timeline")])?,
    }
    // One line per commit, then what it changed: a commit often changes several things.
    let mut last = None;
    for e in &goal.timeline {
        if last != Some((e.date, &e.commit, &e.author)) {
            let date = seg(format!("      {} ", e.date), CYAN);
            let first = [date, seg(format!("{} ", e.commit), DIM)];
            t.para(&first, 8, &e.author, PLAIN)?;
            last = Some((e.date, &e.commit, &e.author));
        }
        t.text(8, &e.what, PLAIN)?;
    }
    Ok(())
}

/// The lint findings under a `Findings` label at `indent`, one per line: `line 12 GR201 …`.
fn findings(t: &mut Term, indent: usize, findings: &[FindingReport]) -> io::Result<()> {
    if !findings.is_empty() {
        t.raw(&[label(indent, "Findings")])?;
    }
    for f in findings {
        let style = match f.severity {
            Severity::Error => RED,
            Severity::Warning => YELLOW,
            Severity::Info => DIM,
        };
        let at = " ".repeat(indent + 2);
        let first = [seg(format!("{at}line {} {} ", f.line, f.code), style)];
        t.para(&first, indent + 4, &f.message, PLAIN)?;
    }
    Ok(())
}

/// `[#####.....] 50%: latest 1, baseline 0, target 2`, or `None` when nothing is known; when
/// there is no percentage, why (`…, target 4 updates; no percentage: the latest check-in is in
/// %, the target in updates`).
fn progress_text(goal: &GoalReport) -> Option<String> {
    let p = &goal.progress;
    if p.baseline.is_none() && p.target.is_none() && p.latest.is_none() {
        return None;
    }
    let bar = |percent: f64| format!("{}: ", super::bar(percent));
    let mut text = p.percent.map(bar).unwrap_or_default();
    let latest = p.latest.as_ref();
    text += &latest.map_or("no value checked in yet".into(), |l| format!("latest {l}"));
    text += &opt(", baseline ", p.baseline.as_ref(), "");
    let target = p.target.as_ref();
    text += &target.map_or(", no target set".into(), |t| format!(", target {t}"));
    text += &opt("; no percentage: ", p.no_percent.as_ref(), "");
    Some(text)
}

/// Items joined by commas, or `none` when there are none.
fn list<S: std::borrow::Borrow<str>>(items: &[S], none: &str) -> String {
    let text = items.join(", ");
    match text.is_empty() {
        true => none.into(),
        false => text,
    }
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn seg(text: impl Display, style: Style) -> Seg {
    (text.to_string(), style)
}

/// `before value after`, or nothing when there is no value.
fn opt(before: &str, value: Option<impl Display>, after: &str) -> String {
    value.map_or(String::new(), |v| format!("{before}{v}{after}"))
}

/// A field's label, in the label column at `indent`.
fn label(indent: usize, label: &str) -> Seg {
    seg(format!("{}{label:<LABEL$}", " ".repeat(indent)), BOLD)
}

/// Text the word-wrapper keeps on one line: its spaces become no-break spaces.
fn unbroken(text: &str) -> String {
    text.replace(' ', "\u{a0}")
}

/// One table cell of exactly `width` characters: cut with `…`, padded left or right.
fn cell(text: &str, width: usize, right: bool) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut cut: String = words.chars().map(printable).take(width).collect();
    if words.chars().count() > width {
        cut.pop();
        cut.push('…');
    }
    let pad = " ".repeat(width - cut.chars().count());
    match right {
        true => pad + &cut,
        false => cut + &pad,
    }
}

/// Keeps the end of a path (the file name matters most), cut at the start with `…`.
fn cut_left(text: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().map(printable).collect();
    let skip = chars.len().saturating_sub(width);
    let (skip, dots) = if skip > 0 { (skip + 1, "…") } else { (0, "") };
    dots.chars().chain(chars[skip..].iter().copied()).collect()
}

/// Where the lines go, and whether they may carry colour.
struct Term<'a> {
    out: &'a mut dyn io::Write,
    color: bool,
}

impl Term<'_> {
    /// A paragraph at `indent`, continuation lines two columns further in.
    fn text(&mut self, indent: usize, text: &str, style: Style) -> io::Result<()> {
        self.para(&[seg(" ".repeat(indent), PLAIN)], indent + 2, text, style)
    }

    /// `    Label        text…`, wrapped under the text.
    fn field(&mut self, indent: usize, name: &str, text: &str, style: Style) -> io::Result<()> {
        self.para(&[label(indent, name)], indent + LABEL, text, style)
    }

    /// A field that may be missing, which the reader should see as "not set".
    fn maybe(&mut self, indent: usize, name: &str, value: Option<impl Display>) -> io::Result<()> {
        match value {
            Some(value) => self.field(indent, name, &value.to_string(), PLAIN),
            None => self.field(indent, name, "not set", DIM),
        }
    }

    /// One line as it is (the caller has made it fit), without trailing spaces.
    fn raw(&mut self, segs: &[Seg]) -> io::Result<()> {
        let end = segs.iter().rposition(|(s, _)| !s.trim().is_empty());
        let end = end.map_or(0, |i| i + 1);
        let mut line = String::new();
        for (i, (text, style)) in segs[..end].iter().enumerate() {
            let text = if i + 1 == end { text.trim_end() } else { text };
            match self.color && *style != PLAIN {
                true => line += &format!("{}{text}{}", style.render(), style.render_reset()),
                false => line += text,
            }
        }
        writeln!(self.out, "{line}")
    }

    /// `first` (which does not wrap) then `body` word-wrapped to the width, continuation lines
    /// indented by `hang`. A word longer than a continuation line is broken.
    fn para(&mut self, first: &[Seg], hang: usize, body: &str, style: Style) -> io::Result<()> {
        let mut line: Vec<Seg> = first.to_vec();
        let mut used: usize = first.iter().map(|(s, _)| s.chars().count()).sum();
        let (mut text, mut printed) = (String::new(), false);
        let breaks = |c: char| c.is_whitespace() && c != '\u{a0}';
        for word in body.split(breaks).filter(|w| !w.is_empty()) {
            let mut word: Vec<char> = word.chars().map(printable).collect();
            loop {
                let (gap, len) = (usize::from(!text.is_empty()), word.len());
                if used + gap + len <= WIDTH {
                    text.extend(std::iter::repeat_n(' ', gap).chain(word.drain(..)));
                    used += gap + len;
                    break;
                }
                if text.is_empty() && len > WIDTH.saturating_sub(hang) {
                    let n = WIDTH.saturating_sub(used).clamp(1, len);
                    text.extend(word.drain(..n));
                }
                line.push(seg(std::mem::take(&mut text), style));
                self.raw(&line)?;
                (line, used, printed) = (vec![seg(" ".repeat(hang), PLAIN)], hang, true);
                if word.is_empty() {
                    break;
                }
            }
        }
        // The last line, unless it is a continuation that received nothing.
        if !text.is_empty() || !printed {
            line.push(seg(text, style));
            self.raw(&line)?;
        }
        Ok(())
    }
}
