#!/bin/bash
# run.sh NAME: drive.py under Sanic ($REF_PYTHON) and Hurtle ($HURTLE_PYTHON) with the R_*
# settings of the environment (see app.py); diffs the record lists.
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT_DIR:-/tmp/log_records}
ref=${REF_PYTHON:-/tmp/st-ref/bin/python}
hur=${HURTLE_PYTHON:-$here/../../../.venv/bin/python}
mkdir -p "$out"
"$ref" "$here/drive.py" "$ref" "$out/$1.ref" &
"$hur" "$here/drive.py" "$hur" "$out/$1.hur"
wait
diff "$out/$1.ref" "$out/$1.hur" && echo "=== $1 same"
