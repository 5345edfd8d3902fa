"""Under a real uvicorn, what the second ASGI audit found apart from Sanic's own server
(tests-integration/fidelity/README.md, "ASGI mode, second audit")."""

from __future__ import annotations

import asyncio
import textwrap
from pathlib import Path

import websockets
from helpers import free_port, running
from websockets.exceptions import InvalidStatus

HOST = "127.0.0.1"

APP = '''
from sanic import Sanic

app = Sanic("UvicornAudit2")

@app.websocket("/proto", subprotocols=["chat", "superchat"])
async def proto(request, ws):
    await ws.send(str(ws.subprotocol))
'''


def test_websocket_subprotocol_refusals_under_uvicorn(tmp_path: Path) -> None:
    # A route with subprotocols refuses a client offering none of them with a 400 page
    # giving the reason, as when Hurtle or Sanic serve the socket; it was accepted.
    (tmp_path / "uvapp.py").write_text(textwrap.dedent(APP))
    port = free_port(HOST)
    args = ["-m", "uvicorn", "uvapp:app", "--host", HOST, "--port", str(port), "--lifespan", "on"]
    url = f"ws://{HOST}:{port}/proto"

    async def refusal(**options: object) -> tuple[int, str]:
        try:
            async with websockets.connect(url, open_timeout=5, **options) as ws:
                return 101, str(await ws.recv())
        except InvalidStatus as refused:
            return refused.response.status_code, refused.response.body.decode()

    async def talk() -> dict[str, tuple[int, str]]:
        return {
            "none": await refusal(),
            "other": await refusal(subprotocols=["other"]),
            "chosen": await refusal(subprotocols=["superchat", "chat"]),
        }

    with running(args, HOST, port, cwd=tmp_path):
        seen = asyncio.run(talk())
    assert seen["chosen"] == (101, "chat")
    assert seen["none"][0] == 400
    assert "Failed to open a WebSocket connection: missing subprotocol." in seen["none"][1]
    assert seen["other"][0] == 400
    assert (
        "Failed to open a WebSocket connection: invalid subprotocol; expected one of chat, "
        "superchat." in seen["other"][1]
    )
