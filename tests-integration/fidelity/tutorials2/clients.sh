#!/usr/bin/env bash
# Run clients.py TOPIC under Sanic 25.12 ($SANIC_PY) and Hurtle ($HURTLE_PY); diff the JSON.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
SANIC_PY="${SANIC_PY:-/tmp/st-ref/bin/python}"
HURTLE_PY="${HURTLE_PY:-$here/../../../.venv/bin/python}"

out="${OUT:-/tmp/fidelity-tutorials2}"
mkdir -p "$out"
for topic in "$@"; do
    for side in sanic hurtle; do
        py="$SANIC_PY"; [ "$side" = hurtle ] && py="$HURTLE_PY"
        (cd "$here" && "$py" clients.py "$topic" > "$out/clients_$topic.$side.log" 2>&1)
        sed -n '/^===== results =====$/,$p' "$out/clients_$topic.$side.log" | tail -n +2 > "$out/clients_$topic.$side.json"
    done
    n=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$out/clients_$topic.sanic.json" 2>/dev/null || echo "?")
    if diff -u "$out/clients_$topic.sanic.json" "$out/clients_$topic.hurtle.json" > "$out/clients_$topic.diff"; then
        echo "clients $topic: $n checks, same"
    else
        echo "clients $topic: $n checks, DIFFER (see $out/clients_$topic.diff)"
    fi
done
