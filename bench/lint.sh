#!/usr/bin/env bash
# Lint benchmark (spec §7): `growth lint` on 10,000 generated plans, side by side with bare
# parsing of the same files and with markdownlint-cli2 (installed here with npm, not in CI).
#
#   bash bench/lint.sh            # N=10000 RUNS=5 by default
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
RUNS=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
python3 bench/gen_plans.py "$N" "$work/repo"
echo "generated $N plans, $(du -sh "$work/repo" | cut -f1)"

(cd "$work" && npm install --silent --no-audit --no-fund --prefix "$work/npm" markdownlint-cli2 >/dev/null)
mdl="$work/npm/node_modules/.bin/markdownlint-cli2"
growth="$PWD/target/release/growth"

cd "$work/repo"
python3 "$OLDPWD/bench/timeit.py" "$RUNS" \
  "growth-lint=$growth lint --exit-zero --no-history --today 2026-11-22 --format json" \
  "growth-parse=$growth parse --quiet" \
  "markdownlint=$mdl 'plans/**/*.md'"
