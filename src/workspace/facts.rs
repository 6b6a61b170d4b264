//! What history says about each plan, as the history rules (GR501–GR503) need it: shared by
//! `lint` and the language server, so a saved file gets the same findings in both.

use crate::asof::AsOf;
use crate::history::facts::{self, PlanFacts};
use crate::history::History;
use crate::plan::ParsedPlan;

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
