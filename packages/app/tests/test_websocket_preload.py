"""A server with websocket routes loads the websocket implementation before it accepts.

Loaded by the first handshake instead, it held up the worker's event loop (every open
connection waited 0.1-0.3 s; in debug mode asyncio logged ``Executing <Task ...> took
0.27 seconds``). Declaring the routes still loads nothing (the main process of a
multi-worker run never serves). Each case runs in a fresh interpreter.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

_SCRIPT = """
import asyncio
import sys
from hurtle_app import Blueprint, Sanic

app = Sanic("preload", configure_logging=False)

@app.get("/")
async def index(request):
    return None

{declare}
declared = "hurtle_http.websocket" in sys.modules

async def main():
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    await server.startup()
    await server.before_start()
    await server.after_start()
    serving = "hurtle_http.websocket" in sys.modules
    await server.before_stop()
    server.close()
    await server.wait_closed()
    await server.after_stop()
    return serving

print(declared, asyncio.run(main()))
"""

_ROUTE = """
@app.websocket("/ws")
async def feed(request, ws):
    await ws.send("hi")
"""

_BLUEPRINT = """
bp = Blueprint("live", url_prefix="/live")

@bp.websocket("/feed")
async def feed(request, ws):
    await ws.send("hi")

app.blueprint(bp)
"""


def _loaded(declare: str) -> str:
    script = textwrap.dedent(_SCRIPT).format(declare=declare)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


@pytest.mark.parametrize("declare", [_ROUTE, _BLUEPRINT], ids=["app", "blueprint"])
def test_a_server_with_websocket_routes_loads_the_implementation_before_accepting(
    declare: str,
) -> None:
    assert _loaded(declare) == "False True"


def test_a_server_without_websockets_does_not_load_it() -> None:
    assert _loaded("") == "False False"
