"""What an app loads at start-up: libraries only some apps use are loaded on first use.

Every worker holds its imports in memory; an app without websockets should not carry the
``websockets`` library (nor ``importlib.metadata`` and ``email``, which it pulls in).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

_APP = """
import sys
import sanic
from sanic import Sanic, text
from sanic.worker.inspector import Inspector  # noqa: F401 - what INSPECTOR=True loads

app = Sanic("startup_imports")
app.config.INSPECTOR = True

@app.get("/")
async def index(request):
    return text("ok")

@app.websocket("/ws")
async def feed(request, ws):
    await ws.send("hi")

app.router.finalize()
print(sorted(m for m in ("websockets", "email", "importlib.metadata") if m in sys.modules))
"""


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_an_app_with_routes_loads_no_websocket_library_until_one_is_used() -> None:
    assert _run(_APP) == "[]"


def test_the_websocket_names_still_resolve_to_the_library_classes() -> None:
    out = _run(
        """
        import sanic, sanic.app, sanic.asgi
        from websockets.exceptions import ConnectionClosed
        from hurtle_http.websocket import WebsocketImplProtocol
        from sanic import Websocket
        from sanic.asgi import WebSocketConnection
        print(Websocket is WebsocketImplProtocol, sanic.app.ConnectionClosed is ConnectionClosed,
              WebSocketConnection.__name__)
        """
    )
    assert out == "True True WebSocketConnection"
