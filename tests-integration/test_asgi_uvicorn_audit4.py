"""Under a real uvicorn, what the fourth ASGI audit found apart from Sanic's ASGI mode
(tests-integration/fidelity/README.md, "ASGI mode, fourth audit")."""

from __future__ import annotations

import asyncio
from pathlib import Path

import websockets
from helpers import raw_request, running, uvicorn_app
from helpers import server_output as output

HOST = "127.0.0.1"

APP = '''
from sanic import Sanic
from sanic.response import text

app = Sanic("UvicornAudit4")
seen = []


@app.signal("http.lifecycle.request")
async def on_request(request):
    seen.append(f"signal {request.stream.stage.name}")


@app.on_request
async def middleware(request):
    seen.append(f"middleware {request.stream.stage.name}")


@app.get("/stages")
async def stages(request):
    seen.append(f"handler {request.stream.stage.name}")
    answer = ", ".join(seen)
    seen.clear()
    return text(answer)


@app.websocket("/ws", subprotocols=["chat"])
async def ws(request, ws):
    message = await ws.receive()
    await ws.send(f"{message} {type(ws).__name__} {ws.subprotocols} {ws.subprotocol}")
'''


def serve(tmp_path: Path) -> tuple[list[str], int]:
    return uvicorn_app(tmp_path, APP, HOST)


def test_the_stage_is_idle_in_the_request_signal_under_uvicorn(tmp_path: Path) -> None:
    # As Sanic's ASGI mode: http.lifecycle.request comes before the handling starts, so
    # `request.stream.stage` is IDLE there (Hurtle said HANDLER), HANDLER from then on.
    args, port = serve(tmp_path)
    request = b"GET /stages HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    with running(args, HOST, port, cwd=tmp_path) as proc:
        answer = raw_request(HOST, port, request)
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n"), output(proc)
    assert answer.endswith(b"\r\n\r\nsignal IDLE, middleware HANDLER, handler HANDLER")


def test_a_websocket_handler_can_use_sanics_asgi_websocket_api_under_uvicorn(tmp_path: Path) -> None:
    # Sanic's ASGI mode hands the handler a WebSocketConnection (receive(), accept(), the
    # offered subprotocols); Hurtle's had none of them: `ws.receive()` was an
    # AttributeError and the client saw the connection close.
    args, port = serve(tmp_path)

    async def exchange() -> str:
        async with websockets.connect(
            f"ws://{HOST}:{port}/ws", subprotocols=["x", "chat"], open_timeout=5
        ) as ws:
            await ws.send("hi")
            return str(await asyncio.wait_for(ws.recv(), 5))

    with running(args, HOST, port, cwd=tmp_path) as proc:
        message = asyncio.run(exchange())
    assert message == "hi WebSocketConnection ['x', 'chat'] chat", output(proc)
