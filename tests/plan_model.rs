//! The plan model as read from both forms: values, defaults and exact spans.

use growth::plan::{self, GoalStatus, GoalType, PlanFormat};

fn at(parsed: &plan::ParsedPlan, span: growth::source::Span) -> String {
    let p = parsed.file.position(span.start);
    format!("{}:{}", p.line, p.column)
}

#[test]
fn canonical_markdown_plan() {
    let parsed = plan::load("tests/fixtures/plans/canonical.md".as_ref());
    assert_eq!(parsed.problems, vec![]);
    let plan = parsed.plan.as_ref().unwrap();
    assert_eq!(plan.format, PlanFormat::Markdown);
    assert_eq!(plan.owner.as_ref().unwrap().value, "Jane Doe");
    assert_eq!(at(&parsed, plan.owner.as_ref().unwrap().span), "2:8");
    assert_eq!(
        plan.title.as_ref().unwrap().value,
        "Growth plan, first half of 2026"
    );
    let period = plan.period.as_ref().unwrap();
    assert_eq!(period.start.value.to_string(), "2026-01-01");
    assert_eq!(period.end.value.to_string(), "2026-06-30");
    assert_eq!(
        plan.not_willing[0].value,
        "work evenings or weekends on this plan"
    );
    assert!(plan
        .north_star
        .as_ref()
        .unwrap()
        .value
        .starts_with("A positive influence"));
    assert_eq!(plan.goals.len(), 2);

    let g = &plan.goals[0];
    assert_eq!(g.title.value, "Solve production issues on my own");
    assert_eq!(at(&parsed, g.title.span), "15:10");
    assert_eq!(g.id.value, "prod-issues");
    assert_eq!(g.goal_type(), GoalType::Development);
    assert_eq!(g.goal_status(), GoalStatus::Active);
    assert_eq!(g.target.as_ref().unwrap().value, "25%");
    assert_eq!(at(&parsed, g.measure.as_ref().unwrap().span), "22:10");
    let texts: Vec<_> = g.actions.iter().map(|a| a.text.value.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Complete the observability training",
            "Take four on-call shadow shifts",
            "Pair with Priya on the next two incidents",
            "Read the SRE book chapters on incident command",
        ]
    );
    let done: Vec<_> = g.actions.iter().map(|a| a.done).collect();
    assert_eq!(done, [true, false, false, true]);
    assert_eq!(
        g.actions[0].done_on.as_ref().unwrap().value.to_string(),
        "2026-02-10"
    );
    assert_eq!(
        at(&parsed, g.actions[0].done_on.as_ref().unwrap().span),
        "34:49"
    );
    assert_eq!(
        g.actions[1].due.as_ref().unwrap().value.to_string(),
        "2026-04-30"
    );
    assert_eq!(
        g.actions[2].due.as_ref().unwrap().value.to_string(),
        "2026-05-15"
    );
    assert_eq!(
        g.actions[3].done_on.as_ref().unwrap().value.to_string(),
        "2026-03-03"
    );
    assert_eq!(g.checkins.len(), 3);
    assert_eq!(g.checkins[0].value.as_ref().unwrap().value, "12%");
    assert_eq!(
        g.checkins[0].note.as_ref().unwrap().value,
        "solved 2 of 17 issues, needed help on 1"
    );
    assert_eq!(
        at(&parsed, g.checkins[1].value.as_ref().unwrap().span),
        "41:15"
    );
    assert!(g.checkins[2].value.is_none());

    let g = &plan.goals[1];
    assert_eq!(
        g.id.value,
        "be-recognised-as-the-team-s-go-to-person-for-the-billing-domain"
    );
    assert!(!g.id_explicit);
    assert_eq!(g.goal_type(), GoalType::Career);
    assert_eq!(g.actions.len(), 1);
}

#[test]
fn yaml_form_reads_into_the_same_model() {
    let text = "\
owner: Raj Patel
period: { start: 2026-01-01, end: 2026-12-31 }
goals:
  - title: Run the Q3 incident review
    id: incident-review
    type: career
    measure: I facilitate 3 incident reviews
    target: 3
    actions:
      - { text: Shadow Priya's review, done: 2026-02-01 }
      - text: Draft the agenda
        done: true
      - text: Book the room
        due: 2026-07-01
      - Ask for feedback
    checkins:
      - { date: 2026-03-01, value: 1, note: first one went well }
";
    let parsed = plan::parse_str("raj.plan.yaml", text);
    assert_eq!(parsed.problems, vec![]);
    let plan = parsed.plan.as_ref().unwrap();
    assert_eq!(plan.format, PlanFormat::Yaml);
    let g = &plan.goals[0];
    assert_eq!(g.title.value, "Run the Q3 incident review");
    assert_eq!(at(&parsed, g.title.span), "4:12");
    assert_eq!(g.target.as_ref().unwrap().value, "3");
    assert_eq!(g.actions.len(), 4);
    assert!(g.actions[0].done && g.actions[1].done && !g.actions[2].done && !g.actions[3].done);
    assert_eq!(
        g.actions[0].done_on.as_ref().unwrap().value.to_string(),
        "2026-02-01"
    );
    assert_eq!(g.actions[3].text.value, "Ask for feedback");
    assert_eq!(g.checkins[0].value.as_ref().unwrap().value, "1");
    assert_eq!(at(&parsed, g.checkins[0].date.span), "17:17");
}

#[test]
fn both_forms_agree_on_the_model() {
    let md = "---\nowner: A\nperiod: { start: 2026-01-01, end: 2026-06-30 }\n---\n\n## Goal: Ship the parser\n\n```yaml\nmeasure: 3 releases\ndue: 2026-05-01\n```\n\n### Actions\n- [x] Write the tokenizer (done 2026-02-01)\n- [ ] Write the docs (due 2026-04-01)\n\n### Check-ins\n- 2026-03-01 [1] first release\n";
    let yaml = "owner: A\nperiod: { start: 2026-01-01, end: 2026-06-30 }\ngoals:\n  - title: Ship the parser\n    measure: 3 releases\n    due: 2026-05-01\n    actions:\n      - { text: Write the tokenizer, done: 2026-02-01 }\n      - { text: Write the docs, due: 2026-04-01 }\n    checkins:\n      - { date: 2026-03-01, value: 1, note: first release }\n";
    let a = plan::parse_str("a.md", md);
    let b = plan::parse_str("a.yaml", yaml);
    assert_eq!(a.problems, vec![]);
    assert_eq!(b.problems, vec![]);
    let json = |p: &plan::ParsedPlan| {
        let mut v = serde_json::to_value(p.plan.as_ref().unwrap()).unwrap();
        v.as_object_mut().unwrap().remove("format");
        v
    };
    assert_eq!(json(&a), json(&b));
}

#[test]
fn old_mac_line_ends_read_like_any_other() {
    let text = std::fs::read_to_string("tests/fixtures/plans/canonical.md").unwrap();
    let mac = plan::parse_str("mac.md", text.replace('\n', "\r"));
    assert_eq!(mac.problems, vec![]);
    let unix = plan::parse_str("unix.md", text);
    assert_eq!(
        serde_json::to_value(mac.plan.as_ref().unwrap()).unwrap(),
        serde_json::to_value(unix.plan.as_ref().unwrap()).unwrap()
    );
}
