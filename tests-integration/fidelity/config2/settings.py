"""Settings file for envdiff.py's CFG_FILE case."""

import os

REQUEST_ID_HEADER = "X-Real-IP"
FALLBACK_ERROR_FORMAT = "json"
PROXIES_COUNT = 1
FOO = os.environ.get("CFG_ROOT", "") != ""
lower_case = "ignored"
