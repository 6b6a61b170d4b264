//! Every rule, in code order, and lookup by code or name.

use super::rule::Rule;
use super::rules::*;

/// All rules, in code order.
pub static RULES: &[&Rule] = &[
    &gr001_invalid_plan::RULE,
    &gr002_unknown_field::RULE,
    &gr003_missing_field::RULE,
    &gr004_invalid_date::RULE,
    &gr005_duplicate_goal::RULE,
    &gr006_no_goals::RULE,
    &gr007_unused_suppression::RULE,
    &gr008_unfilled_template::RULE,
    &gr101_too_many_development_goals::RULE,
    &gr102_goal_without_actions::RULE,
    &gr103_too_many_open_actions::RULE,
    &gr104_too_many_goals::RULE,
    &gr201_vague_goal::RULE,
    &gr202_missing_measure::RULE,
    &gr203_unquantified_measure::RULE,
    &gr204_missing_achievability::RULE,
    &gr205_missing_relevance::RULE,
    &gr206_missing_due::RULE,
    &gr207_due_outside_period::RULE,
    &gr208_overdue::RULE,
    &gr209_future_date::RULE,
    &gr210_entry_outside_period::RULE,
    &gr211_unit_mismatch::RULE,
    &gr301_missing_north_star::RULE,
    &gr302_outcome_as_action::RULE,
    &gr303_single_direction::RULE,
    &gr304_no_development_goal::RULE,
    &gr305_plan_expired::RULE,
    &gr401_unknown_level::RULE,
    &gr402_unknown_competency::RULE,
    &gr403_next_level_gap::RULE,
    &gr501_stale_goal::RULE,
    &gr502_backdated_entry::RULE,
    &gr503_moved_goalposts::RULE,
    &gr504_missed_check_in::RULE,
    &gr505_changed_since_agreed::RULE,
    &gr506_unverified_evidence::RULE,
];

/// A rule by code (`GR201`, any case) or name (`vague-goal`).
pub fn find(name: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(name) || r.name == name)
        .copied()
}
