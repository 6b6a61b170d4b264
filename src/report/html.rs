//! The HTML format of the report: one self-contained page for a manager to read, print or
//! attach to a review.
//!
//! The page has no scripts and no external assets: the stylesheet is inline
//! (`html/style.css`), the charts are inline SVG ([`svg`]) and fonts are the reader's system
//! fonts. Every text that comes from a plan goes through [`escape`]; the north star, the one
//! Markdown field, is rendered by comrak with raw HTML escaped and dangerous link schemes
//! dropped, images turned into plain links (an image would be fetched when the page opens)
//! and headings demoted below the report's own. Output is deterministic: same report, same
//! bytes.

mod svg;

use std::fmt::{self, Write as _};
use std::io;

use chrono::NaiveDate;

use super::model::{Flag, GoalReport, PlanReport, Range, Report, Team};
use crate::history::facts::leading_number;
use crate::plan::{GoalStatus, GoalType};

const CSS: &str = include_str!("html/style.css");
const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">"#;

/// Writes the report as one HTML document.
pub fn write(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    let page = page(report).map_err(|_| io::Error::other("formatting the HTML report failed"))?;
    out.write_all(page.as_bytes())
}

/// Escapes text for HTML element content and for quoted attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Renders plan Markdown safely: see the module docs.
fn markdown(text: &str) -> Result<String, fmt::Error> {
    use comrak::nodes::NodeValue;
    let arena = comrak::Arena::new();
    let mut options = comrak::Options::default();
    // Raw HTML is shown as the text it is rather than silently dropped, so the reader sees
    // everything the author wrote; `unsafe` stays off, so `javascript:` links lose their URL.
    options.render.escape = true;
    let root = comrak::parse_document(&arena, text, &options);
    for node in root.descendants() {
        let mut ast = node.data_mut();
        match &mut ast.value {
            NodeValue::Heading(h) => h.level = (h.level + 4).min(6),
            NodeValue::Image(link) => {
                let link = std::mem::take(link);
                ast.value = NodeValue::Link(link);
            }
            _ => {}
        }
    }
    let mut html = String::new();
    comrak::format_html(root, &options, &mut html)?;
    Ok(html)
}

fn page(report: &Report) -> Result<String, fmt::Error> {
    let mut o = String::new();
    // One plan: its owner heads the plan itself, so the page is just "Growth report".
    let (heading, subject) = match report.plans.as_slice() {
        [plan] => ("Growth report", plan.owner.as_str()),
        _ => ("Team growth report", "Team"),
    };
    writeln!(
        o,
        "{HEAD}\n<title>Growth report: {} ({})</title>",
        escape(subject),
        report.today
    )?;
    writeln!(
        o,
        "<style>\n{CSS}</style>\n</head>\n<body>\n<div class=\"page\">"
    )?;
    writeln!(o, "<header class=\"masthead\">\n<h1>{heading}</h1>")?;
    let today = report.today;
    write!(
        o,
        r#"<p class="meta"><span>As of <time datetime="{today}">{today}</time></span>"#
    )?;
    write!(o, "<span>Range: {}</span>", range_text(&report.range))?;
    if report.plans.len() > 1 {
        write!(o, "<span>{} plans</span>", report.plans.len())?;
    }
    let history = if report.history {
        "from git"
    } else {
        "unavailable"
    };
    writeln!(o, "<span>History: {history}</span></p>")?;
    if !report.notes.is_empty() {
        writeln!(o, r#"<div class="notes" role="note"><ul>"#)?;
        for note in &report.notes {
            writeln!(o, "<li>{}</li>", escape(note))?;
        }
        writeln!(o, "</ul></div>")?;
    }
    writeln!(o, "</header>\n<main>")?;
    if let Some(team) = &report.team {
        team_section(&mut o, team, &report.plans)?;
    }
    for (i, plan) in report.plans.iter().enumerate() {
        plan_section(&mut o, i + 1, plan, report)?;
    }
    writeln!(o, "</main>\n<footer class=\"footer\">Made by <b>growth</b> from the plans and their git history, {today}.</footer>")?;
    writeln!(o, "</div>\n</body>\n</html>")?;
    Ok(o)
}

fn team_section(o: &mut String, team: &Team, plans: &[PlanReport]) -> fmt::Result {
    writeln!(o, r#"<section class="card team" aria-labelledby="team">"#)?;
    writeln!(o, r#"<h2 id="team">Team summary</h2>"#)?;
    let columns = [
        "Person",
        "#Open goals",
        "#Actions done",
        "#Check-ins",
        "Last activity",
    ];
    table(o, "people", &[&columns[..], &["Flags", "Lint"]].concat())?;
    for person in &team.people {
        // Link the row to the person's plan; paths identify plans where owners may repeat.
        let owner = escape(&person.owner);
        let name = match plans.iter().position(|p| p.path == person.path) {
            Some(i) => format!("<a href=\"#plan-{}\">{owner}</a>", i + 1),
            None => owner,
        };
        let lint = match person.lint {
            "errors" => "bad",
            "warnings" => "warn",
            _ => "good",
        };
        let cells = [
            ("th", name),
            ("num", person.goals.to_string()),
            ("num", person.actions_done_in_range.to_string()),
            ("num", person.checkins_in_range.to_string()),
            ("date", date_or_dash(person.last_activity)),
            ("", flags(&person.flags)),
            ("", badge(lint, &escape(person.lint))),
        ];
        row(o, &cells)?;
    }
    writeln!(o, "{END_TABLE}<div class=\"cols\">")?;
    let activity: Vec<svg::Activity> = (team.people.iter())
        .map(|p| svg::Activity {
            owner: &p.owner,
            actions: p.actions_done_in_range,
            checkins: p.checkins_in_range,
        })
        .collect();
    writeln!(o, "<section>\n<h3>Activity in the range</h3>")?;
    let label = "Actions done and check-ins per person in the range";
    writeln!(
        o,
        "{}</section>\n<section>\n<h3>Focus areas</h3>",
        svg::team(label, &activity)?
    )?;
    if team.focus_areas.is_empty() {
        writeln!(o, "<p class=\"empty\">No open goal names a focus area.</p>")?;
    } else {
        let max = team
            .focus_areas
            .iter()
            .map(|f| f.1)
            .max()
            .unwrap_or(1)
            .max(1);
        writeln!(o, "<ul class=\"focus\">")?;
        for (area, n) in &team.focus_areas {
            let width = *n as f64 / max as f64 * 100.0;
            write!(o, r#"<li><span class="area">{}</span>"#, escape(area))?;
            write!(
                o,
                r#"<span class="meter" aria-hidden="true"><span style="width:{width:.1}%">"#
            )?;
            writeln!(
                o,
                "</span></span><span class=\"n\">{n} open goal{}</span></li>",
                plural(*n)
            )?;
        }
        writeln!(o, "</ul>")?;
    }
    writeln!(o, "</section>\n</div>")?;
    if !team.ladder.is_empty() {
        writeln!(o, "<h3>Ladder coverage</h3>\n<p class=\"hint\">Competencies that rise at the next level, and whether an open goal works on them.</p>")?;
        table(o, "ladder", &["Person", "Level", "Covered", "Missing"])?;
        for l in &team.ladder {
            let level = format!(
                r#"<span class="nw">{}</span> → <span class="nw">{}</span>"#,
                escape(&l.role),
                escape(&l.target_role)
            );
            let cells = [
                ("th", escape(&l.owner)),
                ("", level),
                ("", chips(&l.covered, "good")),
                ("", chips(&l.missing, "bad")),
            ];
            row(o, &cells)?;
        }
        o.push_str(END_TABLE);
    }
    writeln!(o, "<h3>Not checked in</h3>")?;
    if team.not_checked_in.is_empty() {
        writeln!(o, "<p>Everyone has checked in within the range.</p>")?;
    } else {
        let names: Vec<String> = team.not_checked_in.iter().map(|n| escape(n)).collect();
        let names = names.join(", ");
        writeln!(
            o,
            "<p class=\"attention\">No check-in in the range: {names}.</p>"
        )?;
    }
    writeln!(o, "</section>")
}

fn plan_section(o: &mut String, n: usize, plan: &PlanReport, report: &Report) -> fmt::Result {
    writeln!(
        o,
        r#"<article class="card plan" id="plan-{n}" aria-labelledby="plan-{n}-h">"#
    )?;
    writeln!(
        o,
        "<header class=\"plan-head\">\n<h2 id=\"plan-{n}-h\">{}</h2>",
        escape(&plan.owner)
    )?;
    if let Some(title) = &plan.title {
        writeln!(o, "<p class=\"plan-title\">{}</p>", escape(title))?;
    }
    let role = match (&plan.role, &plan.target_role) {
        (Some(r), Some(t)) => Some(format!("{} → {}", escape(r), escape(t))),
        (Some(r), None) => Some(escape(r)),
        (None, Some(t)) => Some(format!("→ {}", escape(t))),
        (None, None) => None,
    };
    let (errors, warnings) = (plan.lint.errors, plan.lint.warnings);
    let lint = match (errors, warnings) {
        (0, 0) => badge("good", "clean"),
        (0, w) => badge("warn", &format!("{w} warning{}", plural(w))),
        (e, 0) => badge("bad", &format!("{e} error{}", plural(e))),
        (e, w) => badge(
            "bad",
            &format!("{e} error{}, {w} warning{}", plural(e), plural(w)),
        ),
    };
    let path = escape(&plan.path.display().to_string());
    let facts = [
        ("Role", role),
        ("Period", plan.period.map(|(s, e)| format!("{s} – {e}"))),
        ("Next review", plan.review.map(|d| d.to_string())),
        ("Last activity", plan.last_activity.map(|d| d.to_string())),
        (
            "Range",
            (plan.range != report.range).then(|| range_text(&plan.range)),
        ),
        ("Lint", Some(lint)),
        ("File", Some(format!("<code>{path}</code>"))),
    ];
    definitions(o, "facts", &facts)?;
    if let Some(star) = &plan.north_star {
        writeln!(
            o,
            "<div class=\"north-star\"><p class=\"label\">North star</p>"
        )?;
        writeln!(o, "{}</div>", markdown(star)?)?;
    }
    let goals = &plan.goals;
    let open = goals
        .iter()
        .filter(|g| !matches!(g.status, GoalStatus::Done | GoalStatus::Dropped));
    let sum = |count: fn(&GoalReport) -> usize| goals.iter().map(count).sum::<usize>();
    let (total, done) = (sum(|g| g.actions.len()), sum(|g| g.actions_done));
    let (in_range, checkins) = (sum(|g| g.actions_done_in_range), sum(|g| g.checkins.len()));
    let (count, s) = (goals.len(), plural(goals.len()));
    write!(
        o,
        "<ul class=\"stats\"><li><b>{count}</b> goal{s} ({} open)</li>",
        open.count()
    )?;
    write!(o, "<li><b>{done}</b> of {total} actions done</li>")?;
    write!(o, "<li><b>{in_range}</b> done in the range</li>")?;
    let s = plural(checkins);
    writeln!(
        o,
        "<li><b>{checkins}</b> check-in{s} in the range</li></ul>\n</header>"
    )?;
    let dated: Vec<NaiveDate> = goals
        .iter()
        .flat_map(|g| &g.actions)
        .filter_map(|a| a.done_on)
        .collect();
    if !dated.is_empty() {
        let extent: Vec<NaiveDate> = plan.period.map(|(s, e)| vec![s, e]).unwrap_or_default();
        let label = format!("Actions done over time, {}", plan.owner);
        let chart = svg::actions(&label, &dated, &extent, report.today, plan.range)?;
        figure(o, "Actions done over time", &chart)?;
    }
    for (m, goal) in goals.iter().enumerate() {
        goal_section(o, &format!("plan-{n}-goal-{}", m + 1), goal, plan)?;
    }
    if goals.is_empty() {
        writeln!(o, "<p class=\"empty\">This plan has no goals yet.</p>")?;
    }
    writeln!(o, "</article>")
}

fn goal_section(o: &mut String, id: &str, goal: &GoalReport, plan: &PlanReport) -> fmt::Result {
    writeln!(
        o,
        r#"<section class="goal" id="{id}" aria-labelledby="{id}-h">"#
    )?;
    writeln!(
        o,
        "<div class=\"goal-head\">\n<h3 id=\"{id}-h\">{}</h3>",
        escape(&goal.title)
    )?;
    let status = match goal.status {
        GoalStatus::Planned => badge("neutral", "planned"),
        GoalStatus::Active => badge("info", "active"),
        GoalStatus::Done => badge("good", "done"),
        GoalStatus::Dropped => badge("neutral", "dropped"),
        GoalStatus::Blocked => badge("bad", "blocked"),
    };
    let kind = match goal.kind {
        GoalType::Development => badge("outline", "development"),
        GoalType::Career => badge("outline", "career"),
        GoalType::Business => badge("outline", "business"),
    };
    let flags = if goal.flags.is_empty() {
        String::new()
    } else {
        flags(&goal.flags)
    };
    writeln!(o, "<p class=\"tags\">{status}{kind}{flags}</p>\n</div>")?;
    let facts = [
        ("Measure", goal.measure.as_deref().map(escape)),
        ("Due", goal.due.map(|d| d.to_string())),
        ("Focus", goal.focus.as_deref().map(escape)),
        ("Competency", goal.competency.as_deref().map(escape)),
    ];
    definitions(o, "goal-facts", &facts)?;
    let s = goal.smart;
    write!(
        o,
        "<ul class=\"smart\" aria-label=\"SMART checklist: {}\">",
        s.letters()
    )?;
    for (met, name) in [
        (s.specific, "Specific"),
        (s.measurable, "Measurable"),
        (s.achievable, "Achievable"),
        (s.relevant, "Relevant"),
        (s.time_bound, "Time-bound"),
    ] {
        let (class, mark, said) = if met {
            ("met", "✓", "met")
        } else {
            ("unmet", "✗", "not met")
        };
        write!(
            o,
            r#"<li class="{class}"><span aria-hidden="true">{mark}</span> {name}"#
        )?;
        write!(o, r#"<span class="vh">: {said}</span></li>"#)?;
    }
    writeln!(o, "</ul>")?;
    progress(o, goal, plan)?;
    let (done, all) = (goal.actions_done, goal.actions.len());
    write!(o, "<div class=\"cols\">\n<section><h4>Actions <span class=\"count\">{done} of {all} done</span></h4>")?;
    if goal.actions.is_empty() {
        writeln!(o, "<p class=\"empty\">No actions.</p>")?;
    } else {
        writeln!(o, "<ul class=\"actions\">")?;
        for a in &goal.actions {
            let (class, mark) = if a.done {
                ("done", "✓")
            } else {
                ("open", "○")
            };
            let (source, why) = match a.done_source {
                Some("git") => ("git", "the commit that checked it"),
                _ => ("stated", "the date stated in the plan"),
            };
            let when = match (a.done_on, a.due) {
                (Some(d), _) => {
                    format!("done {d} <span class=\"src\" title=\"{why}\">{source}</span>")
                }
                (None, _) if a.done => "done, date unknown".to_string(),
                (None, Some(due)) => format!("due {due}"),
                (None, None) => String::new(),
            };
            write!(
                o,
                r#"<li class="{class}"><span class="mark" aria-hidden="true">{mark}</span>"#
            )?;
            let text = escape(&a.text);
            writeln!(
                o,
                "<span class=\"text\">{text}</span> <span class=\"when\">{when}</span></li>"
            )?;
        }
        writeln!(o, "</ul>")?;
    }
    let count = goal.checkins.len();
    write!(
        o,
        "</section>\n<section><h4>Check-ins in the range <span class=\"count\">{count}</span></h4>"
    )?;
    if goal.checkins.is_empty() {
        writeln!(o, "<p class=\"empty\">None in the range.</p>")?;
    } else {
        table(o, "checkins", &["Date", "Value", "Note"])?;
        for c in &goal.checkins {
            let text = |v: &Option<String>| v.as_deref().map_or_else(String::new, escape);
            row(
                o,
                &[
                    ("date", c.date.to_string()),
                    ("value", text(&c.value)),
                    ("", text(&c.note)),
                ],
            )?;
        }
        o.push_str(END_TABLE);
    }
    writeln!(o, "</section>\n</div>")?;
    if !goal.timeline.is_empty() {
        writeln!(o, "<h4>Timeline</h4>")?;
        table(o, "timeline", &["Date", "Commit", "Author", "Change"])?;
        for e in &goal.timeline {
            let cells = [
                ("date", e.date.to_string()),
                ("", format!("<code>{}</code>", escape(&e.commit))),
                ("", escape(&e.author)),
                ("", escape(&e.what)),
            ];
            row(o, &cells)?;
        }
        o.push_str(END_TABLE);
    }
    writeln!(o, "</section>")
}

/// The progress bar, the baseline → latest → target line and the chart of check-in values.
fn progress(o: &mut String, goal: &GoalReport, plan: &PlanReport) -> fmt::Result {
    let p = &goal.progress;
    writeln!(o, "<div class=\"progress\">")?;
    if let Some(pct) = p.percent {
        let label = format!("{pct:.0}% of the way from baseline to target");
        write!(
            o,
            r#"<div class="bar-line"><div class="bar" role="img" aria-label="{label}">"#
        )?;
        write!(o, r#"<span style="width:{pct:.1}%"></span></div>"#)?;
        writeln!(o, r#"<span class="pct">{pct:.0}%</span></div>"#)?;
    }
    if p.baseline.is_some() || p.target.is_some() || p.latest.is_some() {
        let part = |v: &Option<String>| v.as_deref().map_or_else(|| "—".to_string(), escape);
        let (from, latest, to) = (part(&p.baseline), part(&p.latest), part(&p.target));
        write!(
            o,
            "<p class=\"fromto\">Baseline <b>{from}</b> → latest <b>{latest}</b>"
        )?;
        writeln!(o, " → target <b>{to}</b></p>")?;
    } else {
        writeln!(
            o,
            "<p class=\"empty\">No baseline, target or check-in values to measure progress by.</p>"
        )?;
    }
    if !p.series.is_empty() {
        let number = |v: &Option<String>| v.as_deref().and_then(leading_number);
        let mut extent: Vec<NaiveDate> = plan.period.map(|(s, _)| vec![s]).unwrap_or_default();
        extent.extend(goal.due.or(plan.period.map(|(_, e)| e)));
        let (baseline, target) = (number(&p.baseline), number(&p.target));
        let label = format!("Progress over time: {}", goal.title);
        let chart = svg::progress(&label, &p.series, baseline, target, &extent)?;
        figure(o, "Progress over time", &chart)?;
    }
    writeln!(o, "</div>")
}

const END_TABLE: &str = "</tbody></table></div>\n";

/// Starts a table with its header row; a column named with a leading `#` holds numbers.
fn table(o: &mut String, class: &str, columns: &[&str]) -> fmt::Result {
    write!(
        o,
        r#"<div class="table-wrap"><table class="{class}"><thead><tr>"#
    )?;
    for column in columns {
        match column.strip_prefix('#') {
            Some(column) => write!(o, r#"<th scope="col" class="num">{column}</th>"#)?,
            None => write!(o, r#"<th scope="col">{column}</th>"#)?,
        }
    }
    writeln!(o, "</tr></thead><tbody>")
}

/// A table row of `(class, html)` cells; the class `th` makes the cell the row's header.
fn row(o: &mut String, cells: &[(&str, String)]) -> fmt::Result {
    o.push_str("<tr>");
    for (class, html) in cells {
        match *class {
            "th" => write!(o, r#"<th scope="row">{html}</th>"#)?,
            "" => write!(o, "<td>{html}</td>")?,
            class => write!(o, r#"<td class="{class}">{html}</td>"#)?,
        }
    }
    writeln!(o, "</tr>")
}

/// A definition list of the facts that have a value (already HTML).
fn definitions(o: &mut String, class: &str, facts: &[(&str, Option<String>)]) -> fmt::Result {
    writeln!(o, "<dl class=\"{class}\">")?;
    for (term, value) in facts {
        if let Some(value) = value {
            writeln!(o, "<div><dt>{term}</dt><dd>{value}</dd></div>")?;
        }
    }
    writeln!(o, "</dl>")
}

fn figure(o: &mut String, caption: &str, chart: &str) -> fmt::Result {
    writeln!(
        o,
        "<figure class=\"figure\"><figcaption>{caption}</figcaption>\n{chart}</figure>"
    )
}

/// A badge; `html` is already escaped.
fn badge(class: &str, html: &str) -> String {
    format!("<span class=\"badge {class}\">{html}</span>")
}

fn chips(ids: &[String], class: &str) -> String {
    if ids.is_empty() {
        return "<span class=\"none\">none</span>".to_string();
    }
    let chips: Vec<String> = ids
        .iter()
        .map(|id| format!("<span class=\"chip {class}\">{}</span>", escape(id)))
        .collect();
    chips.join(" ")
}

fn flags(flags: &[Flag]) -> String {
    if flags.is_empty() {
        return "<span class=\"none\">—</span>".to_string();
    }
    let class = |f: &Flag| if *f == Flag::Stale { "warn" } else { "bad" };
    flags
        .iter()
        .map(|f| badge(class(f), f.label()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn range_text(range: &Range) -> String {
    match (range.since, range.until) {
        (None, None) => "all dates".to_string(),
        (Some(s), None) => format!("since {s}"),
        (None, Some(u)) => format!("until {u}"),
        (Some(s), Some(u)) => format!("{s} – {u}"),
    }
}

fn date_or_dash(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "—".to_string(), |d| d.to_string())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
