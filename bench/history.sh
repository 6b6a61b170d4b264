#!/usr/bin/env bash
# History benchmark (spec §7): `growth history` on a generated 10,000-commit repository with
# hundreds of plans, side by side with `git log -p --full-history -- plans/` (the target: no
# slower) and `git log --name-status -- plans/` (finding the commits alone), then the peak
# memory of one run of each and a sanity check of the events found.
#
#   bash bench/history.sh                 # COMMITS=10000 PLANS=300 RUNS=5 SEED=42 by default
#   RUNS=10 COMMITS=20000 bash bench/history.sh
#   KEEP=/tmp/history-repo bash bench/history.sh   # generate there and keep it afterwards
#   PROFILE=1 bash bench/history.sh       # also perf-profile one run of growth history
set -euo pipefail
cd "$(dirname "$0")/.."
COMMITS=${COMMITS:-10000}
PLANS=${PLANS:-300}
RUNS=${RUNS:-5}
SEED=${SEED:-42}
TODAY=2026-11-01 # fixed "now" (the generated history ends 2026-10-31), so output is repeatable
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=${KEEP:-$work/repo}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other builds skew timings)"
cargo build --release --quiet
growth="$root/target/release/growth"

start=$(date +%s.%N)
rm -rf "$repo"
python3 bench/gen_repo.py "$COMMITS" "$PLANS" "$repo" "$SEED"
printf 'generated in %.1f s; work tree %s, .git %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" \
  "$(du -sh --exclude=.git "$repo" | cut -f1)" "$(du -sh "$repo/.git" | cut -f1)"
echo "check: $(git -C "$repo" log --oneline | wc -l) commits," \
  "$(git -C "$repo" log --merges --oneline | wc -l) merges," \
  "$(git -C "$repo" log --diff-filter=R --name-status -- plans/ | grep -c ^R) renames under plans/"
echo

cd "$repo"
declare -a names=(growth-history git-log-p git-log-names)
declare -A cmds=(
  [growth-history]="$growth history --today $TODAY --format json > /dev/null"
  [git-log-p]="git log -p --full-history -- plans/ > /dev/null"
  [git-log-names]="git log --name-status -- plans/ > /dev/null"
)
python3 "$root/bench/timeit.py" "$RUNS" \
  "growth-history=${cmds[growth-history]}" \
  "git-log-p=${cmds[git-log-p]}" \
  "git-log-names=${cmds[git-log-names]}"

# Peak resident set size of one run of each: GNU time if present, else getrusage.
peak_kb() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%M' sh -c "$1" 2>&1 >/dev/null | tail -1
  else
    python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1], shell=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$1"
  fi
}
echo
printf '%-16s %12s\n' command "peak RSS MB"
for name in "${names[@]}"; do
  printf '%-16s %12.1f\n' "$name" "$(echo "$(peak_kb "${cmds[$name]}") / 1024" | bc -l)"
done

echo
echo "sanity check:"
"$growth" history --today "$TODAY" --format json | python3 -c 'import collections, json, sys
d = json.load(sys.stdin)
print(len(d["events"]), "events from", d["commits"], "commits", "; notes:", d["notes"] or "none")
kinds = collections.Counter(e["event"] for e in d["events"])
print("  " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))'
set +o pipefail
"$growth" history --today "$TODAY" | head
echo "(growth history | head: growth exit status ${PIPESTATUS[0]})"
echo "one event of each kind in the text output:"
"$growth" history --today "$TODAY" >"$work/history.txt"
for what in "plan moved" "check-in" "action done" "due moved" "target" "status" "unparsable"; do
  grep -m1 -F "$what" "$work/history.txt" || echo "(no \"$what\" event)"
done

# PROFILE=1: where one run of growth history spends its time.
if [ "${PROFILE:-0}" = 1 ]; then
  echo
  perf record -q -F 999 --call-graph dwarf,16384 -o "$work/perf.data" \
    "$growth" history --today "$TODAY" --format json >/dev/null 2>&1
  perf report -i "$work/perf.data" --no-children --stdio -g none --percent-limit 1 2>/dev/null | grep '%' | head -40
  perf report -i "$work/perf.data" --children --stdio -g none --percent-limit 4 2>/dev/null | grep '%' | grep -E 'growth::|git_|inflate|serde|sha1' | head -30
fi
