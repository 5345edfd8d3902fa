#!/bin/bash
# run.sh NAME: app.py (single process) under Sanic ($REF_PYTHON) and Hurtle ($HURTLE_PYTHON),
# driven by drive.py; masked stdout/stderr diffs (../log_compare/mask.py).
# Settings (environment): T_SCEN=access,errors,timeout,disconnect,ws,big,ka,stream_err,sizes
# (default: the first five), T_ACCESS=1|0, T_DEBUG=1, T_DEV=1, T_NOMOTD=1, T_NOCONF=1 (configure_logging=
# False), T_NOISY=1, T_CFGNOACCESS=1, T_RT=seconds (RESPONSE_TIMEOUT), T_LISTENER=
# after_start|before_start|before_stop|task_start, T_CLI="--dev" (the sanic command).
# T_PTY=1 puts standard output on a pseudo-terminal; T_MERGE=1 sends standard error there too.
# Example: T_SCEN=timeout,ka T_DEBUG=1 ./run.sh tdbg
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT_DIR:-/tmp/log_scenarios}
ref=${REF_PYTHON:-/tmp/st-ref/bin/python}
hur=${HURTLE_PYTHON:-$here/../../../.venv/bin/python}
mkdir -p "$out"
"$ref" "$here/drive.py" "$ref" "$out/$1.ref" &
"$hur" "$here/drive.py" "$hur" "$out/$1.hur"
wait
echo "=== $1 exit codes: sanic $(cat "$out/$1.ref.rc"), hurtle $(cat "$out/$1.hur.rc")"
for k in out err; do
  python3 "$here/../log_compare/mask.py" "$out/$1.ref.$k" | sed -e 's/Sanic v25.12.0/VERSION/' > "$out/$1.ref.$k.m"
  python3 "$here/../log_compare/mask.py" "$out/$1.hur.$k" \
    | sed -e 's/Hurtle v[0-9.]* (Sanic v25.12.0 compatible)/VERSION/; s/, hurtle==[0-9.]*//' > "$out/$1.hur.$k.m"
  diff "$out/$1.ref.$k.m" "$out/$1.hur.$k.m" > "$out/$1.$k.diff" && echo "  $k same" \
    || { echo "  $k differs"; head -60 "$out/$1.$k.diff"; }
done
