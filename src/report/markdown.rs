//! The Markdown format of the report: GitHub-flavoured Markdown to paste into a review
//! document.
//!
//! Headings per plan and goal, tables for the team and the actions, lists for check-ins and
//! the timeline. Every text from a plan goes through [`text`], which escapes what Markdown or
//! HTML would act on (`|`, `*`, `[`, `<`, `&`, …) and folds line breaks, so a hostile title
//! can neither break a table, nor make a link, nor inject HTML. No raw HTML is written.

use std::fmt::Display;
use std::io;

use super::model::{FindingReport, GoalReport, PlanReport, Report, Smart, Team};
use crate::sanitize;

pub fn write(report: &Report, out: &mut dyn io::Write) -> io::Result<()> {
    writeln!(out, "# Growth report\n")?;
    let plans = plural(report.plans.len(), "plan");
    let varies = report.plans.iter().any(|p| p.range != report.range);
    let range = varies.then(|| "differs per plan".to_string());
    let range = range.unwrap_or_else(|| report.range.to_string());
    writeln!(
        out,
        "As of **{}** · range: {range} · {plans}\n",
        report.today
    )?;
    for note in &report.notes {
        writeln!(out, "> **Note:** {}\n", text(note))?;
    }
    if !report.history && !report.notes.iter().any(|n| n.contains("history")) {
        writeln!(
            out,
            "> **Note:** history is unavailable: dates come from the plans alone\n"
        )?;
    }
    let smart: Vec<String> = Smart::NAMES
        .iter()
        .map(|s| format!("**{}**{}", &s[..1], &s[1..]))
        .collect();
    write!(out, "SMART: {}; ✅ met, ❌ not met. ", smart.join(", "))?;
    write!(out, "Actions: ✅ done, ⬜ open.")?;
    let mut goals = report.plans.iter().flat_map(|p| &p.goals);
    if goals.any(|g| g.actions.iter().any(|a| a.done_source.is_some())) {
        write!(out, " Done dates are *stated* in the plan, or by *git*: ")?;
        write!(out, "the date of the commit that ticked the box.")?;
    }
    writeln!(out)?;
    if let Some(team) = &report.team {
        team_summary(out, team)?;
    }
    for plan in &report.plans {
        plan_section(out, report, plan)?;
    }
    Ok(())
}

fn team_summary(out: &mut dyn io::Write, team: &Team) -> io::Result<()> {
    writeln!(out, "\n## Team summary\n")?;
    writeln!(
        out,
        "| Person | Open goals | Actions done | Check-ins | Last activity | Lint | Flags |"
    )?;
    writeln!(out, "|---|--:|--:|--:|---|---|---|")?;
    for row in &team.people {
        let lint = match row.lint {
            "errors" => "❌ errors",
            "warnings" => "⚠️ warnings",
            _ => "✅ ok",
        };
        let last = opt("", row.last_activity, "");
        let flags: Vec<&str> = row.flags.iter().map(|f| f.label()).collect();
        let (goals, done, checkins) = (row.goals, row.actions_done_in_range, row.checkins_in_range);
        let owner = match row.ended {
            true => format!("{} (ended)", text(&row.owner)),
            false => text(&row.owner),
        };
        write!(
            out,
            "| {owner} | {goals} | {done} | {checkins} | {last} | {lint} |"
        )?;
        writeln!(out, " {} |", flags.join(", "))?;
    }
    writeln!(
        out,
        "\nActions done and check-ins count those in the range.\n"
    )?;
    if !team.focus_areas.is_empty() {
        let areas = team
            .focus_areas
            .iter()
            .map(|(a, n)| format!("{} ({n})", text(a)));
        let areas: Vec<String> = areas.collect();
        writeln!(out, "**Focus areas** (open goals): {}\n", areas.join(", "))?;
    }
    let late: Vec<String> = team
        .quiet
        .iter()
        .map(|q| text(&super::quiet_words(q)))
        .collect();
    let heading = super::quiet_heading(team);
    match late.is_empty() {
        true => writeln!(out, "**{heading}:** nobody, everyone has checked in.")?,
        false => writeln!(out, "**{heading}:** {}.", late.join(", "))?,
    }
    if team.ladder.is_empty() && team.no_target_role.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n### Ladder coverage\n")?;
    writeln!(
        out,
        "What each person's target level asks for that their current level does not,"
    )?;
    writeln!(out, "and whether an open goal works on it.\n")?;
    for person in &team.ladder {
        let role = super::level_words(&person.role, person.role_name.as_deref());
        let target = super::level_words(&person.target_role, person.target_name.as_deref());
        writeln!(
            out,
            "**{}** ({} → {})  ",
            text(&person.owner),
            text(&role),
            text(&target)
        )?;
        writeln!(out, "Covered: {}  ", list(&person.covered))?;
        if person.gaps.is_empty() {
            writeln!(out, "Missing: none\n")?;
            continue;
        }
        writeln!(out, "Missing:\n")?;
        for gap in &person.gaps {
            let expectation = match gap.expectation.is_empty() {
                true => String::new(),
                false => format!(": {}", text(&gap.expectation)),
            };
            writeln!(out, "- {}{expectation}", code(&gap.competency))?;
        }
        writeln!(out)?;
    }
    if !team.no_target_role.is_empty() {
        let names: Vec<String> = team.no_target_role.iter().map(|o| text(o)).collect();
        writeln!(out, "No target level set: {}.", names.join(", "))?;
    }
    Ok(())
}

fn plan_section(out: &mut dyn io::Write, report: &Report, plan: &PlanReport) -> io::Result<()> {
    let title = opt(": ", plan.title.as_deref().map(text), "");
    writeln!(out, "\n## {}{title}\n", text(&plan.owner))?;
    writeln!(
        out,
        "- **File:** {}",
        code(&plan.path.to_string_lossy().replace('\\', "/"))
    )?;
    if plan.role.is_some() || plan.target_role.is_some() {
        let role = plan.role.as_deref().map_or("(no role)".into(), text);
        let target = opt(" → ", plan.target_role.as_deref().map(text), "");
        writeln!(out, "- **Role:** {role}{target}")?;
    }
    let ended = if plan.ended { " (ended)" } else { "" };
    let period = plan.period.map(|(s, e)| format!("{s} to {e}{ended}"));
    writeln!(
        out,
        "- **Period:** {}",
        period.as_deref().unwrap_or("*not set*")
    )?;
    writeln!(out, "- **Review:** {}", maybe(plan.review))?;
    writeln!(
        out,
        "- **North star:** {}",
        maybe(plan.north_star.as_deref().map(text))
    )?;
    // When ranges differ, every plan says its own, an open one too.
    if report.plans.iter().any(|p| p.range != report.range) {
        writeln!(out, "- **Range:** {}", plan.range)?;
    }
    let (e, w, i) = (plan.lint.errors, plan.lint.warnings, plan.lint.infos);
    let counts = [(e, "error"), (w, "warning"), (i, "info")];
    let counts = counts.iter().filter(|c| c.0 > 0);
    let lint: Vec<String> = counts.map(|c| plural(c.0, c.1)).collect();
    let lint = if lint.is_empty() {
        "clean".into()
    } else {
        lint.join(", ")
    };
    writeln!(out, "- **Lint:** {lint}")?;
    writeln!(out, "- **Last activity:** {}", maybe(plan.last_activity))?;
    if !plan.summary.is_empty() {
        writeln!(out, "\n**Summary:** {}", text(&plan.summary.join(" ")))?;
    }
    findings(out, &plan.findings)?;
    if plan.goals.is_empty() {
        writeln!(out, "\n*This plan has no goals yet.*")?;
    }
    for (n, goal) in plan.goals.iter().enumerate() {
        let of = plan.goals.len();
        writeln!(out, "\n### Goal {} of {of}: {}\n", n + 1, text(&goal.title))?;
        goal_section(out, report, goal)?;
    }
    Ok(())
}

fn goal_section(out: &mut dyn io::Write, report: &Report, goal: &GoalReport) -> io::Result<()> {
    // Types and statuses are named in plans as their variants are, in lower case.
    let (kind, status) = (format!("{:?}", goal.kind), format!("{:?}", goal.status));
    write!(out, "**{status}** · {} goal", kind.to_lowercase())?;
    write!(out, "{}", opt(" · due ", goal.due, ""))?;
    write!(
        out,
        "{}",
        opt(" · focus: ", goal.focus.as_deref().map(text), "")
    )?;
    writeln!(
        out,
        "{}\n",
        opt(" · competency: ", goal.competency.as_deref().map(text), "")
    )?;
    let s = goal.smart;
    let checks: Vec<String> = s
        .criteria()
        .iter()
        .map(|(name, met)| format!("{} {name}", tick(*met)))
        .collect();
    writeln!(out, "**SMART** `{}`: {}\n", s.letters(), checks.join(" · "))?;
    if !goal.flags.is_empty() {
        let flags: Vec<&str> = goal.flags.iter().map(|f| f.label()).collect();
        writeln!(out, "**Flags:** ⚠️ {}\n", flags.join(", "))?;
    }
    for d in &goal.flag_details {
        writeln!(out, "- {}: {}", d.flag.label(), text(&d.words()))?;
    }
    if !goal.flag_details.is_empty() {
        writeln!(out)?;
    }
    if let Some(a) = &goal.agreed {
        writeln!(
            out,
            "**Agreed:** {}\n",
            text(a.words().trim_start_matches("agreed "))
        )?;
        for c in &a.changes {
            writeln!(out, "- changed since: {}", text(&c.words()))?;
        }
        if !a.changes.is_empty() {
            writeln!(out)?;
        }
    }
    writeln!(
        out,
        "**Measure:** {}\n",
        maybe(goal.measure.as_deref().map(text))
    )?;
    if let Some(progress) = progress_text(goal) {
        writeln!(out, "**Progress:** {progress}\n")?;
    }
    let (done, all, in_range) = (
        goal.actions_done,
        goal.actions.len(),
        goal.actions_done_in_range,
    );
    match all {
        0 => writeln!(out, "**Actions:** none.")?,
        _ => writeln!(
            out,
            "**Actions:** {done} of {all} done, {in_range} in the range.\n"
        )?,
    }
    if all > 0 {
        writeln!(out, "| | Action | Due | Done |\n|---|---|---|---|")?;
    }
    for a in &goal.actions {
        let source = opt(" (", a.done_source, ")");
        let when = match (a.done, a.done_on) {
            (true, Some(d)) => format!("{d}{source}"),
            (true, None) => "date unknown".to_string(),
            (false, _) => String::new(),
        };
        let due = opt("", a.due, if a.overdue { " ⚠️ overdue" } else { "" });
        let (mark, action) = (if a.done { "✅" } else { "⬜" }, text(&a.text));
        writeln!(out, "| {mark} | {action} | {due} | {when} |")?;
    }
    let cited: Vec<(Option<&str>, &super::proof::EvidenceReport)> = (goal.evidence.iter())
        .map(|e| (None, e))
        .chain(
            goal.actions
                .iter()
                .flat_map(|a| a.evidence.iter().map(|e| (Some(a.text.as_str()), e))),
        )
        .collect();
    if !cited.is_empty() {
        writeln!(out, "\n**Evidence:**\n")?;
    }
    for (action, e) in cited {
        let of = action.map_or_else(|| "the goal".to_string(), text);
        writeln!(out, "- `{}` ({of}): {}", text(&e.cited), text(&e.words))?;
    }
    findings(out, &goal.findings)?;
    match goal.checkins.len() {
        0 => writeln!(out, "\n**Check-ins in the range:** none.")?,
        _ => writeln!(out, "\n**Check-ins in the range:**\n")?,
    }
    for c in &goal.checkins {
        let value = opt(" · **", c.value.as_deref().map(text), "**");
        let note = opt(" · ", c.note.as_deref().map(text), "");
        writeln!(out, "- {}{value}{note}", c.date)?;
    }
    // Without history there is no timeline at all; the top of the report says why.
    match (report.history, goal.timeline.is_empty()) {
        (false, _) => return Ok(()),
        (true, true) => writeln!(out, "\n**Timeline:** no changes in the range.")?,
        (true, false) => writeln!(out, "\n**Timeline:**\n")?,
    }
    // One item per commit, what it changed nested under it.
    let mut last = None;
    for e in &goal.timeline {
        if last != Some((e.date, &e.commit, &e.author)) {
            writeln!(out, "- {} {} {}", e.date, code(&e.commit), text(&e.author))?;
            last = Some((e.date, &e.commit, &e.author));
        }
        writeln!(out, "  - {}", text(&e.what))?;
    }
    Ok(())
}

/// The lint findings as a list under **Findings:**, nothing when there are none.
fn findings(out: &mut dyn io::Write, findings: &[FindingReport]) -> io::Result<()> {
    if !findings.is_empty() {
        writeln!(out, "\n**Findings:**\n")?;
    }
    for f in findings {
        let severity = format!("{:?}", f.severity).to_lowercase();
        let (line, code_) = (f.line, code(f.code));
        writeln!(
            out,
            "- line {line} {code_} {severity}: {}",
            text(&f.message)
        )?;
    }
    Ok(())
}

/// `` `[#####.....]` 50%: latest **1**, baseline 0, target 2 ``, or `None` when nothing is
/// known; when there is no percentage, why.
fn progress_text(goal: &GoalReport) -> Option<String> {
    let p = &goal.progress;
    if p.baseline.is_none() && p.target.is_none() && p.latest.is_none() {
        return None;
    }
    let bar = |percent: f64| {
        let bar = super::bar(percent);
        let (cells, number) = bar.split_once(' ').unwrap_or((&bar, ""));
        format!("`{cells}` {number}: ")
    };
    let mut line = p.percent.map(bar).unwrap_or_default();
    let latest = p.latest.as_deref().map(text);
    line += &latest.map_or("no value checked in yet".into(), |l| {
        format!("latest **{l}**")
    });
    line += &opt(", baseline ", p.baseline.as_deref().map(text), "");
    let target = p.target.as_deref().map(text);
    line += &target.map_or(", no target set".into(), |t| format!(", target {t}"));
    line += &opt("; no percentage: ", p.no_percent.as_deref().map(text), "");
    Some(line)
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn tick(met: bool) -> &'static str {
    if met {
        "✅"
    } else {
        "❌"
    }
}

/// `before value after`, or nothing when there is no value.
fn opt(before: &str, value: Option<impl Display>, after: &str) -> String {
    value.map_or(String::new(), |v| format!("{before}{v}{after}"))
}

/// A value, or *not set* in italics.
fn maybe(value: Option<impl Display>) -> String {
    value.map_or("*not set*".to_string(), |v| v.to_string())
}

/// Plan texts, escaped, joined by commas; *none* when there are none.
fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| text(i)).collect();
    if items.is_empty() {
        "*none*".into()
    } else {
        items.join(", ")
    }
}

/// Text from a plan, made inert: one line, Markdown punctuation escaped with a backslash,
/// `<`, `>` and `&` as entities (GitHub would otherwise pass some HTML through), control and
/// bidi characters shown as `�`.
fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for (i, word) in raw.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' => {
                    out.push('\\');
                    out.push(c);
                }
                c if sanitize::is_unsafe(c) => out.push('\u{fffd}'),
                c => out.push(c),
            }
        }
    }
    out
}

/// A code span. Backticks cannot be escaped inside one, so they become quotes; a path or a
/// commit id has none in practice.
fn code(raw: &str) -> String {
    let clean: String = raw.chars().filter(|c| !sanitize::is_unsafe(*c)).collect();
    format!("`{}`", clean.replace('`', "'"))
}
