"""The demo app served by a real uvicorn (ASGI mode): HTTP routes, blueprint, static, websocket."""

from __future__ import annotations

import asyncio

import httpx
import websockets
from helpers import ROOT, free_port, running

HOST = "127.0.0.1"


def test_demo_app_under_uvicorn() -> None:
    port = free_port(HOST)
    args = ["-m", "uvicorn", "demo:app", "--host", HOST, "--port", str(port), "--lifespan", "on"]
    with running(args, HOST, port, cwd=ROOT / "examples"):
        base = f"http://{HOST}:{port}"
        with httpx.Client(base_url=base, timeout=10) as client:
            index = client.get("/")
            assert index.status_code == 200
            assert index.text == "Hello from Hurtle."
            assert client.get("/json").json() == {"hello": "world", "framework": "hurtle"}
            assert client.get("/user/42").json() == {"id": 42, "type": "int"}
            ping = client.get("/api/v1/ping")
            assert ping.json() == {"pong": True}
            assert ping.headers["x-blueprint"] == "api"
            static = client.get("/static/hello.txt")
            assert static.status_code == 200 and static.content
            missing = client.get("/nope", headers={"accept": "application/json"})
            assert missing.status_code == 404
            assert missing.json()["description"] == "Not Found"
            posted = client.post("/json")
            assert posted.status_code == 405

        async def echo() -> list[str]:
            async with websockets.connect(f"ws://{HOST}:{port}/ws") as ws:
                replies = []
                for message in ("hello", "hurtle"):
                    await ws.send(message)
                    replies.append(await ws.recv())
                return replies

        assert asyncio.run(echo()) == ["hello", "hurtle"]
