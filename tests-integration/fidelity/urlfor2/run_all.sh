#!/bin/sh
# Run every app-side probe under Sanic 25.12 and under this checkout; print the diffs.
# Usage (from the worktree root): sh tests-integration/fidelity/urlfor2/run_all.sh
cd "$(dirname "$0")" || exit 2
S=${SANIC_PY:-/tmp/st-ref/bin/python}
H=${HURTLE_PY:-../../../.venv/bin/python}
for p in probe_app probe_app2 probe_app3 probe_err probe_names probe_names2 probe_server_name \
    probe_query probe_cache probe_ext_parts probe_custom probe_versions; do
    "$S" "$p.py" 2>/dev/null | grep -v -E 'INFO|Deprecat|warn\(' | sed -e 's/0x[0-9a-f]*/0xADDR/g' > "/tmp/urlfor2_$p.s"
    "$H" "$p.py" 2>/dev/null | grep -v -E 'INFO|Deprecat|warn\(' | sed -e 's/0x[0-9a-f]*/0xADDR/g' > "/tmp/urlfor2_$p.h"
    n=$(wc -l < "/tmp/urlfor2_$p.s")
    d=$(diff "/tmp/urlfor2_$p.s" "/tmp/urlfor2_$p.h" | grep -c '^<')
    echo "== $p: $n lines, $d differ"
    diff "/tmp/urlfor2_$p.s" "/tmp/urlfor2_$p.h"
done
