"""``app_r6.py`` with ``KEEP_ALIVE = False``: RFC 9112 9.6, a server that does not keep
connections MUST send ``close`` in every non-1xx response."""

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("app_r6", Path(__file__).with_name("app_r6.py"))
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)
app = _mod.app
app.config.KEEP_ALIVE = False
