"""Probe: file() / file_stream() / app.static of a FIFO (a named pipe nobody writes to).

python fifo_app.py -- run with each interpreter: serves on a free port with
RESPONSE_TIMEOUT = 2, asks each route with a 6 s client timeout, prints what came back.
WRITER=1: a thread writes b"hello" to the pipe (and closes it) while each request waits."""

import asyncio
import os
import socket
import tempfile
import threading
import time

from sanic import Sanic
from sanic.response import file, file_stream

folder = tempfile.mkdtemp()
fifo = os.path.join(folder, "pipe")
os.mkfifo(fifo)
app = Sanic("fifo")
app.config.RESPONSE_TIMEOUT = 2
app.static("/static", folder)


@app.get("/file")
async def whole(request):
    return await file(fifo)


@app.get("/stream")
async def stream(request):
    return await file_stream(fifo)


def write_once() -> None:
    time.sleep(0.3)
    with open(fifo, "wb") as w:
        w.write(b"hello")


def ask(port: int, path: str) -> str:
    if os.environ.get("WRITER"):
        threading.Thread(target=write_once, daemon=True).start()
    start = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=6) as c:
            c.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            time.sleep(1)
            data = c.recv(65536)
        return f"{path}: {time.monotonic() - start:.1f}s {data[:40] + b'...' + data[-30:]!r}"
    except OSError as error:
        return f"{path}: {time.monotonic() - start:.1f}s {type(error).__name__}"


@app.after_server_start
async def probe(app_):
    loop = asyncio.get_running_loop()
    port = app_.state.port if hasattr(app_.state, "port") else 8000

    def run():
        for path in ("/file", "/stream", "/static/pipe"):
            print(ask(port, path), flush=True)
        for _ in range(3):  # free the threads a blocked open() holds
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                os.close(fd)
            except OSError:
                pass
        loop.call_soon_threadsafe(app_.stop)

    threading.Thread(target=run, daemon=True).start()


if __name__ == "__main__":
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    app.run(port=free, single_process=True, access_log=False, motd=False)
