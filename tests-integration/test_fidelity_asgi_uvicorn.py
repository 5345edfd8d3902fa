"""Websockets and lifespan under a real uvicorn, with the results real Sanic gives (or, where
Sanic's ASGI mode breaks, the ones it gives when serving itself). Found with
tests-integration/fidelity/compare_ws_asgi.py."""

from __future__ import annotations

import asyncio
import textwrap
from pathlib import Path

import httpx
import websockets
from helpers import free_port, running
from websockets.exceptions import ConnectionClosedError, InvalidStatus

HOST = "127.0.0.1"

APP = '''
import os
from sanic import Sanic, response

app = Sanic("UvicornFidelity")
app.config.WEBSOCKET_MAX_SIZE = 64

def note(event):
    with open(os.environ["EVENTS"], "a") as fh:
        fh.write(event + "\\n")

def make(name):
    def listener(app):
        note(name)
    return listener

for name in ("main_process_start", "before_server_start", "after_server_start",
             "before_server_stop", "after_server_stop"):
    app.register_listener(make(name), name)

@app.websocket("/proto", subprotocols=["chat", "superchat"])
async def proto(request, ws):
    await ws.send(str(ws.subprotocol))

@app.websocket("/echo")
async def echo(request, ws):
    async for message in ws:
        await ws.send(message)

@app.get("/")
async def index(request):
    return response.text("ok")
'''


def test_websockets_and_lifespan_under_uvicorn(tmp_path: Path) -> None:
    (tmp_path / "uvapp.py").write_text(textwrap.dedent(APP))
    events = tmp_path / "events.txt"
    port = free_port(HOST)
    args = ["-m", "uvicorn", "uvapp:app", "--host", HOST, "--port", str(port), "--lifespan", "on"]
    base = f"ws://{HOST}:{port}"

    async def talk() -> dict[str, object]:
        seen: dict[str, object] = {}
        async with websockets.connect(f"{base}/proto", subprotocols=["superchat", "chat"]) as ws:
            seen["subprotocol"] = ws.subprotocol
            seen["handler_saw"] = await ws.recv()
        async with websockets.connect(f"{base}/echo") as ws:
            await ws.send("small")
            seen["echo"] = await ws.recv()
            await ws.send("x" * 100)
            try:
                await ws.recv()
            except ConnectionClosedError as closed:
                seen["too_big"] = closed.rcvd.code if closed.rcvd else None
        try:
            async with websockets.connect(f"{base}/missing"):
                pass
        except InvalidStatus as refused:
            seen["missing"] = refused.response.status_code
        return seen

    with running(args, HOST, port, cwd=tmp_path, env={"EVENTS": str(events)}) as proc:
        seen = asyncio.run(talk())
        plain = httpx.get(f"http://{HOST}:{port}/echo", timeout=5)
    output = proc.stdout.read() if proc.stdout else ""
    assert seen == {
        "subprotocol": "chat", "handler_saw": "chat", "echo": "small", "too_big": 1009,
        "missing": 404,
    }
    assert plain.status_code == 400 and "Improper websocket connection." in plain.text
    assert events.read_text().split() == [
        "before_server_start", "after_server_start", "before_server_stop", "after_server_stop"
    ]
    assert "main_process_start" in output and "cannot run under an ASGI server" in output
