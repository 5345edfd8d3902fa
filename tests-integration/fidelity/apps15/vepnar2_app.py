"""Vepnar/Sanic-Examples, the login example of ``vepnar_app.py`` with its ``SessionHandler``
also installed at import time (the smallest change that lets the sessions run: added in
the ``before_server_start`` listener as written, its middlewares are never called, alike
under both, so every page reading ``request.get('session')`` is a 500).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from vepnar_app import WEBSERVER, SessionHandler

SessionHandler(WEBSERVER)
app = WEBSERVER
