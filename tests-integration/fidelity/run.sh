#!/usr/bin/env bash
# Rerun every fidelity pair against real Sanic 25.12 and summarise.
# Usage: tests-integration/fidelity/run.sh [NAME ...]   (NAME = app file stem, e.g. app_errors_debug)
# app_<topic>[_<variant>].py is paired with <topic>.http. Results go to $OUT (default /tmp/fidelity).
# CHECKOUT=DIR compares another Hurtle tree (e.g. an older commit unpacked with git archive).
set -u
here="$(cd "$(dirname "$0")" && pwd)"
tool="${SANIC_DIFF:-$here/../../../shared/tools/sanic-diff}"
[ -x "$tool" ] || tool=/work/shared/tools/sanic-diff
out="${OUT:-/tmp/fidelity}"
extra=()
[ -n "${CHECKOUT:-}" ] && extra=(--checkout "$CHECKOUT")
mkdir -p "$out"
if [ $# -eq 0 ]; then set -- $(cd "$here" && ls app_*.py | sed 's/\.py$//'); fi
for name in "$@"; do
    topic="${name#app_}"; topic="${topic%%_*}"
    reqs="$here/$topic.http"
    [ -f "$reqs" ] || { echo "$name: no $topic.http"; continue; }
    "$tool" "${extra[@]}" "$here/$name.py" "$reqs" --only-diff --idle 1 --total 6 \
        > "$out/$name.txt" 2>&1
    "$tool" "${extra[@]}" "$here/$name.py" "$reqs" --only-diff --json --idle 1 --total 6 \
        > "$out/$name.json" 2>/dev/null
    printf '%-24s %s | ' "$name" "$(tail -1 "$out/$name.txt")"
    python3 "$here/summarize.py" "$out/$name.json" 2>/dev/null | tail -1 || echo "(no JSON)"
done
