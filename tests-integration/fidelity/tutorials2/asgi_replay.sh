#!/usr/bin/env bash
# asgi_replay.py for each app under Sanic 25.12 ($SANIC_PY) and Hurtle ($HURTLE_PY), diffed.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
SANIC_PY="${SANIC_PY:-/tmp/st-ref/bin/python}"
HURTLE_PY="${HURTLE_PY:-$here/../../../.venv/bin/python}"
out="${OUT:-/tmp/fidelity-tutorials2}"
mkdir -p "$out"
if [ $# -eq 0 ]; then set -- $(cd "$here" && ls app_*.py | sed 's/\.py$//'); fi
for name in "$@"; do
    topic="${name#app_}"; topic="${topic%%_*}"
    for side in sanic hurtle; do
        py="$SANIC_PY"; [ "$side" = hurtle ] && py="$HURTLE_PY"
        (cd "$here" && timeout 120 "$py" asgi_replay.py "$name.py" "$topic.http" > "$out/asgi_$name.$side.log" 2>&1)
        sed -n '/^===== results =====$/,$p' "$out/asgi_$name.$side.log" | tail -n +2 > "$out/asgi_$name.$side.json"
    done
    n=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$out/asgi_$name.sanic.json" 2>/dev/null || echo "?")
    if diff -u "$out/asgi_$name.sanic.json" "$out/asgi_$name.hurtle.json" > "$out/asgi_$name.diff"; then
        printf 'asgi %-22s %s requests, same\n' "$name" "$n"
    else
        printf 'asgi %-22s %s requests, DIFFER\n' "$name" "$n"
    fi
done
