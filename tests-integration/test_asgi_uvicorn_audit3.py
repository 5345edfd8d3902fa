"""Under a real uvicorn, what the third ASGI audit found apart from Sanic's ASGI mode
(tests-integration/fidelity/README.md, "ASGI mode, third audit")."""

from __future__ import annotations

import asyncio
import json
import textwrap
from pathlib import Path

import websockets
from helpers import free_port, raw_request, running
from helpers import server_output as output

HOST = "127.0.0.1"

APP = '''
import asyncio
import os

from sanic import Sanic
from sanic.response import json

app = Sanic("UvicornAudit3")
EVENTS = os.environ["EVENTS_FILE"]


def note(line):
    with open(EVENTS, "a") as events:
        events.write(line + "\\n")


async def flush(label):
    note(f"{label} started")
    try:
        await asyncio.sleep(30)
    finally:
        note(f"{label} finally")


@app.before_server_stop
async def before_stop(app):
    app.add_task(flush("named"), name="flush")
    app.add_task(flush("unnamed"))


@app.after_server_start
async def after_start(app):
    note(f"lifespan {type(app._asgi_lifespan).__name__}")


def scope_of(app, ws=None):
    scope = app._asgi_app.transport.scope
    return {"type": scope["type"], "path": scope["path"], "ws": app._asgi_app.ws is ws}


@app.get("/scope")
async def http_scope(request):
    return json(scope_of(request.app))


@app.get("/status/<code:int>")
async def status(request, code):
    return json({"code": code}, status=code)


@app.websocket("/ws")
async def ws_scope(request, ws):
    await ws.send(str(scope_of(request.app, ws)))
'''


def test_a_task_added_at_the_stop_takes_its_first_step_under_uvicorn(tmp_path: Path) -> None:
    # A task added by a before_server_stop listener (a last flush, a goodbye message)
    # was cancelled before it ever ran: its body and its `finally` never ran. Sanic's
    # ASGI mode and Hurtle's own server both run it until it waits, then cancel it.
    (tmp_path / "uvapp.py").write_text(textwrap.dedent(APP))
    events = tmp_path / "events.txt"
    port = free_port(HOST)
    args = ["-m", "uvicorn", "uvapp:app", "--host", HOST, "--port", str(port), "--lifespan", "on"]
    with running(args, HOST, port, cwd=tmp_path, env={"EVENTS_FILE": str(events)}) as proc:
        pass
    log = output(proc)
    assert proc.returncode == 0, log
    lines = events.read_text().splitlines()
    for label in ("named", "unnamed"):
        assert f"{label} started" in lines, lines
        assert f"{label} finally" in lines, lines
    assert "Application shutdown complete." in log


def test_the_exchange_and_its_scope_are_on_the_app_under_uvicorn(tmp_path: Path) -> None:
    # As Sanic's ASGI mode: `app._asgi_app` is the exchange being served, whose
    # `transport.scope` plugins read (idom/reactpy's Sanic websocket view builds its
    # connection from it) and whose `ws` is the handler's websocket (None for HTTP), and
    # `app._asgi_lifespan` the lifespan run. Hurtle left `_asgi_app` None
    # (AttributeError on `.transport`) and had no `_asgi_lifespan`.
    (tmp_path / "uvapp.py").write_text(textwrap.dedent(APP))
    events = tmp_path / "events.txt"
    port = free_port(HOST)
    args = ["-m", "uvicorn", "uvapp:app", "--host", HOST, "--port", str(port), "--lifespan", "on"]

    async def over_websocket() -> str:
        async with websockets.connect(f"ws://{HOST}:{port}/ws", open_timeout=5) as ws:
            return str(await asyncio.wait_for(ws.recv(), 5))

    request = b"GET /scope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    with running(args, HOST, port, cwd=tmp_path, env={"EVENTS_FILE": str(events)}) as proc:
        answer = raw_request(HOST, port, request)
        message = asyncio.run(over_websocket())
    log = output(proc)
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n"), log
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1]) == {"type": "http", "path": "/scope", "ws": True}
    assert message == "{'type': 'websocket', 'path': '/ws', 'ws': True}"
    assert "lifespan Lifespan" in events.read_text().splitlines()


def test_a_status_past_599_is_the_error_page_under_uvicorn(tmp_path: Path) -> None:
    # RFC 9110 15: a valid status is within 100-599. uvicorn took a 600 head, then failed
    # writing its status line: the client got an empty reply and nothing was logged
    # (Sanic's ASGI mode: no answer either, with tracebacks). Now the 500 page and the
    # error in the log, as for a status that is no number.
    (tmp_path / "uvapp.py").write_text(textwrap.dedent(APP))
    events = tmp_path / "events.txt"
    port = free_port(HOST)
    args = ["-m", "uvicorn", "uvapp:app", "--host", HOST, "--port", str(port), "--lifespan", "on"]

    def get(path: str) -> bytes:
        request = f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        return raw_request(HOST, port, request.encode())

    with running(args, HOST, port, cwd=tmp_path, env={"EVENTS_FILE": str(events)}) as proc:
        past, last = get("/status/600"), get("/status/599")
    log = output(proc)
    assert past.startswith(b"HTTP/1.1 500 Internal Server Error\r\n"), log
    assert "RuntimeError: Invalid response status 600" in log
    assert last.startswith(b"HTTP/1.1 599 ")
