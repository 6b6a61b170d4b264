#!/usr/bin/env bash
# History at organisation scale (spec §7, issue 12): on generated repositories of 1,000,
# 10,000 and 100,000 commits, and a 100,000-commit repository with ten years of history,
# `growth history` cold (--no-cache) and warm (its cache filled) against
# `git log -p --full-history -- plans/`, and `growth lint` of the current half's plans
# against `git log -p --full-history --since=<period start> -- plans/`; then peak memory.
#
#   bash bench/scale.sh                      # all four repositories, RUNS=3
#   SIZES="1000 10000" bash bench/scale.sh   # fewer (TENYEAR=0 skips the ten-year one)
#   KEEP=/tmp/scale bash bench/scale.sh      # generate there once, reuse afterwards
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SIZES=${SIZES-"1000 10000 100000"} # SIZES="" for none
TENYEAR=${TENYEAR:-1}
TODAY=2026-11-01 # the generated history ends 2026-10-31: the current half began 2026-07-01
HALF_START=2026-07-01
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
keep=${KEEP:-$work}
export GROWTH_CACHE_DIR="$work/cache"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
cargo build --release --quiet
growth="$root/target/release/growth"
[ -n "${CARGO_TARGET_DIR:-}" ] && growth="$CARGO_TARGET_DIR/release/growth"

repo_for() { # COMMITS PLANS NAME [YEARS]
  local dir="$keep/$3"
  if [ ! -d "$dir/.git" ]; then
    YEARS=${4:-} python3 bench/gen_repo.py "$1" "$2" "$dir" 42 >/dev/null
  fi
  echo "$dir"
}

# Peak resident set size (MB) of one run.
peak() { /usr/bin/time -f '%M' sh -c "$1" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1 / 1024}'; }

# Median wall seconds of RUNS runs (after one warm-up).
median() {
  python3 - "$RUNS" "$1" <<'EOF'
import statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2]
subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - start)
print(f"{statistics.median(times):.3f}")
EOF
}

row() { # NAME GROWTH-CMD GIT-CMD
  local g b
  g=$(median "$2")
  b=$(median "$3")
  printf '%-34s %8s %8s %7.2fx %8s %8s\n' "$1" "$g" "$b" "$(echo "$g / $b" | bc -l)" \
    "$(peak "$2")" "$(peak "$3")"
}

printf '%-34s %8s %8s %8s %8s %8s\n' "" "growth s" "git s" ratio "growth MB" "git MB"
for commits in $SIZES; do
  plans=$((commits >= 100000 ? 1000 : 300))
  dir=$(repo_for "$commits" "$plans" "r$commits")
  cd "$dir"
  gitlog="git log -p --full-history -- plans/ >/dev/null"
  hist="$growth history --today $TODAY --format json"
  row "history cold, $commits commits" "$hist --no-cache >/dev/null" "$gitlog"
  $hist >/dev/null # fills the cache
  row "history warm, $commits commits" "$hist >/dev/null" "$gitlog"
  cd "$root"
done

if [ "$TENYEAR" = 1 ]; then
  dir=$(repo_for 100000 1000 r100k-10y 10)
  cd "$dir"
  current=$(ls plans/*/2026-h2.md | tr '\n' ' ')
  lint="$growth lint --today $TODAY --format json --exit-zero $current"
  since="git log -p --full-history --since=$HALF_START -- plans/ >/dev/null"
  row "lint cold, 10 years, 100000" "$lint --no-cache >/dev/null 2>&1" "$since"
  $lint >/dev/null 2>&1
  row "lint warm, 10 years, 100000" "$lint >/dev/null 2>&1" "$since"
  row "history cold, 10 years, 100000" "$growth history --today $TODAY --format json --no-cache >/dev/null" \
    "git log -p --full-history -- plans/ >/dev/null"
  # The bounded walk says what the full one says.
  a=$($lint --no-cache 2>/dev/null | md5sum)
  b=$(GROWTH_FULL_HISTORY=1 $lint --no-cache 2>/dev/null | md5sum)
  [ "$a" = "$b" ] && echo "lint bounded = lint full: same findings" || echo "lint bounded and full DIFFER"
fi
