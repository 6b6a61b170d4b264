//! `growth done GOAL TEXT`: tick the open action whose text contains TEXT, dated.

use crate::edit;

use super::target::Target;
use super::{today, DoneArgs, EXIT_CLEAN};

pub fn run(args: DoneArgs) -> anyhow::Result<u8> {
    let date = args.date.unwrap_or_else(|| today(args.common.today));
    let found = Target::find(
        args.common.config.as_deref(),
        args.plan.as_deref(),
        &args.goal,
    )?;
    let edited = edit::mark_done(&found.parsed, &found.shown, found.goal, &args.text, date)?;
    found.write(&edited)?;
    eprintln!(
        "growth: marked done in `{}` in {}",
        crate::sanitize::line(&found.goal_id()),
        crate::sanitize::line(&found.shown)
    );
    Ok(EXIT_CLEAN)
}
