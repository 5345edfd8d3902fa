"""app_options.py with FALLBACK_ERROR_FORMAT = "json": the error bodies of static routes."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from app_options import app

app.config.FALLBACK_ERROR_FORMAT = "json"
