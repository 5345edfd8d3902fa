#!/bin/bash
# Run one check script against an app served by real Sanic and by this tree, side by side.
#   tests-integration/fidelity/rfc_checklist/run.sh ws_checks.py              # app_http.py
#   tests-integration/fidelity/rfc_checklist/run.sh kinds_checks.py app_kinds.py [filter]
#   tests-integration/fidelity/rfc_checklist/run.sh ws2_checks.py app_third.py     # also form_checks.py, cookie_checks.py
# REF_PYTHON: an interpreter with sanic 25.12; HURTLE_PYTHON: this tree's venv.
# Lines come in pairs: "S ..." (Sanic) then "H ..." (Hurtle). PASS/FAIL is the RFC's
# reading written in each check, not a comparison; see the README's RFC checklist.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../../.." && pwd)
REF_PYTHON=${REF_PYTHON:-/tmp/st-ref/bin/python}
HURTLE_PYTHON=${HURTLE_PYTHON:-$TOP/.venv/bin/python}
CHECK=$HERE/${1:?check script}
APP=$HERE/${2:-app_http.py}
FILTER=${3:-}
SPORT=${SPORT:-18871}
HPORT=${HPORT:-18872}
OUT=$(mktemp -d)
"$REF_PYTHON" "$HERE/serve.py" "$APP" $SPORT > "$OUT/sanic.log" 2>&1 & SP=$!
"$HURTLE_PYTHON" "$HERE/serve.py" "$APP" $HPORT > "$OUT/hurtle.log" 2>&1 & HP=$!
trap 'kill $SP $HP 2>/dev/null; wait $SP $HP 2>/dev/null' EXIT
for _ in $(seq 1 60); do
  (exec 3<>/dev/tcp/127.0.0.1/$SPORT) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/$HPORT) 2>/dev/null && break
  sleep 0.25
done
"$HURTLE_PYTHON" "$CHECK" $SPORT "$FILTER" > "$OUT/sanic.txt" 2>&1 & A=$!
"$HURTLE_PYTHON" "$CHECK" $HPORT "$FILTER" > "$OUT/hurtle.txt" 2>&1
wait $A
paste -d'\n' <(sed 's/^/S /' "$OUT/sanic.txt") <(sed 's/^/H /' "$OUT/hurtle.txt")
