#!/bin/sh
# The fuzzers re-run after the twenty-fifth stop's merges, one at a time, fresh seeds.
# From the worktree root: sh tests-integration/fidelity/rerun4/run.sh OUTDIR [STEP...]
# REF: Sanic 25.12 (/tmp/st-ref); REFUV: the same with uvicorn 0.55 on PYTHONPATH (asgifuzz).
OUT=${1:-/tmp/rr4}; shift
REF=${REF:-/tmp/st-ref/bin/python}
REFUV=${REFUV:-/tmp/rr4/refpy}
HP=$PWD/.venv/bin/python
F=tests-integration/fidelity
P="--ref-python $REF --hurtle-python $HP"
run() { name=$1; shift; echo "== $name $(date -u +%T)"; "$@" > "$OUT/$name.txt" 2>&1; echo "rc=$? $(date -u +%T)"; }
for step in "$@"; do case $step in
  api36) run api36 python3 $F/apidiff.py --count 6 --seed 36 $P --json $OUT/api36.json ;;
  diff44) run diff44 python3 $F/difffuzz.py --count 300 --seed 44 $P --json $OUT/diff44.json ;;
  diff45) run diff45 python3 $F/difffuzz.py --count 300 --seed 45 $P --json $OUT/diff45.json ;;
  app53) run app53 python3 $F/appfuzz.py --apps 8 --seed 53 $P --json $OUT/app53.json ;;
  app53r*) r=${step#app53r}; run app53r$r python3 $F/appfuzz.py --apps 8 --seed 53 --round$r $P --json $OUT/app53r$r.json ;;
  ws64) run ws64 sh -c "cd $F && python3 wsfuzz.py --count 100 --seed 64 $P --json $OUT/ws64.json" ;;
  ws65) run ws65 sh -c "cd $F && python3 wsfuzz2.py --count 100 --seed 65 $P --json $OUT/ws65.json" ;;
  err73) run err73 python3 $F/errors3/errfuzz.py --apps 6 --seed 73 $P --json $OUT/err73.json ;;
  err83) run err83 python3 $F/errors3/errfuzz.py --apps 6 --seed 83 $P --json $OUT/err83.json ;;
  asgi46) run asgi46 python3 $F/asgifuzz.py --count 400 --seed 46 --ref-python $REFUV --hurtle-python $HP --json $OUT/asgi46.json ;;
  asgi47) run asgi47 python3 $F/asgifuzz.py --count 400 --seed 47 --ref-python $REFUV --hurtle-python $HP --json $OUT/asgi47.json ;;
  asgiapps46) run asgiapps46 python3 $F/asgifuzz.py --apps 5 --seed 46 --ref-python $REFUV --hurtle-python $HP --json $OUT/asgiapps46.json ;;
  cli11) run cli11 env REF_PYTHON=$REF HURTLE_PYTHON=$HP $HP $F/clifuzz.py --seed 11 --count 30 ;;
  work24) run work24 env REF_PYTHON=$REF HURTLE_PYTHON=$HP python3 $F/workfuzz.py --seed 24 --count 4 ;;
  *) echo "unknown step $step" ;;
esac; done
