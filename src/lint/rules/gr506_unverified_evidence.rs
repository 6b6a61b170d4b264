//! Evidence settles "did you really do that?" only when it holds up. An action can cite a
//! commit or tag as proof, `(evidence REV)` at the end of its line (or `evidence:` in a goal's
//! block or a YAML action); this checks each against git and names what failed: no such
//! revision, another author, a date outside the plan's period or well after the action was
//! done, a repository that is not configured or not there.
//!
//! Needs git history. `REV` is a commit or tag of the plans' repository, or `NAME@REV` for a
//! repository listed in `evidence_repos` (config; paths relative to it). The author must be
//! the plan's owner, by name or email, through the repository's `.mailmap`, or through
//! `aliases:` in the plan. The revision's author date must be inside the period and no more
//! than `backdate_days` after the action's done date. A URL is kept as cited and never
//! flagged: it cannot be checked offline.
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
//! ### Actions
//! - [x] Fix the retry storm (done 2026-02-10) (evidence 0000000)
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
//! ### Actions
//! - [x] Fix the retry storm (done 2026-02-10) (evidence payments@v1.4.0)
//! ~~~

use super::prelude::*;
use crate::evidence::Status;

pub static RULE: Rule = Rule {
    code: "GR506",
    name: "unverified-evidence",
    default: Severity::Warning,
    summary: "evidence an action cites that git does not bear out: missing, by someone else, or dated outside the plan (a URL is never flagged)",
    source: include_str!("gr506_unverified_evidence.rs"),
    check,
};

fn check(cx: &Context, out: &mut Vec<Finding>) {
    let Some(facts) = cx.history else { return };
    for e in &facts.evidence {
        let Status::Unverified(why) = &e.status else {
            continue;
        };
        let of = match &e.action {
            Some(text) => format!("\"{text}\""),
            None => format!("goal `{}`", e.goal),
        };
        out.push(
            Finding::new(
                e.span,
                format!("evidence `{}` of {of}: {}", e.cited, why.join("; ")),
            )
            .help("cite a commit or tag of your own from the plan's period, or add the name you commit as to `aliases:`"),
        );
    }
}
