#!/bin/bash
# run.sh hurtle|sanic PORT [ULIMIT_N]: start app.py in the background, print its PID.
# HURTLE_PY / SANIC_PY pick the interpreters; S3_WORKERS=1 runs the worker manager.
which=$1; port=$2; ul=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
if [ "$which" = hurtle ]; then PY=${HURTLE_PY:-python}; else PY=${SANIC_PY:-/tmp/st-ref/bin/python}; fi
mkdir -p "${S3_SCRATCH:-/tmp/stress3}"
( [ -n "$ul" ] && ulimit -n "$ul"; cd "$here" && exec "$PY" -c "
import os
from app import app
app.run(host='127.0.0.1', port=$port, single_process=os.environ.get('S3_WORKERS') is None, access_log=False, motd=False)
" > "${S3_SCRATCH:-/tmp/stress3}/log_${which}_$port.txt" 2>&1 ) &
echo $!
