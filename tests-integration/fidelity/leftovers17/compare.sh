#!/bin/sh
# Runs mid_body.py under Sanic ($SANIC_PY) and Hurtle ($HURTLE_PY) for each case and says
# whether the app saw the same events (the connection-level begin/complete signals are
# left out: their order depends on the readiness probe's own connection).
# Usage: SANIC_PY=... HURTLE_PY=... ./compare.sh
cd "$(dirname "$0")"
same=0; differ=0
for one in "FIN /upload Exception" "FIN /stream Exception" "FIN /upload RequestCancelled" \
    "FIN /stream RequestCancelled" "FIN /upload CancelledError" "FIN /stream CancelledError" \
    "RST /slow RequestCancelled" "RST /upload CancelledError" "RST /stream Exception" \
    "RSTFEW /slow CancelledError" "RSTFEW /upload RequestCancelled" "RSTFEW /stream CancelledError"; do
  set -- $one
  reset=""; few=""
  if [ "$1" = RST ]; then reset=1; fi
  if [ "$1" = RSTFEW ]; then reset=1; few=1; fi
  for side in sanic hurtle; do
    if [ $side = sanic ]; then py=$SANIC_PY; else py=$HURTLE_PY; fi
    RESET=$reset FEW=$few CATCH=$3 "$py" mid_body.py "$py" served "$2" 2>&1 | grep '^events:' \
      | sed -e "s/'signal http.lifecycle.begin', //g" -e "s/, 'signal http.lifecycle.complete'//g" \
            -e "s/'signal http.lifecycle.complete', //g" > "/tmp/mid_body_$side.txt"
  done
  if cmp -s /tmp/mid_body_sanic.txt /tmp/mid_body_hurtle.txt; then
    same=$((same + 1)); echo "= $one"
  else
    differ=$((differ + 1)); echo "≠ $one"; cat /tmp/mid_body_sanic.txt /tmp/mid_body_hurtle.txt
  fi
done
echo "mid_body: $((same + differ)) cases, $same same, $differ differ"
