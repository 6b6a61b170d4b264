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

/// One piece of evidence an action (or the goal itself) cites, and what git says about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceReport {
    /// As cited: a revision, `NAME@REV`, or a URL.
    pub cited: String,
    /// `verified`, `unverified` or `link` (a URL, not checked).
    pub status: &'static str,
    /// The revision's commit (short id), author and author date, when it was found.
    pub commit: Option<String>,
    pub author: Option<String>,
    pub date: Option<NaiveDate>,
    /// What failed, for unverified evidence.
    pub problems: Vec<String>,
    /// The status in words: "verified: abc1234 by Jane Doe on 2026-02-03".
    pub words: String,
}

/// The evidence of goal `id`'s action `action` (`None`: of the goal itself), in citing order.
pub fn evidence(id: &str, action: Option<&str>, facts: Option<&PlanFacts>) -> Vec<EvidenceReport> {
    use crate::evidence::Status;
    let Some(facts) = facts else {
        return Vec::new();
    };
    (facts.evidence.iter())
        .filter(|e| e.goal == id && e.action.as_deref() == action)
        .map(|e| EvidenceReport {
            cited: e.cited.clone(),
            status: match e.status {
                Status::Verified => "verified",
                Status::Unverified(_) => "unverified",
                Status::Url => "link",
            },
            commit: e.commit.clone(),
            author: e.author.clone(),
            date: e.date,
            problems: match &e.status {
                Status::Unverified(why) => why.clone(),
                _ => Vec::new(),
            },
            words: e.words(),
        })
        .collect()
}
