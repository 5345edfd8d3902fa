#!/usr/bin/env bash
# Run probe_legacy.py, probe_api.py, probe_setattr.py and probe_types.py under Sanic 25.12 and Hurtle; diff (addresses and
# the installed package's path masked).
set -u
here="$(cd "$(dirname "$0")" && pwd)"
SANIC_PY="${SANIC_PY:-/tmp/st-ref/bin/python}"
HURTLE_PY="${HURTLE_PY:-$here/../../../.venv/bin/python}"
out="${OUT:-/tmp/fidelity-tutorials2}"
mkdir -p "$out"
mask() { sed -E 's/0x[0-9a-f]+/0xADDR/g; s#\(/[^)]*/sanic/#(SANIC/#g'; }
for p in probe_legacy probe_api probe_setattr probe_types; do
    (cd "$here" && "$SANIC_PY" "$p.py" 2>/dev/null | mask > "$out/$p.sanic.txt")
    (cd "$here" && "$HURTLE_PY" "$p.py" 2>/dev/null | mask > "$out/$p.hurtle.txt")
    n=$(wc -l < "$out/$p.sanic.txt")
    d=$(diff "$out/$p.sanic.txt" "$out/$p.hurtle.txt" | grep -c '^<')
    echo "$p: $n cases, $d differ"
    diff "$out/$p.sanic.txt" "$out/$p.hurtle.txt" | grep '^[<>]' | cut -c1-160
done
