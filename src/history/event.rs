//! What happened to a plan in one commit: the semantic events of the audit trail.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::plan::GoalStatus;

/// A commit, or the "uncommitted" pseudo-commit for work-tree changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitInfo {
    /// The full id; `uncommitted` for work-tree changes.
    pub id: String,
    /// The abbreviated id shown to people (7 characters).
    pub short: String,
    pub author: String,
    pub email: String,
    /// Author date, in the author's time zone.
    pub time: DateTime<FixedOffset>,
    /// The first line of the message.
    pub summary: String,
    /// What the message's `Agreed-by:` / `Reviewed-by:` trailers record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreed: Vec<Agreement>,
}

impl CommitInfo {
    pub fn date(&self) -> NaiveDate {
        self.time.date_naive()
    }

    pub fn is_uncommitted(&self) -> bool {
        self.id == UNCOMMITTED
    }
}

/// The id of the pseudo-commit that holds work-tree changes.
pub const UNCOMMITTED: &str = "uncommitted";

/// One event of a plan's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub commit: Arc<CommitInfo>,
    /// The plan's path at the time of the event.
    #[serde(serialize_with = "crate::render::serialize_lossy")]
    pub path: PathBuf,
    /// The plan's path now (after later renames), which reports group by.
    #[serde(serialize_with = "crate::render::serialize_lossy")]
    pub plan: PathBuf,
    /// The goal's id, for goal-level events.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum EventKind {
    PlanAdded,
    PlanRemoved,
    PlanRenamed {
        #[serde(serialize_with = "crate::render::serialize_lossy")]
        from: PathBuf,
    },
    /// The plan as found at a shallow clone's boundary: a starting point, not an addition.
    /// `stated` holds, per goal, the latest check-in or done date the snapshot states: what
    /// history cannot date, the plan's own dates do.
    PlanSnapshot {
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        stated: BTreeMap<String, NaiveDate>,
    },
    /// The plan's `review` date changed (the report's `last-review` reads these).
    ReviewMoved {
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<NaiveDate>,
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<NaiveDate>,
    },
    /// Someone agreed to the plan as it is at this commit (a trailer or a review tag).
    Agreed(Agreement),
    /// This version of the plan does not parse.
    Unparsable {
        message: String,
    },
    GoalAdded {
        title: String,
    },
    GoalRemoved {
        title: String,
    },
    GoalRenamed {
        from: String,
        to: String,
    },
    StatusChanged {
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<GoalStatus>,
        to: GoalStatus,
    },
    ActionAdded {
        text: String,
    },
    ActionChecked {
        text: String,
        /// The date the line states, if any (`(done …)`).
        #[serde(skip_serializing_if = "Option::is_none")]
        stated: Option<NaiveDate>,
    },
    ActionUnchecked {
        text: String,
    },
    ActionRemoved {
        text: String,
    },
    /// An action's text or stated dates edited (`changes` names each field, before → after).
    ActionChanged {
        text: String,
        changes: Vec<FieldChange>,
    },
    CheckinAdded {
        date: NaiveDate,
        #[serde(skip_serializing_if = "Option::is_none")]
        value: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// An existing check-in edited: its date, value or note, before → after. `date`, `value`
    /// and `note` are the entry as it is now.
    CheckinChanged {
        date: NaiveDate,
        #[serde(skip_serializing_if = "Option::is_none")]
        value: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        changes: Vec<FieldChange>,
    },
    CheckinRemoved {
        date: NaiveDate,
        #[serde(skip_serializing_if = "Option::is_none")]
        value: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    DueMoved {
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<NaiveDate>,
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<NaiveDate>,
    },
    TargetChanged {
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<String>,
    },
    MeasureChanged {
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<String>,
    },
}

/// One field of an edited entry, before → after (`None`: the field was absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// `date`, `value` or `note` of a check-in; `text`, `due` or `done` of an action.
    pub field: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// The fields a [`FieldChange`] can name.
const FIELDS: [&str; 6] = ["date", "value", "note", "text", "due", "done"];

/// A field change read back (from the history cache): its field must be one of [`FIELDS`],
/// so a foreign cache is refused rather than trusted.
impl<'de> Deserialize<'de> for FieldChange {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Stored {
            field: String,
            from: Option<String>,
            to: Option<String>,
        }
        let stored = Stored::deserialize(d)?;
        let field = FIELDS
            .iter()
            .find(|f| **f == stored.field)
            .copied()
            .ok_or_else(|| serde::de::Error::custom("unknown field"))?;
        Ok(FieldChange {
            field,
            from: stored.from,
            to: stored.to,
        })
    }
}

impl FieldChange {
    /// The change of `field`, if `from` and `to` differ.
    pub fn of(field: &'static str, from: Option<String>, to: Option<String>) -> Option<Self> {
        (from != to).then_some(FieldChange { field, from, to })
    }
}

impl fmt::Display for FieldChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Free text is quoted so the arrow cannot be mistaken for part of it.
        let quoted = matches!(self.field, "note" | "text");
        let side = |v: &Option<String>| match v {
            Some(v) if quoted => format!("\"{v}\""),
            Some(v) => v.clone(),
            None => "(none)".into(),
        };
        write!(
            f,
            "{} {} → {}",
            self.field,
            side(&self.from),
            side(&self.to)
        )
    }
}

impl EventKind {
    /// The event without where it came from (`from` fields cleared): what two changes to the
    /// same result have in common.
    pub fn outcome(&self) -> EventKind {
        match self {
            EventKind::StatusChanged { to, .. } => EventKind::StatusChanged {
                from: None,
                to: *to,
            },
            EventKind::DueMoved { to, .. } => EventKind::DueMoved {
                from: None,
                to: *to,
            },
            EventKind::TargetChanged { to, .. } => EventKind::TargetChanged {
                from: None,
                to: to.clone(),
            },
            EventKind::MeasureChanged { to, .. } => EventKind::MeasureChanged {
                from: None,
                to: to.clone(),
            },
            EventKind::ReviewMoved { to, .. } => EventKind::ReviewMoved {
                from: None,
                to: *to,
            },
            EventKind::GoalRenamed { to, .. } => EventKind::GoalRenamed {
                from: String::new(),
                to: to.clone(),
            },
            EventKind::CheckinChanged {
                date, value, note, ..
            } => EventKind::CheckinChanged {
                date: *date,
                value: value.clone(),
                note: note.clone(),
                changes: Vec::new(),
            },
            EventKind::ActionChanged { text, .. } => EventKind::ActionChanged {
                text: text.clone(),
                changes: Vec::new(),
            },
            other => other.clone(),
        }
    }

    /// Whether this event is progress on its goal: an action added, ticked or reopened, a
    /// check-in added, the goal itself added. Edits and removals correct the record; they
    /// are not progress.
    pub fn is_activity(&self) -> bool {
        matches!(
            self,
            EventKind::GoalAdded { .. }
                | EventKind::ActionAdded { .. }
                | EventKind::ActionChecked { .. }
                | EventKind::ActionUnchecked { .. }
                | EventKind::CheckinAdded { .. }
        )
    }

    /// One line for people: "checked action \"Take four shadow shifts\" (states 2026-02-10)".
    pub fn describe(&self) -> String {
        let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "(none)".into());
        let date = |d: &Option<NaiveDate>| d.map_or_else(|| "(none)".into(), |d| d.to_string());
        match self {
            EventKind::PlanAdded => "plan added".into(),
            EventKind::PlanRemoved => "plan removed".into(),
            EventKind::PlanRenamed { from } => format!("plan moved from {}", from.display()),
            EventKind::PlanSnapshot { .. } => "history starts here (shallow clone)".into(),
            EventKind::ReviewMoved { from, to } => {
                format!("review date {} → {}", date(from), date(to))
            }
            EventKind::Agreed(a) => format!("agreed by {}", a.describe()),
            EventKind::Unparsable { message } => format!("unparsable: {message}"),
            EventKind::GoalAdded { title } => format!("goal added: \"{title}\""),
            EventKind::GoalRemoved { title } => format!("goal removed: \"{title}\""),
            EventKind::GoalRenamed { from, to } => {
                format!("goal renamed from \"{from}\" to \"{to}\"")
            }
            EventKind::StatusChanged { from, to } => match from {
                Some(from) => format!("status {} → {}", status(*from), status(*to)),
                None => format!("status → {}", status(*to)),
            },
            EventKind::ActionAdded { text } => format!("action added: \"{text}\""),
            EventKind::ActionChecked { text, stated } => match stated {
                Some(d) => format!("action done: \"{text}\" (states {d})"),
                None => format!("action done: \"{text}\""),
            },
            EventKind::ActionUnchecked { text } => format!("action reopened: \"{text}\""),
            EventKind::ActionRemoved { text } => format!("action removed: \"{text}\""),
            EventKind::ActionChanged { text, changes } => {
                format!("action changed: \"{text}\" ({})", list(changes))
            }
            EventKind::CheckinAdded { date, value, note } => {
                format!("check-in {}", entry(*date, value, note))
            }
            EventKind::CheckinChanged { date, changes, .. } => {
                format!("check-in {date} changed: {}", list(changes))
            }
            EventKind::CheckinRemoved { date, value, note } => {
                format!("check-in removed: {}", entry(*date, value, note))
            }
            EventKind::DueMoved { from, to } => {
                let way = match (from, to) {
                    (Some(f), Some(t)) if t > f => " (later)",
                    (Some(f), Some(t)) if t < f => " (earlier)",
                    _ => "",
                };
                format!("due moved {} → {}{way}", date(from), date(to))
            }
            EventKind::TargetChanged { from, to } => format!("target {} → {}", opt(from), opt(to)),
            EventKind::MeasureChanged { from, to } => {
                format!("measure \"{}\" → \"{}\"", opt(from), opt(to))
            }
        }
    }
}

/// A check-in as its line reads: `2026-03-02 [12%] solved 2 of 17`.
fn entry(date: NaiveDate, value: &Option<String>, note: &Option<String>) -> String {
    let value = value
        .as_ref()
        .map(|v| format!(" [{v}]"))
        .unwrap_or_default();
    let note = note.as_ref().map(|n| format!(" {n}")).unwrap_or_default();
    format!("{date}{value}{note}")
}

fn list(changes: &[FieldChange]) -> String {
    changes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn status(s: GoalStatus) -> &'static str {
    s.as_str()
}

/// Who agreed, when, and how it is recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The commit date (trailer, lightweight tag) or the tag date (annotated tag).
    pub on: NaiveDate,
    /// `Agreed-by`, `Reviewed-by`, or `tag review/2026-h1/alice`.
    pub via: String,
}

impl Agreement {
    /// "Bob Manager on 2026-01-05 (Agreed-by)".
    pub fn describe(&self) -> String {
        format!("{} on {} ({})", self.by, self.on, self.via)
    }
}
