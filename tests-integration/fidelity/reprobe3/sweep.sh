#!/bin/sh
# The twenty-seventh stop's regression sweep (README, "Probes re-run after the twenty-seventh
# stop's merges"), one step at a time, from the worktree root:
#   sh tests-integration/fidelity/reprobe3/sweep.sh OUTDIR
# Fuzzers through rerun4/run.sh, then the merged areas' probe suites. 127.0.0.1 only.
OUT=${1:-/tmp/rp3}; mkdir -p "$OUT"
F=tests-integration/fidelity
HP=$PWD/.venv/bin/python
REF=${REF:-/tmp/st-ref/bin/python}
APPFUZZ_WORK=${APPFUZZ_WORK:-/tmp/appfuzz-rp3} sh $F/rerun4/run.sh "$OUT" \
  diff:3401:300 app:3402:8 app:3402:8:5 app:3402:8:6 app:3402:8:7 app:3402:8:8 app:3402:8:9 \
  app:3402:8:10 app:3403:8:11 err:3406:6 asgi:3404:400 asgiapps:3405:5 ws:3407:100 \
  ws2:3408:100 diff:3411:1000 app:3412:15 app:3412:15:5 app:3412:15:6 app:3412:15:7 \
  app:3412:15:8 app:3412:15:9 app:3412:15:10 app:3413:30:11 err:3414:12 asgi:3415:800 \
  asgiapps:3416:8 ws:3417:200 ws2:3418:200 err:3422:10 app:3431:15 app:3431:15:6 \
  app:3431:15:8 app:3432:20:11 asgiapps:3433:8 ws2:3434:100
python3 $F/difffuzz.py --only rhead --only rpipe --only rbody --only upgrade --only respond \
  --only expect --count 1000 --seed 3421 --ref-python "$REF" --hurtle-python "$HP" \
  > "$OUT/resp3421.txt" 2>&1
(cd $F/leftovers17 && SANIC_PY=$REF HURTLE_PY=$HP ./compare.sh) > "$OUT/compare.txt" 2>&1
(cd $F/streaming3 && $HP drive.py) > "$OUT/stream3.txt" 2>&1
HURTLE_PY=$HP SANIC_PY=$REF python3 $F/middleware2/order_fuzz.py $(seq 301 330) > "$OUT/order.txt" 2>&1
HURTLE_PY=$HP SANIC_PY=$REF python3 $F/middleware2/behaviour_fuzz.py $(seq 301 340) > "$OUT/behav.txt" 2>&1
python3 $F/rfc8/run.py > "$OUT/rfc8.txt" 2>&1
tail -n 1 "$OUT"/*.txt
