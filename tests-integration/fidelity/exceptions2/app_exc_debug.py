"""app_exc.py with DEBUG on (set before the server starts, as `sanic --debug` would)."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from app_exc import build

app = build("Exc2Debug")


@app.before_server_start
async def debug_on(app, loop):
    from sanic.application.constants import Mode

    app.state.mode = Mode.DEBUG
    app.config.DEBUG = True
