//! What git proves about a goal: who agreed to it and what changed since, and the evidence
//! its actions cite, as the report shows them.

use chrono::NaiveDate;
use serde::Serialize;

use crate::history::facts::PlanFacts;

/// The latest agreement that covers a goal, and what of it changed since.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AgreedReport {
    pub by: String,
    pub on: NaiveDate,
    /// The agreed commit (short id).
    pub commit: String,
    /// `Agreed-by`, `Reviewed-by` or `tag NAME`.
    pub via: String,
    /// The goal's agreed fields that changed since, as agreed → now.
    pub changes: Vec<ChangeReport>,
}

/// One agreed field of a goal that changed after the agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeReport {
    /// `target`, `measure`, `due` or `status`.
    pub field: String,
    pub before: String,
    pub after: String,
    /// The latest commit that changed it (short id), and its date.
    pub commit: String,
    pub date: NaiveDate,
}

impl AgreedReport {
    /// "agreed on 2026-01-10 by Bob Manager (Agreed-by, abc1234)".
    pub fn words(&self) -> String {
        format!(
            "agreed on {} by {} ({}, {})",
            self.on, self.by, self.via, self.commit
        )
    }
}

impl ChangeReport {
    /// "target 25% → 15% in def5678 on 2026-03-02".
    pub fn words(&self) -> String {
        format!(
            "{} {} → {} in {} on {}",
            self.field, self.before, self.after, self.commit, self.date
        )
    }
}

/// The agreement that covers the goal `id`; `None` when the plan was never agreed or the
/// goal was added after its latest agreement.
pub fn agreed(id: &str, facts: Option<&PlanFacts>) -> Option<AgreedReport> {
    let agreed = facts?.agreed.as_ref()?;
    if !agreed.covers(id) {
        return None;
    }
    let a = &agreed.agreement;
    Some(AgreedReport {
        by: a.by.clone(),
        on: a.on,
        commit: agreed.commit.clone(),
        via: a.via.clone(),
        changes: (agreed.changes.iter())
            .filter(|c| c.goal == id)
            .map(|c| ChangeReport {
                field: c.field.to_string(),
                before: c.from.clone(),
                after: c.to.clone(),
                commit: c.commit.clone(),
                date: c.date,
            })
            .collect(),
    })
}
