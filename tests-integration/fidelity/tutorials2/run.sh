#!/usr/bin/env bash
# Run every tutorial-pattern app (second round) against real Sanic 25.12 and Hurtle.
# app_<topic>.py pairs with <topic>.http; output in ${OUT:-/tmp/fidelity-tutorials2}.
# IDLE=2 for app_timeouts (its 503 comes after 1 s of silence).
# Counting and log comparison reuse ../tutorials/count.py and ../tutorials/logs.py.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
tool="${SANIC_DIFF:-/work/shared/tools/sanic-diff}"
out="${OUT:-/tmp/fidelity-tutorials2}"
mkdir -p "$out"
if [ $# -eq 0 ]; then set -- $(cd "$here" && ls app_*.py | sed 's/\.py$//'); fi
for name in "$@"; do
    topic="${name#app_}"; topic="${topic%%_*}"
    "$tool" "$here/$name.py" "$here/$topic.http" --ignore-header date --logs --idle "${IDLE:-1}" --total 8 \
        > "$out/$name.txt" 2>&1
    printf '%-28s %s\n' "$name" "$(grep '^sanic-diff:' "$out/$name.txt" || tail -1 "$out/$name.txt")"
done
