//! The team summary of the HTML report: one row per person, their activity as a chart, the
//! focus areas, ladder coverage and who has not checked in.

use std::fmt;

use chrono::NaiveDate;

use super::{badge, escape, flags, plural, svg, table};
use crate::report::model::{PersonRow, PlanReport, Team};

/// The team section, for a report of two or more plans.
pub(super) fn section(team: &Team, plans: &[PlanReport]) -> Result<String, fmt::Error> {
    let mut plans_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for p in &team.people {
        *plans_of.entry(p.owner.as_str()).or_default() += 1;
    }
    let names: Vec<String> = (team.people.iter())
        .map(|p| name(p, plans_of[p.owner.as_str()]))
        .collect();
    let people: String = (team.people.iter().zip(&names))
        .map(|(p, name)| {
            // Link the row to the person's plan; paths identify plans where owners may repeat.
            let name = match plans.iter().position(|plan| plan.path == p.path) {
                Some(i) => format!("<a href=\"#plan-{}\">{}</a>", i + 1, escape(name)),
                None => escape(name),
            };
            let lint = match p.lint {
                "errors" => badge("bad", "errors"),
                "warnings" => badge("warn", "warnings"),
                _ => badge("good", "ok"),
            };
            let (goals, done, checkins) = (p.goals, p.actions_done_in_range, p.checkins_in_range);
            let (last, flags) = (date_or_dash(p.last_activity), flags(&p.flags, NONE));
            let name = match p.ended {
                true => format!("{name} <span class=\"badge\">ended</span>"),
                false => name,
            };
            format!(
                r#"<tr><th scope="row">{name}</th><td class="num">{goals}</td><td class="num">{done}</td><td class="num">{checkins}</td><td class="date">{last}</td><td>{flags}</td><td>{lint}</td></tr>
"#
            )
        })
        .collect();
    let people = table(
        "people",
        "Person|#Open goals|#Actions done|#Check-ins|Last activity|Flags|Lint",
        &people,
    );
    let activity: Vec<svg::Activity> = (team.people.iter().zip(&names))
        .map(|(p, name)| svg::Activity {
            owner: name,
            actions: p.actions_done_in_range,
            checkins: p.checkins_in_range,
        })
        .collect();
    let chart = svg::team(
        "Actions done and check-ins per person in the range",
        &activity,
    )?;
    let max = team
        .focus_areas
        .iter()
        .map(|f| f.1)
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let focus: String = (team.focus_areas.iter())
        .map(|(area, n)| {
            let (area, s, width) = (escape(area), plural(*n), *n as f64 / max * 100.0);
            format!(
                r#"<li><span class="area">{area}</span><span class="meter" aria-hidden="true"><span style="width:{width:.1}%"></span></span><span class="n">{n} open goal{s}</span></li>
"#
            )
        })
        .collect();
    let focus = match focus.is_empty() {
        true => "<p class=\"empty\">No open goal names a focus area.</p>".to_string(),
        false => format!("<ul class=\"focus\">\n{focus}</ul>"),
    };
    let ladder: String = (team.ladder.iter())
        .map(|l| {
            let owner = escape(&l.owner);
            let role = escape(&crate::report::level_words(&l.role, l.role_name.as_deref()));
            let target = crate::report::level_words(&l.target_role, l.target_name.as_deref());
            let target = escape(&target);
            let covered = chips(&l.covered, "good");
            let missing: String = l
                .gaps
                .iter()
                .map(|g| {
                    format!(
                        "<li><span class=\"chip bad\">{}</span> {}</li>",
                        escape(&g.competency),
                        escape(&g.expectation)
                    )
                })
                .collect();
            let missing = match missing.is_empty() {
                true => NONE.to_string(),
                false => format!("<ul class=\"gaps\">{missing}</ul>"),
            };
            format!(
                r#"<tr><th scope="row">{owner}</th><td><span class="nw">{role}</span> → <span class="nw">{target}</span></td><td>{covered}</td><td>{missing}</td></tr>
"#
            )
        })
        .collect();
    let no_target = match team.no_target_role.is_empty() {
        true => String::new(),
        false => {
            let names: Vec<String> = team.no_target_role.iter().map(|n| escape(n)).collect();
            format!(
                "<p class=\"hint\">No target level set: {}.</p>\n",
                names.join(", ")
            )
        }
    };
    let ladder = match (ladder.is_empty(), no_target.is_empty()) {
        (true, true) => String::new(),
        (true, false) => format!("<h3>Ladder coverage</h3>\n{no_target}"),
        (false, _) => format!(
            "<h3>Ladder coverage</h3>\n<p class=\"hint\">What the target level asks for that the current level does not, and whether an open goal works on it; for each gap, what good looks like at the target level.</p>\n{}{no_target}",
            table("ladder", "Person|Level|Covered|Missing: what good looks like", &ladder)
        ),
    };
    let absent: Vec<String> = team
        .quiet
        .iter()
        .map(|q| escape(&crate::report::quiet_words(q)))
        .collect();
    let absent = match absent.is_empty() {
        true => format!(
            "<p>Everyone has checked in within the last {} days.</p>",
            team.quiet_days
        ),
        false => format!("<p class=\"attention\">{}.</p>", absent.join("; ")),
    };
    let quiet_heading = escape(&crate::report::quiet_heading(team));
    Ok(format!(
        r#"<section class="card team">
<h2>Team summary</h2>
{people}<div class="cols">
<section>
<h3>Activity in the range</h3>
{chart}</section>
<section>
<h3>Focus areas</h3>
{focus}
</section>
</div>
{ladder}<h3>{quiet_heading}</h3>
{absent}
</section>
"#
    ))
}

/// An empty cell, so a blank is not mistaken for missing data.
const NONE: &str = "<span class=\"none\">—</span>";

fn chips(ids: &[String], class: &str) -> String {
    if ids.is_empty() {
        return NONE.to_string();
    }
    let chips: Vec<String> = ids
        .iter()
        .map(|id| format!("<span class=\"chip {class}\">{}</span>", escape(id)))
        .collect();
    chips.join(" ")
}

fn date_or_dash(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| NONE.to_string(), |d| d.to_string())
}

/// The person's name, with the plan's file name when they have more than one plan in the
/// report (this half's and last half's, say), so the rows can be told apart.
fn name(person: &PersonRow, plans: usize) -> String {
    match person.path.file_stem() {
        Some(stem) if plans > 1 => format!("{} ({})", person.owner, stem.to_string_lossy()),
        _ => person.owner.clone(),
    }
}
