#!/usr/bin/env bash
# Run every tutorial-pattern app against real Sanic 25.12 and Hurtle.
# app_<topic>[_<x>].py pairs with <topic>.http; output in ${OUT:-/tmp/fidelity-tutorials}.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
tool="${SANIC_DIFF:-/work/shared/tools/sanic-diff}"
out="${OUT:-/tmp/fidelity-tutorials}"
mkdir -p "$out"
if [ $# -eq 0 ]; then set -- $(cd "$here" && ls app_*.py | sed 's/\.py$//'); fi
for name in "$@"; do
    topic="${name#app_}"; topic="${topic%%_*}"
    "$tool" "$here/$name.py" "$here/$topic.http" --ignore-header date --logs --idle 1 --total 8 \
        > "$out/$name.txt" 2>&1
    printf '%-28s %s\n' "$name" "$(grep '^sanic-diff:' "$out/$name.txt" || tail -1 "$out/$name.txt")"
done
