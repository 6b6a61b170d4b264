//! What history says about each plan, as the history rules (GR501–GR506) need it: shared by
//! `lint`, `report` and the language server, so a saved file gets the same findings in all.

use std::path::Path;

use crate::asof::AsOf;
use crate::config::Config;
use crate::history::facts::{self, PlanFacts};
use crate::history::History;
use crate::plan::{ParsedPlan, Plan};

use super::PlanFile;

/// One plan's facts from history; `None` for a plan git knows nothing about (not committed,
/// outside the plan globs), which is judged by its own dates, like a plan outside git.
pub fn facts_of(
    history: &History,
    file: &PlanFile,
    parsed: &ParsedPlan,
    as_of: &AsOf,
    backdate_days: u32,
) -> Option<PlanFacts> {
    let plan = parsed.plan.as_ref()?;
    if !history.knows(&file.path) {
        return None;
    }
    let start = history.start(&file.path);
    Some(facts::plan_facts_from(
        start,
        history.of_plan(&file.path),
        plan,
        backdate_days,
        as_of,
    ))
}

/// Whether a bounded walk's facts are the ones all of history gives, for every plan.
pub fn bounded_facts_hold(
    history: &History,
    pairs: &[(&PlanFile, &ParsedPlan)],
    found: &[Option<PlanFacts>],
    today: chrono::NaiveDate,
) -> bool {
    let Some(from) = history.bounded() else {
        return true;
    };
    pairs.iter().zip(found).all(|((file, parsed), facts)| {
        let (Some(plan), Some(facts)) = (&parsed.plan, facts) else {
            return true;
        };
        facts::hold_from(
            from,
            history.start(&file.path),
            history.of_plan(&file.path),
            plan,
            facts,
            today,
        )
    })
}

/// Adds to a plan's facts the evidence its actions cite, checked against git with the
/// config's `evidence_repos` and `backdate_days` (GR506 and the report read it there).
pub fn attach_evidence(facts: &mut PlanFacts, plan: &Plan, path: &Path, config: &Config) {
    let settings = crate::evidence::Settings {
        repos: config.evidence_repos.clone(),
        backdate_days: config.options.backdate_days,
    };
    facts.evidence = crate::evidence::check(plan, path, &settings);
}
