//! `growth due`: check-ins and actions coming due, per person, for scheduled reminders.

use std::io::Write as _;

use crate::due::{self, DueList, Item, Kind};
use crate::parallel;
use crate::plan;
use crate::problem::ProblemKind;
use crate::sanitize;
use crate::workspace::Workspace;

use super::{today, DueArgs, ListFormat, EXIT_CLEAN};

pub fn run(args: DueArgs) -> anyhow::Result<u8> {
    let today = today(args.common.today);
    let until = today
        .checked_add_days(chrono::Days::new(u64::from(args.within)))
        .unwrap_or(chrono::NaiveDate::MAX);
    let mut files = Vec::new();
    for ws in Workspace::open(args.common.config.as_deref(), &args.paths)? {
        for note in &ws.notes {
            super::note(note);
        }
        let found = ws.plan_files();
        for u in &found.unreadable {
            super::note(&format!("cannot read {}: {}", u.shown.display(), u.reason));
        }
        files.extend(found.files);
    }
    let parsed = parallel::map(&files, |f| plan::load(&f.shown));
    let mut plans = Vec::new();
    for (file, p) in files.iter().zip(&parsed) {
        // A plan that does not parse would drop its reminders without a word.
        if let Some(problem) = p.problems.iter().find(|p| p.kind == ProblemKind::Syntax) {
            super::note(&format!(
                "{}:{}: {}; what is due there is not listed",
                file.shown.display(),
                p.file.position(problem.span.start),
                problem.message
            ));
        }
        match &p.plan {
            Some(plan) => plans.push((file.shown.clone(), &p.file, plan)),
            None => {
                let why = p.problems.first().map_or("", |p| p.message.as_str());
                super::note(&format!(
                    "{} is not read as a plan ({why}); run `growth lint` on it",
                    file.shown.display()
                ));
            }
        }
    }
    let list = due::due(&plans, today, until);
    let mut out = super::stdout();
    match args.format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
        ListFormat::Human => write_human(&list, &mut out)?,
    }
    out.flush()?;
    Ok(EXIT_CLEAN)
}

fn write_human(list: &DueList, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if list.people.is_empty() {
        return writeln!(out, "Nothing due by {}.", list.until);
    }
    writeln!(out, "Due by {} (today is {}):", list.until, list.today)?;
    for person in &list.people {
        writeln!(out, "\n{}", sanitize::line(&person.owner))?;
        for item in &person.items {
            writeln!(out, "  {}", sanitize::line(&line(item, list.today)))?;
        }
    }
    Ok(())
}

/// `2026-03-10  overdue    check-in  prod-issues (monthly; last on 2026-02-10)  plans/jane.md:7`
fn line(item: &Item, today: chrono::NaiveDate) -> String {
    let days = (item.due - today).num_days();
    let when = match days {
        d if d < 0 => "overdue".to_string(),
        0 => "today".to_string(),
        1 => "in 1 day".to_string(),
        d => format!("in {d} days"),
    };
    let what = match item.what {
        Kind::CheckIn => {
            let last = item
                .last
                .map_or_else(|| "none yet".to_string(), |d| format!("last on {d}"));
            let cadence = item.cadence.map(|c| c.to_string()).unwrap_or_default();
            format!("check-in  {} ({cadence}; {last})", item.goal)
        }
        Kind::Action => format!(
            "action    {}: {}",
            item.goal,
            item.action.as_deref().unwrap_or("")
        ),
    };
    format!(
        "{}  {when:<10} {what}  {}:{}",
        item.due,
        crate::render::slash_path(&item.path),
        item.line
    )
}
