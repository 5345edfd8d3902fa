#!/bin/bash
# run.sh NAME: app.py under Sanic ($REF_PYTHON) and Hurtle ($HURTLE_PYTHON) with the T_*
# settings of the environment; masked stdout/stderr diffs (times, PIDs, ports, durations).
# Example: T_ACCESS=1 T_FMT=LegacyFormatter T_ACC=LegacyAccessFormatter T_EXTRA=1 T_PTY=1 ./run.sh leg
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT_DIR:-/tmp/log_compare}
mkdir -p "$out"
python3 "$here/drive.py" "${REF_PYTHON:-/tmp/st-ref/bin/python}" "$out/$1.ref" &
python3 "$here/drive.py" "${HURTLE_PYTHON:-$here/../../../.venv/bin/python}" "$out/$1.hur"
wait
echo "=== $1 exit codes: sanic $(cat "$out/$1.ref.rc"), hurtle $(cat "$out/$1.hur.rc")"
for k in out err; do
  python3 "$here/mask.py" "$out/$1.ref.$k" > "$out/$1.ref.$k.m"
  python3 "$here/mask.py" "$out/$1.hur.$k" > "$out/$1.hur.$k.m"
  diff "$out/$1.ref.$k.m" "$out/$1.hur.$k.m" > "$out/$1.$k.diff" && echo "  $k same" \
    || { echo "  $k differs"; head -40 "$out/$1.$k.diff"; }
done
