//! Cadence: GR504 when a check-in is missed, on the fixture plans in tests/fixtures/cadence
//! with a fixed `--today`.

use assert_cmd::Command;

const FIXTURE: &str = "tests/fixtures/cadence";

fn growth() -> Command {
    let mut cmd = Command::cargo_bin("growth").unwrap();
    cmd.current_dir(FIXTURE).env_remove("GROWTH_TODAY");
    cmd
}

/// The GR504 and GR001 lines of `lint --format concise`.
fn cadence_findings(today: &str) -> Vec<String> {
    let out = growth()
        .args(["lint", "plans", "--format", "concise", "--today", today])
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.contains(" GR504 ") || l.contains(" GR001 "))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_missed_check_in_is_a_warning_by_the_goal_or_plan_cadence() {
    assert_eq!(
        cadence_findings("2026-03-15"),
        [
            "plans/jane.md:7:10: GR504 no check-in on `prod-issues` since 2026-02-10: the cadence \
             is monthly, so one was due on 2026-03-10",
            "plans/jane.md:30:10: GR001 `every 3 fortnights` is not a cadence: write weekly, \
             biweekly, monthly, `every N days` or `every N weeks`",
        ]
    );
    // A week on, the plan's weekly cadence catches `talk`, the goal's ten days `review`; the
    // planned goal and the one with an unreadable cadence are not judged.
    assert_eq!(
        cadence_findings("2026-03-22"),
        [
            "plans/jane.md:7:10: GR504 no check-in on `prod-issues` since 2026-02-10: the cadence \
             is monthly, so one was due on 2026-03-10",
            "plans/jane.md:17:10: GR504 no check-in on `talk` since 2026-03-09: the cadence is \
             weekly, so one was due on 2026-03-16",
            "plans/jane.md:30:10: GR001 `every 3 fortnights` is not a cadence: write weekly, \
             biweekly, monthly, `every N days` or `every N weeks`",
            "plans/raj.plan.yaml:4:12: GR504 no check-in on `review` since 2026-03-06: the \
             cadence is every 10 days, so one was due on 2026-03-16",
        ]
    );
}
