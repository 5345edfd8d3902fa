"""Under a real uvicorn, a client leaving before its response started and a limit a
stream=True handler sets (tests-integration/fidelity/README.md, "ASGI mode, ninth check")."""

from __future__ import annotations

import socket
import struct
import time
from pathlib import Path

from helpers import running, uvicorn_app
from helpers import server_output as output

HOST = "127.0.0.1"

APP = '''
import asyncio
import os

from sanic import Sanic
from sanic.exceptions import RequestCancelled
from sanic.response import text

app = Sanic("UvicornCheck9")


def note(line):
    with open(os.environ["SEEN"], "a") as out:
        out.write(line + "\\n")


@app.after_server_stop
async def stopped(app):
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    note(f"stopped with {len(others)} other tasks")


@app.get("/slow")
async def slow(request):
    try:
        await asyncio.sleep(30)
    except asyncio.CancelledError:
        note(f"handler cancelled closing={request.transport.is_closing()}")
        raise
    return text("late")


@app.post("/limited", stream=True)
async def limited(request):
    request.stream.request_max_size = 100
    body = b"".join([chunk async for chunk in request.stream])
    return text(f"read {len(body)}")


@app.exception(RequestCancelled)
async def cancelled(request, exception):
    note(f"error handler {type(exception).__name__}")
    return text("for nobody", status=503)


@app.on_response
async def after(request, response):
    note(f"response middleware {request.path} {response.status}")
'''


def _wait_for(path: Path, text: str) -> str:
    for _ in range(100):  # at most 10 s
        seen = path.read_text() if path.exists() else ""
        if text in seen:
            break
        time.sleep(0.1)
    return path.read_text() if path.exists() else "<not written>"


def test_clients_leaving_while_handlers_wait_run_the_error_path_under_uvicorn(
    tmp_path: Path,
) -> None:
    # Three clients leave (two FIN, one reset) while their handlers wait: each handler is
    # cancelled, the RequestCancelled handler and the response middleware run (a 503 for
    # nobody), as Sanic's own server does; the server stops with no task left behind and
    # no stray "Task exception was never retrieved" / CancelledError in its log.
    args, port = uvicorn_app(tmp_path, APP, HOST)
    seen_file = tmp_path / "seen.txt"
    with running(args, HOST, port, cwd=tmp_path, env={"SEEN": str(seen_file)}) as proc:
        clients = [socket.create_connection((HOST, port), 5) for _ in range(3)]
        for client in clients:
            client.sendall(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        time.sleep(0.3)
        clients[0].setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        for client in clients:
            client.close()
        for _ in range(100):  # at most 10 s for the three error paths
            if _wait_for(seen_file, "").count("response middleware") >= 3:
                break
            time.sleep(0.1)
    seen = _wait_for(seen_file, "stopped with")
    log = output(proc)
    lines = sorted(seen.splitlines())
    assert lines == sorted(
        ["handler cancelled closing=True"] * 3
        + ["error handler RequestCancelled"] * 3
        + ["response middleware /slow 503"] * 3
        + ["stopped with 1 other tasks"]  # (uvicorn's own Server.serve)
    ), log
    assert "never retrieved" not in log and "CancelledError" not in log, log
    assert proc.returncode == 0, log


def test_a_limit_a_stream_handler_sets_is_applied_under_uvicorn(tmp_path: Path) -> None:
    # Served (Hurtle or Sanic), a stream=True handler that sets request_max_size = 100
    # gets a 413 for a longer body; under uvicorn it read the whole body (200).
    args, port = uvicorn_app(tmp_path, APP, HOST)
    seen_file = tmp_path / "seen.txt"
    with running(args, HOST, port, cwd=tmp_path, env={"SEEN": str(seen_file)}):
        with socket.create_connection((HOST, port), 5) as client:
            client.settimeout(5)
            client.sendall(
                b"POST /limited HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + b"50\r\n" + b"a" * 80 + b"\r\n50\r\n" + b"b" * 80 + b"\r\n0\r\n\r\n"
            )
            head = client.recv(4096)
    assert head.startswith(b"HTTP/1.1 413"), head
