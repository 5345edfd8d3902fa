"""A server at its file descriptor limit, on asyncio's own event loop (``USE_UVLOOP=False``):
connections over the limit are closed at once with one log line, and the server serves
again when descriptors free up. CPython's accept loop logged ``socket.accept() out of
system resource`` a hundred times per wake-up, more every second the limit lasted."""

from __future__ import annotations

import socket
import textwrap
import time
from pathlib import Path

from helpers import free_port, raw_request, running

APP = """
import resource
from sanic import Sanic
from sanic.response import text

app = Sanic("FdLimit")
app.config.USE_UVLOOP = False
app.config.KEEP_ALIVE_TIMEOUT = 30

@app.get("/")
async def index(request):
    return text("ok")

if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_NOFILE, (64, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
    app.run(host="127.0.0.1", port={port}, single_process=True, access_log=False, motd=False)
"""


def test_connections_over_the_limit_are_closed_and_reported_once(tmp_path: Path) -> None:
    port = free_port()
    script = tmp_path / "fd_limit_app.py"
    script.write_text(textwrap.dedent(APP).format(port=port))
    with running([str(script)], "127.0.0.1", port) as proc:
        clients = []
        try:
            for _ in range(90):  # more than the 64 descriptors the server may hold
                clients.append(socket.create_connection(("127.0.0.1", port), timeout=5))
            # The server keeps about 50 and closes the rest as it accepts them.
            over: set[int] = set()
            deadline = time.monotonic() + 15
            while not over and time.monotonic() < deadline:
                time.sleep(0.2)
                for n, client in enumerate(clients):
                    client.settimeout(0.01)
                    try:
                        if client.recv(1) == b"":
                            over.add(n)
                    except ConnectionResetError:
                        over.add(n)
                    except TimeoutError:
                        pass
            assert over
        finally:
            for client in clients:
                client.close()
        time.sleep(0.5)
        answer = raw_request("127.0.0.1", port, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert answer.startswith(b"HTTP/1.1 200")
    output = proc.stdout.read() if proc.stdout else ""
    assert output.count("Cannot accept connections: Too many open files") == 1
    assert "out of system resource" not in output
