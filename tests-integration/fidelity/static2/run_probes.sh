#!/bin/sh
# In-process probes under real Sanic and under this checkout; prints each probe's diff.
# Usage: run_probes.sh SANIC_PYTHON HURTLE_PYTHON
set -u
here=$(dirname "$0")
out=$(mktemp -d)
for probe in probe_listing probe_handle probe_register probe_bp_uri probe_bp_index \
    probe_exc probe_mw probe_route; do
    "$1" "$here/$probe.py" 2>/dev/null | sed 's/static2-[a-z0-9_]*/TREE/g' > "$out/$probe.sanic"
    "$2" "$here/$probe.py" 2>/dev/null | sed 's/static2-[a-z0-9_]*/TREE/g' > "$out/$probe.hurtle"
    echo "== $probe: $(diff "$out/$probe.sanic" "$out/$probe.hurtle" | grep -c '^[<>]') lines differ"
    diff "$out/$probe.sanic" "$out/$probe.hurtle"
done
rm -rf "$out"
