"""The error app with FALLBACK_ERROR_FORMAT = "text"."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from app_errors import build

app = build("FidelityErrorsText")
app.config.FALLBACK_ERROR_FORMAT = "text"
