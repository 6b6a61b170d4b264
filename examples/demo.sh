#!/usr/bin/env bash
# Builds a demo plans repository with half a year of dated history by several people, then
# lints it and reports on it: what README's first command runs.
#
#   bash examples/demo.sh             # builds growth, makes target/demo, lints and reports
#   bash examples/demo.sh DIR         # the demo repository in DIR instead (replaced if there)
#   DEMO_ONLY=1 bash examples/demo.sh # only build the repository
#
# The history has what a manager meets before reviews: monthly check-ins, a goal that went
# quiet, an agreed plan whose due date was then pushed out and target lowered, a check-in
# written up weeks late, an edited entry, and a branch merged back. Every commit has a fixed author and date, so the
# output is the same on every machine (the report's clock is GROWTH_TODAY=2026-11-30).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
demo=${1:-$root/target/demo}
export GROWTH_TODAY=2026-11-30

rm -rf "$demo"
mkdir -p "$demo"
cd "$demo"
git -c init.defaultBranch=main init -q

# Every git run as the given person on the given day; nothing from the user's git config.
as() {
  local who=$1 day=$2
  shift 2
  local email
  email="$(echo "$who" | tr 'A-Z ' 'a-z.')@example.com"
  HOME="$demo" GIT_CONFIG_NOSYSTEM=1 \
    GIT_AUTHOR_NAME="$who" GIT_AUTHOR_EMAIL="$email" GIT_AUTHOR_DATE="${day}T10:00:00+00:00" \
    GIT_COMMITTER_NAME="$who" GIT_COMMITTER_EMAIL="$email" GIT_COMMITTER_DATE="${day}T10:00:00+00:00" \
    git -c commit.gpgsign=false "$@"
}
commit() { as "$1" "$2" add -A && as "$1" "$2" commit -q -m "$3"; }

# Adds LINE as the newest entry under the Nth `### Check-ins` of FILE.
check_in() {
  awk -v n="$2" -v l="- $3" '{ print } /^### Check-ins$/ { if (++c == n) print l }' "$1" >"$1.tmp"
  mv "$1.tmp" "$1"
}
# Replaces the first FROM with TO in FILE (plain text, no patterns).
edit() {
  awk -v from="$2" -v to="$3" '!done && (i = index($0, from)) {
    $0 = substr($0, 1, i - 1) to substr($0, i + length(from)); done = 1 } { print }' "$1" >"$1.tmp"
  mv "$1.tmp" "$1"
}

cp "$root/examples/team/ladder.yaml" ladder.yaml
cat >growth.yaml <<'YAML'
ladder: ladder.yaml
fail_on: error
options:
  stale_days: 30
  backdate_days: 14
YAML
commit "Dana Reyes" 2026-06-29 "Plans repo for the platform team"

mkdir -p plans/ana-silva plans/ben-okafor plans/chen-wei
cat >plans/ana-silva/2026-h2.md <<'MD'
---
owner: Ana Silva
role: engineer
target_role: senior-engineer
period: { start: 2026-07-01, end: 2026-12-31 }
review: 2026-12-10
north_star: Be the engineer the team trusts with its hardest production problems
---

# Ana's plan, second half of 2026

## Goal: Lead incident response for the payments service

```yaml
id: incidents
type: development
competency: incident-response
measure: I am incident commander for 4 payments incidents and write each postmortem within 3 days
baseline: 0
target: 4 incidents
due: 2026-12-15
why: I handle the technical side already; running the response is the next step
obstacles: incidents are unpredictable; there may be few of them
resources: the SRE team's commander training; Dana shadows my first one
relevance: the team has two commanders for a 24/7 service
```

### Actions
- [ ] Complete the incident commander training (due 2026-07-31)
- [ ] Shadow two incidents as deputy commander (due 2026-08-31)
- [ ] Run a game day as commander (due 2026-10-15)

### Check-ins

## Goal: Write the retry design for the ledger

```yaml
id: ledger-retries
type: career
competency: system-design
measure: the design review ends with 3 agreed decisions and a rollout plan
target: 3 decisions
due: 2026-10-31
why: the retry storms in May cost us two incidents
relevance: system design is the gap to senior on our ladder
```

### Actions
- [ ] Collect the last six months of retry incidents (due 2026-08-15)
- [ ] Write the design doc (due 2026-09-30)
- [ ] Run the design review (due 2026-10-31)

### Check-ins
MD
commit "Ana Silva" 2026-07-02 "Ana's plan for H2"

cat >plans/ben-okafor/2026-h2.md <<'MD'
---
owner: Ben Okafor
role: senior-engineer
target_role: staff-engineer
period: { start: 2026-07-01, end: 2026-12-31 }
north_star: Make the platform boring, in the best sense
---

# Ben's plan, second half of 2026

## Goal: Cut the p95 latency of the checkout API

```yaml
id: checkout-latency
competency: technical-depth
measure: p95 latency of checkout below 400 ms for four weeks in a row
baseline: 900 ms
target: 400 ms
due: 2026-09-30
why: checkout latency is the top complaint in the merchant survey
relevance: the company goal for H2 is conversion
```

### Actions
- [ ] Profile the three slowest endpoints (due 2026-07-31)
- [ ] Move the tax lookup off the hot path (due 2026-08-31)

### Check-ins

## Goal: Mentor two engineers through their first on-call

```yaml
id: mentoring
type: career
competency: mentoring
measure: 10 pairing sessions, and both take a solo on-call week
target: 10 sessions
due: 2026-12-15
why: the on-call rotation needs two more people by January
relevance: mentoring is expected at staff level
```

### Actions
- [ ] Agree a pairing schedule with both (due 2026-07-15)
- [ ] Write the on-call cheat sheet together (due 2026-09-30)

### Check-ins
MD
# Dana agreed the plan when she merged it: a trailer in the commit message, growth's proof.
commit "Ben Okafor" 2026-07-03 "Ben's H2 plan

Agreed-by: Dana Reyes <dana.reyes@example.com>"

cat >plans/chen-wei/2026-h2.md <<'MD'
---
owner: Chen Wei
role: engineer
target_role: senior-engineer
period: { start: 2026-07-01, end: 2026-12-31 }
north_star: Grow into someone who ships whole features, not tickets
---

# Chen's plan, second half of 2026

## Goal: Ship the merchant export feature end to end

```yaml
id: export
competency: delivery
measure: merchants can export 12 months of payouts as CSV, used by 20 merchants in the first month
target: 20 merchants
due: 2026-11-15
why: I have only shipped parts of features so far
relevance: delivery is the biggest gap to senior
```

### Actions
- [ ] Write the one-page proposal (due 2026-07-20)
- [ ] Build the export behind a flag (due 2026-09-30)
- [ ] Roll it out to all merchants (due 2026-11-01)

### Check-ins
MD
commit "Chen Wei" 2026-07-06 "Chen: plan for H2"

# July: first steps.
ana=plans/ana-silva/2026-h2.md ben=plans/ben-okafor/2026-h2.md chen=plans/chen-wei/2026-h2.md
edit "$ana" "- [ ] Complete the incident commander training (due 2026-07-31)" "- [x] Complete the incident commander training (done 2026-07-24)"
check_in "$ana" 1 "2026-07-24 [0] training done; first rotation in August"
commit "Ana Silva" 2026-07-24 "Commander training done"
edit "$ben" "- [ ] Agree a pairing schedule with both (due 2026-07-15)" "- [x] Agree a pairing schedule with both (done 2026-07-14)"
check_in "$ben" 2 "2026-07-14 [1] weekly pairing, Tuesdays"
commit "Ben Okafor" 2026-07-14 "Pairing schedule agreed"
edit "$chen" "- [ ] Write the one-page proposal (due 2026-07-20)" "- [x] Write the one-page proposal (done 2026-07-21)"
check_in "$chen" 1 "2026-07-21 [0] proposal approved by product"
commit "Chen Wei" 2026-07-21 "Export proposal approved"
edit "$ben" "- [ ] Profile the three slowest endpoints (due 2026-07-31)" "- [x] Profile the three slowest endpoints (done 2026-07-30)"
check_in "$ben" 1 "2026-07-30 [850 ms] tax lookup is 40% of the time"
commit "Ben Okafor" 2026-07-30 "Profiling results"

# August: Ana works on a branch, merged back by Dana; Chen's last update.
as "Ana Silva" 2026-08-20 checkout -q -b ana/august
edit "$ana" "- [ ] Collect the last six months of retry incidents (due 2026-08-15)" "- [x] Collect the last six months of retry incidents (done 2026-08-19)"
check_in "$ana" 2 "2026-08-19 [0] 14 retry incidents since February, 9 from one client"
commit "Ana Silva" 2026-08-20 "Retry incidents collected"
as "Ana Silva" 2026-08-21 checkout -q main
check_in "$chen" 1 "2026-08-03 [0] export job runs on staging"
commit "Chen Wei" 2026-08-03 "Export on staging"
as "Dana Reyes" 2026-08-24 merge -q --no-ff -m "Merge Ana's August update" ana/august
check_in "$ben" 2 "2026-08-25 [4] four sessions; both shadowed a week"
commit "Ben Okafor" 2026-08-25 "Mentoring check-in"
check_in "$ana" 1 "2026-08-28 [1] first incident as commander, postmortem in 2 days"
edit "$ana" "- [ ] Shadow two incidents as deputy commander (due 2026-08-31)" "- [x] Shadow two incidents as deputy commander (done 2026-08-27)"
commit "Ana Silva" 2026-08-28 "First incident as commander"

# September: Ben's latency work slips: the due date moves out and the target is lowered.
edit "$ben" "due: 2026-09-30" "due: 2026-11-30"
edit "$ben" "target: 400 ms" "target: 500 ms"
commit "Ben Okafor" 2026-09-14 "Latency: more time, a softer target after the tax vendor delay"
edit "$ana" "- [ ] Write the design doc (due 2026-09-30)" "- [x] Write the design doc (done 2026-09-28)"
check_in "$ana" 2 "2026-09-28 [1] design doc out for comments; one decision agreed"
commit "Ana Silva" 2026-09-28 "Retry design doc"

# October: Ben writes up a September check-in weeks late; Ana corrects a value.
check_in "$ben" 1 "2026-09-01 [700 ms] tax lookup cached"
edit "$ben" "- [ ] Move the tax lookup off the hot path (due 2026-08-31)" "- [x] Move the tax lookup off the hot path (done 2026-09-01)"
commit "Ben Okafor" 2026-10-19 "Catching up on the plan"
edit "$ana" "[1] first incident as commander" "[2] first incident as commander"
commit "Ana Silva" 2026-10-05 "Fix the August count: two incidents, not one"
check_in "$ana" 1 "2026-10-30 [3] game day run as commander"
edit "$ana" "- [ ] Run a game day as commander (due 2026-10-15)" "- [x] Run a game day as commander (done 2026-10-29)"
commit "Ana Silva" 2026-10-30 "Game day"

# November: the latest check-ins before the reviews.
check_in "$ben" 2 "2026-11-10 [8] both on the rotation from December"
commit "Ben Okafor" 2026-11-10 "Mentoring: nearly there"
check_in "$ben" 1 "2026-11-20 [520 ms] p95 after the cache warm-up fix"
commit "Ben Okafor" 2026-11-20 "Latency check-in"
check_in "$ana" 2 "2026-11-26 [3] review done: 3 decisions, rollout in January"
edit "$ana" "- [ ] Run the design review (due 2026-10-31)" "- [x] Run the design review (done 2026-11-25)"
edit "$ana" "id: ledger-retries" "id: ledger-retries
status: done"
commit "Ana Silva" 2026-11-26 "Design review done"

echo "demo plans repository: $demo ($(git rev-list --count HEAD) commits by $(git log --format=%an | sort -u | wc -l | tr -d ' ') people)" >&2
[ -n "${DEMO_ONLY:-}" ] && exit 0

cd "$root"
cargo build -q
growth=$root/target/debug/growth
echo >&2
echo "== growth lint (the clock: GROWTH_TODAY=$GROWTH_TODAY)" >&2
"$growth" lint --exit-zero "$demo"
echo >&2
echo "== growth report" >&2
"$growth" report "$demo"
