"""Serve APP.py's `app` on 127.0.0.1:PORT in one process (under Sanic or Hurtle: the
interpreter decides). usage: python serve.py APP.py PORT"""

import importlib.util
import sys

path, port = sys.argv[1], int(sys.argv[2])
spec = importlib.util.spec_from_file_location("checked_app", path)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
mod.app.run(host="127.0.0.1", port=port, single_process=True, access_log=False, motd=False)
