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

mod goal;
mod svg;
mod team;

use std::fmt;
use std::io;

use chrono::NaiveDate;

use super::model::{Flag, GoalReport, PlanReport, Report};
use crate::plan::GoalStatus;

const CSS: &str = include_str!("html/style.css");

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
    // One plan: its owner heads the plan itself, so the page is just "Growth report".
    let (heading, subject) = match report.plans.as_slice() {
        [plan] => ("Growth report", escape(&plan.owner)),
        _ => ("Team growth report", "Team".to_string()),
    };
    let (today, mut range) = (report.today, report.range.to_string());
    // Plans with ranges of their own (`--since last-review`) leave the report's range open.
    if report.plans.iter().any(|p| p.range != report.range) {
        range = "per plan".to_string();
    }
    let history = match report.history {
        true => "from git",
        false => "unavailable",
    };
    let plans = match report.plans.len() {
        1 => String::new(),
        n => format!("<span>{n} plans</span>"),
    };
    let notes: Vec<String> = report.notes.iter().map(|n| escape(n)).collect();
    let notes = match notes.join("</li><li>") {
        notes if notes.is_empty() => notes,
        notes => format!("<div class=\"notes\" role=\"note\"><ul><li>{notes}</li></ul></div>\n"),
    };
    let team = match &report.team {
        Some(team) => team::section(team, &report.plans)?,
        None => String::new(),
    };
    let mut plans_html = String::new();
    for (i, plan) in report.plans.iter().enumerate() {
        plans_html.push_str(&plan_section(i + 1, plan, report)?);
    }
    Ok(format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>Growth report: {subject} ({today})</title>
<style>
{CSS}</style>
</head>
<body>
<div class="page">
<header class="masthead">
<h1>{heading}</h1>
<p class="meta"><span>As of <time datetime="{today}">{today}</time></span><span>Range: {range}</span>{plans}<span>History: {history}</span></p>
{notes}</header>
<main>
{team}{plans_html}</main>
<footer class="footer">Made by <b>growth</b> from the plans and their git history, {today}.<span class="print-note"> Each goal's timeline, commit by commit, is in the report on screen.</span></footer>
</div>
</body>
</html>
"#
    ))
}

fn plan_section(n: usize, plan: &PlanReport, report: &Report) -> Result<String, fmt::Error> {
    let owner = escape(&plan.owner);
    let title = match &plan.title {
        Some(title) => format!("<p class=\"plan-title\">{}</p>\n", escape(title)),
        None => String::new(),
    };
    let role = match (&plan.role, &plan.target_role) {
        (Some(r), Some(t)) => Some(format!("{} → {}", escape(r), escape(t))),
        (Some(r), None) => Some(escape(r)),
        (None, Some(t)) => Some(format!("→ {}", escape(t))),
        (None, None) => None,
    };
    let (e, w) = (plan.lint.errors, plan.lint.warnings);
    let errors = format!("{e} error{}", plural(e));
    let warnings = format!("{w} warning{}", plural(w));
    let lint = match (e, w) {
        (0, 0) => badge("good", "clean"),
        (0, _) => badge("warn", &warnings),
        (_, 0) => badge("bad", &errors),
        _ => badge("bad", &format!("{errors}, {warnings}")),
    };
    let path = escape(&plan.path.display().to_string());
    // Plans can have ranges of their own (`--since last-review`); say so when they differ.
    let own_range = (plan.range != report.range).then(|| plan.range.to_string());
    let facts = definitions(
        "facts",
        &[
            ("Role", role),
            (
                "Period",
                plan.period
                    .map(|(s, e)| format!("{s} – {e}{}", if plan.ended { " (ended)" } else { "" })),
            ),
            ("Next review", plan.review.map(|d| d.to_string())),
            ("Last activity", plan.last_activity.map(|d| d.to_string())),
            ("Range", own_range),
            ("Lint", Some(lint)),
            ("File", Some(format!("<code>{path}</code>"))),
        ],
    );
    let star = match &plan.north_star {
        Some(star) => format!(
            "<div class=\"north-star\"><p class=\"label\">North star</p>\n{}</div>\n",
            markdown(star)?
        ),
        None => String::new(),
    };
    let goals = &plan.goals;
    let sum = |count: fn(&GoalReport) -> usize| goals.iter().map(count).sum::<usize>();
    let open = sum(|g| usize::from(!matches!(g.status, GoalStatus::Done | GoalStatus::Dropped)));
    let (total, done) = (sum(|g| g.actions.len()), sum(|g| g.actions_done));
    let (in_range, checkins) = (sum(|g| g.actions_done_in_range), sum(|g| g.checkins.len()));
    let (count, s, cs) = (goals.len(), plural(goals.len()), plural(checkins));
    let actions = goals.iter().flat_map(|g| &g.actions);
    let dated: Vec<NaiveDate> = actions.filter_map(|a| a.done_on).collect();
    let summary = match plan.summary.is_empty() {
        true => String::new(),
        false => format!(
            "<p class=\"summary\"><b>Summary</b> {}</p>\n",
            escape(&plan.summary.join(" "))
        ),
    };
    // In the header, so print can set it beside the summary.
    let mut actions_chart = String::new();
    if !dated.is_empty() {
        let extent: Vec<NaiveDate> = plan.period.map(|(s, e)| vec![s, e]).unwrap_or_default();
        let label = format!("Actions done over time, {}", plan.owner);
        let chart = svg::actions(&label, &dated, &extent, report.today, plan.range)?;
        actions_chart = figure("Actions done over time", &chart);
    }
    let findings = goal::findings(&plan.findings);
    let mut body = String::new();
    for (m, goal) in goals.iter().enumerate() {
        let id = format!("plan-{n}-goal-{}", m + 1);
        body.push_str(&goal::section(&id, goal, plan)?);
    }
    if goals.is_empty() {
        body.push_str("<p class=\"empty\">This plan has no goals yet.</p>\n");
    }
    Ok(format!(
        r#"<article class="card plan" id="plan-{n}" aria-labelledby="plan-{n}-h">
<header class="plan-head">
<h2 id="plan-{n}-h">{owner}</h2>
{title}{facts}{star}<ul class="stats"><li><b>{count}</b> goal{s} ({open} open)</li><li><b>{done}</b> of {total} actions done</li><li><b>{in_range}</b> done in the range</li><li><b>{checkins}</b> check-in{cs} in the range</li></ul>
{summary}{actions_chart}{findings}</header>
{body}</article>
"#
    ))
}

/// A table: `columns` split on `|`, a leading `#` for a column of numbers; `rows` is HTML.
fn table(class: &str, columns: &str, rows: &str) -> String {
    let head: String = (columns.split('|'))
        .map(|c| match c.strip_prefix('#') {
            Some(c) => format!(r#"<th scope="col" class="num">{c}</th>"#),
            None => format!(r#"<th scope="col">{c}</th>"#),
        })
        .collect();
    format!(
        r#"<div class="table-wrap"><table class="{class}"><thead><tr>{head}</tr></thead><tbody>
{rows}</tbody></table></div>
"#
    )
}

/// A definition list of the facts that have a value (already HTML).
fn definitions(class: &str, facts: &[(&str, Option<String>)]) -> String {
    let items: String = (facts.iter())
        .filter_map(|(term, value)| {
            Some(format!(
                "<div><dt>{term}</dt><dd>{}</dd></div>\n",
                value.as_ref()?
            ))
        })
        .collect();
    format!("<dl class=\"{class}\">\n{items}</dl>\n")
}

fn figure(caption: &str, chart: &str) -> String {
    format!("<figure class=\"figure\"><figcaption>{caption}</figcaption>\n{chart}</figure>\n")
}

/// A badge; `html` is already escaped.
fn badge(class: &str, html: &str) -> String {
    format!("<span class=\"badge {class}\">{html}</span>")
}

/// The flags as badges, or `none` when there are none.
fn flags(flags: &[Flag], none: &str) -> String {
    if flags.is_empty() {
        return none.to_string();
    }
    let class = |f: &Flag| if *f == Flag::Stale { "warn" } else { "bad" };
    flags
        .iter()
        .map(|f| badge(class(f), f.label()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn plural(n: usize) -> &'static str {
    ["s", ""][usize::from(n == 1)]
}
