"""Serve the app file named by ``APP_FILE`` on ``APP_PORT`` (run by compare.py, under
either interpreter); after start-up, write the route list to ``ROUTES_OUT``."""

import importlib.util
import json
import os
import sys
from pathlib import Path

app_file, port = os.environ["APP_FILE"], int(os.environ["APP_PORT"])
sys.path.insert(0, os.path.dirname(os.path.abspath(app_file)))
spec = importlib.util.spec_from_file_location("userapp", app_file)
module = importlib.util.module_from_spec(spec)
sys.modules["userapp"] = module  # so plugins can import the app's module by name
spec.loader.exec_module(module)
app = module.app


@app.after_server_start
async def _dump_routes(app):
    out = os.environ.get("ROUTES_OUT")
    if out:
        routes = sorted((r.path, sorted(r.methods), r.name) for r in app.router.routes)
        Path(out).write_text(json.dumps({"routes": routes}, indent=1))  # noqa: ASYNC240


if __name__ == "__main__":
    app.run(
        host="127.0.0.1", port=port, access_log=False, motd="MOTD" in os.environ,
        single_process="MULTI" not in os.environ,
    )
