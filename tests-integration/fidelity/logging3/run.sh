#!/bin/bash
# run.sh NAME [cli]: app.py under Sanic and Hurtle (settings: L3_MODE, L3_RUN, L3_DEBUG,
# L3_NOMOTD, L3_CLI, plus any SANIC_* variable); masked stdout/stderr diffs.
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT_DIR:-/tmp/logging3}
ref=${REF_PYTHON:-/tmp/st-ref/bin/python}
hur=${HURTLE_PYTHON:-$here/../../../.venv/bin/python}
mkdir -p "$out"
L3_PORT=8931 "$ref" "$here/drive.py" "$ref" "$out/$1.ref" ${2:-} &
L3_PORT=8932 "$hur" "$here/drive.py" "$hur" "$out/$1.hur" ${2:-}
wait
echo "=== $1 exit codes: sanic $(cat "$out/$1.ref.rc"), hurtle $(cat "$out/$1.hur.rc")"
for k in out err; do
  python3 "$here/../log_compare/mask.py" "$out/$1.ref.$k" | sed -e 's/Sanic v25.12.0/VERSION/; s/893[12]/PORT/g' > "$out/$1.ref.$k.m"
  python3 "$here/../log_compare/mask.py" "$out/$1.hur.$k" \
    | sed -e 's/Hurtle v[0-9.]* (Sanic v25.12.0 compatible)/VERSION/; s/, hurtle==[0-9.]*//; s/893[12]/PORT/g' > "$out/$1.hur.$k.m"
  if [ "${L3_SORT:-}" ]; then sort -o "$out/$1.ref.$k.m" "$out/$1.ref.$k.m"; sort -o "$out/$1.hur.$k.m" "$out/$1.hur.$k.m"; fi
  diff "$out/$1.ref.$k.m" "$out/$1.hur.$k.m" > "$out/$1.$k.diff" && echo "  $k same" \
    || { echo "  $k differs"; head -${L3_HEAD:-60} "$out/$1.$k.diff"; }
done
