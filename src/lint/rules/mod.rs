//! One file per rule. Each file's `//!` comment is the rule's documentation, with a `## Bad`
//! and a `## Good` example plan that the test suite runs.

pub mod prelude;

pub mod gr001_invalid_plan;
pub mod gr002_unknown_field;
pub mod gr003_missing_field;
pub mod gr004_invalid_date;
pub mod gr005_duplicate_goal;
pub mod gr006_no_goals;
pub mod gr007_unused_suppression;
pub mod gr008_unfilled_template;
pub mod gr101_too_many_development_goals;
pub mod gr102_goal_without_actions;
pub mod gr103_too_many_open_actions;
pub mod gr104_too_many_goals;
pub mod gr201_vague_goal;
pub mod gr202_missing_measure;
pub mod gr203_unquantified_measure;
pub mod gr204_missing_achievability;
pub mod gr205_missing_relevance;
pub mod gr206_missing_due;
pub mod gr207_due_outside_period;
pub mod gr208_overdue;
pub mod gr209_future_date;
pub mod gr210_entry_outside_period;
pub mod gr211_unit_mismatch;
pub mod gr301_missing_north_star;
pub mod gr302_outcome_as_action;
pub mod gr303_single_direction;
pub mod gr304_no_development_goal;
pub mod gr305_plan_expired;
pub mod gr401_unknown_level;
pub mod gr402_unknown_competency;
pub mod gr403_next_level_gap;
pub mod gr501_stale_goal;
pub mod gr502_backdated_entry;
pub mod gr503_moved_goalposts;
pub mod gr504_missed_check_in;
pub mod gr505_changed_since_agreed;
pub mod gr506_unverified_evidence;
