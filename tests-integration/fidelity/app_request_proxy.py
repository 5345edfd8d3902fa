"""The request app behind a trusted proxy: forwarded headers count."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from app_request import app

app.config.PROXIES_COUNT = 1
app.config.REAL_IP_HEADER = "x-real-ip"
app.config.FORWARDED_SECRET = "s3cr3t"
