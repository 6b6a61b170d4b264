#!/usr/bin/env bash
# Renders the HTML report of examples/team (or of the paths given) and screenshots it with
# headless Chromium, for looking at the page while working on its style:
#   tests/browser/screenshot.sh [REPORT ARGS...]   -> target/report.html, target/report.png
# Set HEIGHT to capture more of the page (default 2000, as in tests/report_html.rs).
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p target
[ $# -gt 0 ] || set -- examples/team
GROWTH_TODAY="${GROWTH_TODAY:-2026-11-22}" cargo run -q -- report --format html -o target/report.html "$@"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --screenshot="$PWD/target/report.png" \
  --window-size="1200,${HEIGHT:-2000}" "file://$PWD/target/report.html" 2>/dev/null
echo "target/report.png"
