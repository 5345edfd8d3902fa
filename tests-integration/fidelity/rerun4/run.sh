#!/bin/sh
# The fuzzers re-run after the twenty-fifth stop's merges, one at a time, fresh seeds.
# From the worktree root: sh tests-integration/fidelity/rerun4/run.sh OUTDIR STEP...
# STEP is TOOL:SEED:COUNT[:ROUND], e.g. api:35:6 diff:44:300 app:53:8 app:53:8:5 ws:64:100
# ws2:65:100 err:73:6 asgi:46:400 asgiapps:46:5 cli:11:30 work:24:4 (ROUND: appfuzz --roundN).
# Added by rerun5 (twenty-sixth stop): chunk:S:N (chunkfuzz/fuzz.py, short lines),
# chunkdiff:S:N (chunkfuzz/make_requests.py through sanic-diff, counted by count_diff.py;
# judged by rerun5/chunk_judge.py), diffbody:S:N and asgibody:S:N (difffuzz/asgifuzz with
# the body, form and chunk generators only). APPFUZZ_WORK is passed on to appfuzz.
# REF: Sanic 25.12 (/tmp/st-ref); REFUV: the same with uvicorn 0.55 on PYTHONPATH (asgifuzz;
# refpy.sh is such a wrapper and says how its folder was made).
OUT=${1:-/tmp/rr4}; shift
REF=${REF:-/tmp/st-ref/bin/python}
REFUV=${REFUV:-$PWD/tests-integration/fidelity/rerun4/refpy.sh}
HP=$PWD/.venv/bin/python
F=tests-integration/fidelity
P="--ref-python $REF --hurtle-python $HP"
BODYGENS="--only urlencoded --only multipart --only rbody --only te --only split --only json"
ASGIGENS="--only urlencoded --only multipart --only rbody --only json"  # (uvicorn parses the wire)
for step in "$@"; do
  IFS=: read -r tool seed count round <<END
$step
END
  name=$(echo "$step" | tr ':' '_')
  J="--json $OUT/$name.json"
  echo "== $step $(date -u +%T)"
  case $tool in
    api) python3 $F/apidiff.py --count $count --seed $seed $P $J ;;
    diff) python3 $F/difffuzz.py --count $count --seed $seed $P $J ;;
    diffbody) python3 $F/difffuzz.py $BODYGENS --count $count --seed $seed $P $J ;;
    asgibody) python3 $F/asgifuzz.py $ASGIGENS --count $count --seed $seed --ref-python $REFUV --hurtle-python $HP $J ;;
    app) python3 $F/appfuzz.py --apps $count --seed $seed ${round:+--round$round} $P $J ;;
    ws) (cd $F && python3 wsfuzz.py --count $count --seed $seed $P $J) ;;
    ws2) (cd $F && python3 wsfuzz2.py --count $count --seed $seed $P $J) ;;
    err) python3 $F/errors3/errfuzz.py --apps $count --seed $seed $P $J ;;
    asgi) python3 $F/asgifuzz.py --count $count --seed $seed --ref-python $REFUV --hurtle-python $HP $J ;;
    asgiapps) python3 $F/asgifuzz.py --apps $count --seed $seed --ref-python $REFUV --hurtle-python $HP $J ;;
    cli) env REF_PYTHON=$REF HURTLE_PYTHON=$HP $HP $F/clifuzz.py --seed $seed --count $count ;;
    work) env REF_PYTHON=$REF HURTLE_PYTHON=$HP python3 $F/workfuzz.py --seed $seed --count $count --save $OUT/$name.jsonl ;;
    chunk) CHUNKFUZZ_SHORT=1 $HP $F/chunkfuzz/fuzz.py $count $seed ;;
    chunkdiff) $HP $F/chunkfuzz/make_requests.py $count $seed > $OUT/$name.http &&
         (cd $F/chunkfuzz && HURTLE_PY=$HP SANIC_PY=$REF ${SANIC_DIFF:-/work/shared/tools/sanic-diff} app.py $OUT/$name.http > $OUT/$name.diff 2>&1;
          $HP count_diff.py $OUT/$name.diff) ;;
    *) echo "unknown step $step" ;;
  esac > "$OUT/$name.txt" 2>&1
  echo "rc=$? $(date -u +%T)"
done
