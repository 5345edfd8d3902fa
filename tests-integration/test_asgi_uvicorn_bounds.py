"""Under a real uvicorn, a client cannot keep a Hurtle app busy after it has gone, nor
hold a request open with a body over REQUEST_MAX_SIZE it never sends."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from helpers import free_port, running

HOST = "127.0.0.1"

APP = '''
import asyncio
from sanic import Sanic
from sanic.response import json, text

app = Sanic("bounds")
app.config.REQUEST_MAX_SIZE = 1000
state = {"sent": 0, "ended": None}


@app.get("/events")
async def events(request):
    response = await request.respond(content_type="text/event-stream")
    try:
        for _ in range(3000):  # 30 s at most
            await response.send(b"data: x\\n\\n")
            state["sent"] += 1
            await asyncio.sleep(0.01)
    except asyncio.CancelledError:
        state["ended"] = "cancelled"
        raise
    state["ended"] = "ran to the end"


@app.get("/state")
async def get_state(request):
    return json(state)


@app.post("/echo")
async def echo(request):
    return text(str(len(request.body)))
'''


@contextmanager
def _served(tmp_path: Path) -> Iterator[int]:
    """The app above under a real uvicorn; yields its port."""
    (tmp_path / "bounds_app.py").write_text(APP)
    port = free_port(HOST)
    args = ["-m", "uvicorn", "bounds_app:app", "--host", HOST, "--port", str(port)]
    with running(args, HOST, port, cwd=tmp_path):
        yield port


def test_a_streaming_handler_stops_when_the_client_leaves(tmp_path: Path) -> None:
    with _served(tmp_path) as port:
        with socket.create_connection((HOST, port), timeout=5) as conn:
            conn.sendall(b"GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            assert conn.recv(1024).startswith(b"HTTP/1.1 200")
        with httpx.Client(base_url=f"http://{HOST}:{port}", timeout=5) as client:
            state = client.get("/state").json()
            for _ in range(200):  # 20 s: well under the 30 s the stream would last
                if state["ended"] is not None:
                    break
                time.sleep(0.1)
                state = client.get("/state").json()
            assert state["ended"] == "cancelled"
            assert state["sent"] < 3000


def test_a_declared_body_over_the_limit_is_413_at_once(tmp_path: Path) -> None:
    with _served(tmp_path) as port:
        with socket.create_connection((HOST, port), timeout=5) as conn:
            # The client declares 100 MB and sends none of it.
            conn.sendall(b"POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n")
            assert conn.recv(1024).startswith(b"HTTP/1.1 413")
