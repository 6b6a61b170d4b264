//! A plan agreed at a review is a promise both sides can point at. When a goal's target,
//! measure or due date changes afterwards, or the goal is removed or dropped, the agreement
//! no longer describes the plan: this names the agreement (who, when, which commit) and
//! each change, as agreed → now, so the next conversation starts from the facts.
//!
//! Needs git history. A commit is agreed when its message has an `Agreed-by:` or
//! `Reviewed-by:` trailer (git's trailer rules: the last paragraph of the message), or when a
//! tag matching `review_tags` (config, default `review/*`) points at it. The latest
//! agreement counts. Check-ins and ticked actions are progress, not change; a goal added
//! after the agreement was never agreed and is not flagged. A change that was undone (the
//! target back where it was agreed) is no change.
//!
//! ## Bad
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Goal: Solve production issues on my own
//!
//! ```yaml
//! target: 15%        # agreed at 25% (Agreed-by: Bob Manager), lowered since
//! ```
//! ~~~
//!
//! ## Good
//!
//! ~~~markdown
//! ---
//! owner: Jane Doe
//! period: { start: 2026-01-01, end: 2026-06-30 }
//! ---
//!
//! ## Goal: Solve production issues on my own
//!
//! ```yaml
//! target: 25%        # as agreed; a new target goes through a new agreement
//! ```
//! ~~~

use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GR505",
    name: "changed-since-agreed",
    default: Severity::Info,
    summary: "a goal's target, measure or due date changed, or the goal was removed or dropped, after the plan was agreed (names the agreement)",
    source: include_str!("gr505_changed_since_agreed.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(agreed) = cx.history.and_then(|f| f.agreed.as_ref()) else {
        return;
    };
    for change in &agreed.changes {
        let goal = cx.plan.goals.iter().find(|g| g.id.value == change.goal);
        let span = goal.map_or(Span::at(0), |goal| {
            let field = match change.field {
                "target" => goal.target.as_ref().map(|t| t.span),
                "measure" => goal.measure.as_ref().map(|m| m.span),
                "due" => goal.due.as_ref().map(|d| d.span),
                "status" => goal.status.as_ref().map(|s| s.span),
                _ => None,
            };
            field.unwrap_or(goal.title.span)
        });
        out.push(
            Finding::new(
                span,
                format!(
                    "`{}`: {} since it was {}",
                    change.goal,
                    change.describe(),
                    agreed.describe()
                ),
            )
            .help("agree the change (a commit with an `Agreed-by:` trailer, or a review tag), or put it back"),
        );
    }
}
