"""Under a real uvicorn, what the seventh ASGI check found apart from Hurtle's own server
(tests-integration/fidelity/README.md, "ASGI mode, seventh check")."""

from __future__ import annotations

import asyncio
from pathlib import Path

import websockets
from helpers import running, uvicorn_app
from helpers import server_output as output
from websockets.exceptions import InvalidStatus

HOST = "127.0.0.1"

APP = '''
from sanic import Sanic
from sanic.response import text

app = Sanic("UvicornCheck7")
STATUSES = {"403": 403, "403.0": 403.0, "101": 101}


@app.on_request
async def refuse(request):
    return text("refused", status=STATUSES[request.path.rsplit("/", 1)[1]])


@app.exception(RuntimeError)
async def page(request, exception):
    return text(str(exception), status=500)


@app.websocket("/ws/<given>")
async def never(request, ws, given):
    await ws.send("not refused")
'''


async def _refusal(port: int, given: str) -> tuple[int, bytes]:
    try:
        async with websockets.connect(f"ws://{HOST}:{port}/ws/{given}", open_timeout=5):
            pass
    except InvalidStatus as refused:
        return refused.response.status_code, refused.response.body or b""
    raise AssertionError(f"the websocket /ws/{given} was accepted")


def test_a_websocket_refusal_with_an_invalid_status_is_a_500_under_uvicorn(
    tmp_path: Path,
) -> None:
    # A response refusing a websocket handshake (middleware, an error) goes to uvicorn as
    # its "websocket.http.response": a status that is no whole number (403.0) made uvicorn
    # fail (the client got no valid HTTP response) and a 101 went out as a 101 with
    # "connection: close". As when Hurtle serves the socket: "Invalid response status"
    # and the 500 page (here the app's own) instead (RFC 9110 15: a final status is an
    # int in 200-599).
    args, port = uvicorn_app(tmp_path, APP, HOST)

    async def talk() -> list[tuple[int, bytes]]:
        return [await _refusal(port, given) for given in ("403", "403.0", "101")]

    with running(args, HOST, port, cwd=tmp_path) as proc:
        plain, whole_float, switching = asyncio.run(talk())
    log = output(proc)
    assert plain == (403, b"refused")
    assert whole_float == (500, b"Invalid response status 403.0")
    assert switching == (500, b"Invalid response status 101")
    assert "Exception in ASGI application" not in log
