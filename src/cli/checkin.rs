//! `growth check-in GOAL`: add a dated entry to a goal's check-ins, changing no other byte.

use crate::edit::{self, Entry};

use super::target::Target;
use super::{today, CheckinArgs, EXIT_CLEAN};

pub fn run(args: CheckinArgs) -> anyhow::Result<u8> {
    let date = args.date.unwrap_or_else(|| today(args.common.today));
    let found = Target::find(
        args.common.config.as_deref(),
        args.plan.as_deref(),
        &args.goal,
    )?;
    let entry = Entry {
        date,
        value: args.value,
        note: args.note,
    };
    let edited = edit::add_checkin(&found.parsed, &found.shown, found.goal, &entry)?;
    found.write(&edited)?;
    eprintln!(
        "growth: added a check-in to `{}` in {}",
        crate::sanitize::line(&found.goal_id()),
        crate::sanitize::line(&found.shown)
    );
    Ok(EXIT_CLEAN)
}
