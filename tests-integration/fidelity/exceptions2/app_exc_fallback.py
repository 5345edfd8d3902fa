"""app_exc.py with FALLBACK_ERROR_FORMAT set from the environment (EXC2_FALLBACK, default json)."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from app_exc import build

app = build("Exc2Fallback")
app.config.FALLBACK_ERROR_FORMAT = os.environ.get("EXC2_FALLBACK", "json")
