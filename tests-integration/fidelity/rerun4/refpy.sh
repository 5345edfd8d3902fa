#!/bin/sh
# Sanic 25.12 (/tmp/st-ref) with uvicorn, for asgifuzz.py's --ref-python (REFUV in run.sh).
# Made once with:
#   uv pip install --target /tmp/rr4/uvref --python /tmp/st-ref/bin/python \
#       uvicorn==0.55.0 click h11 wsproto
PYTHONPATH=${UVREF:-/tmp/rr4/uvref} exec /tmp/st-ref/bin/python "$@"
