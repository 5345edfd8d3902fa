"""One side of ``run.py``: prints one JSON object of observations as its last line (run
under Sanic 25.12's interpreter and under Hurtle's)."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from served import serve  # noqa: E402  (the shared server starter)

OUT: dict[str, object] = {}


def exchange(port: int, raw: bytes, wait: float = 1.5) -> tuple[bytes, bool]:
    """What the server sends back to ``raw``, and whether it closed within ``wait``."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as s:
        s.sendall(raw)
        data, closed = b"", False
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                chunk = s.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                closed = True
                break
            data += chunk
        return data, closed


def head(data: bytes, *names: str) -> list[str]:
    """The status line and the named headers (lower case) of a response."""
    lines = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    keep = [ln.lower() for ln in lines[1:] if ln.split(":", 1)[0].lower() in names]
    return [lines[0], *sorted(keep)]


def get(path: str, extra: str = "") -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: x\r\n{extra}\r\n".encode()


# 1. app.run(port=0): where it binds, what its banner, app.state and serve_location say
PORT_0 = """
import os
from sanic import Sanic, text
app = Sanic("L8port")
app.get("/")(lambda r: text("x"))

def listening() -> list[int]:
    # this process's listening TCP ports, from /proc (no server object is needed)
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            inodes.add(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass  # the listing's own descriptor, closed since
    ports = []
    with open("/proc/self/net/tcp") as table:
        for row in list(table)[1:]:
            cols = row.split()
            if cols[3] == "0A" and f"socket:[{cols[9]}]" in inodes:
                ports.append(int(cols[1].split(":")[1], 16))
    return ports

@app.after_server_start
async def seen(app):
    os.write(1, f"BOUND {listening()} STATE {app.state.port} WHERE {app.serve_location}\\n".encode())
    app.stop()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=0, single_process=SINGLE, access_log=False)
"""


def run_port_0(single: bool) -> list[object]:
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder, "port0.py")
        script.write_text(PORT_0.replace("SINGLE", str(single)))
        proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                              timeout=60, start_new_session=True, cwd=folder,
                              env={**os.environ, "SANIC_NO_COLOR": "1"})
    out = proc.stdout + proc.stderr
    bound = re.search(r"BOUND \[(\d+)\] STATE (\d+) WHERE (\S+)", out)
    banner = re.findall(r"Goin' Fast @ (\S+)", out)
    if bound is None:
        return [f"no server: {out[-300:]}"]
    port = bound[1]
    return [
        f"banner names the bound port {banner == [f'http://127.0.0.1:{port}']}",
        f"state.port {'is the bound port' if bound[2] == port else bound[2]}",
        f"serve_location is it {bound[3] == f'http://127.0.0.1:{port}'}",
        f"bound to 8000 {port == '8000'}",
    ]


OUT["1 app.run(port=0, single_process=True)"] = run_port_0(True)
OUT["1 app.run(port=0) with a worker"] = run_port_0(False)

# 5. asgi_client and app.add_task
from sanic import Sanic, text  # noqa: E402

tasks_app = Sanic("L8tasks")


async def sleeper():
    await asyncio.sleep(0.01)


@tasks_app.get("/")
async def adds(request):
    request.app.add_task(sleeper(), name="added")
    return text(str(len(list(request.app.tasks))))




async def asgi_call() -> None:
    _, resp = await tasks_app.asgi_client.get("/")
    OUT["5 asgi_client: tasks seen in the handler"] = resp.text
    OUT["5 asgi_client: app.tasks after the call"] = [t.get_name() for t in tasks_app.tasks]


asyncio.run(asgi_call())

# 7. Blueprint.register_listener
from sanic import Blueprint  # noqa: E402

OUT["7 Blueprint has register_listener"] = hasattr(Blueprint("b"), "register_listener")

proc, port = serve(sys.executable, HERE)
try:
    # 2. A handler's own RequestTimeout, and the server's own 408
    data, closed = exchange(port, get("/timeout"))
    OUT["2 handler raises RequestTimeout"] = head(data, "connection") + [f"closed {closed}"]
    data, closed = exchange(port, get("/ok") + get("/timeout") + get("/ok"))
    OUT["2 pipelined ok, RequestTimeout, ok: responses"] = data.count(b"HTTP/1.1 ")
    # 3. Error pages chosen by Accept
    for accept in ("application/json", "text/html", "text/plain", None):
        extra = f"Accept: {accept}\r\n" if accept else ""
        data, _ = exchange(port, get("/missing", extra + "Connection: close\r\n"))
        OUT[f"3 404, Accept {accept}"] = head(data, "vary", "content-type")
        data, _ = exchange(port, get("/boom", extra + "Connection: close\r\n"))
        OUT[f"3 500, Accept {accept}"] = head(data, "vary", "content-type")
    data, _ = exchange(port, get("/ok", "Accept: application/json\r\nConnection: close\r\n"))
    OUT["3 200 text, Accept json"] = head(data, "vary", "content-type")
    # 4. A 405 without methods
    for path in ("/405-plain", "/405-methods"):
        data, _ = exchange(port, get(path, "Connection: close\r\n"))
        OUT[f"4 {path}"] = head(data, "allow")
    data, _ = exchange(port, b"PUT /ok HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                       b"Connection: close\r\n\r\n")
    OUT["4 PUT on a GET route"] = head(data, "allow")
    # 6. The close code when a websocket handler raises
    key = base64.b64encode(os.urandom(16)).decode()
    upgrade = get("/ws-raises", f"Upgrade: websocket\r\nConnection: Upgrade\r\n"
                  f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n")
    mask = os.urandom(4)
    frame = bytes([0x81, 0x80 | 2]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(b"hi"))
    with socket.create_connection(("127.0.0.1", port), timeout=3) as s:
        s.sendall(upgrade)
        got = b""
        while b"\r\n\r\n" not in got:
            got += s.recv(4096)
        rest = got.split(b"\r\n\r\n", 1)[1]
        s.sendall(frame)
        deadline = time.monotonic() + 3
        while len(rest) < 4 and time.monotonic() < deadline:
            chunk = s.recv(4096)
            if not chunk:
                break
            rest += chunk
    close = rest[2:4] if rest[:1] == b"\x88" else b""
    OUT["6 ws handler raises: close code"] = int.from_bytes(close, "big") if close else repr(rest)
finally:
    proc.kill()
    proc.wait()

print(json.dumps(OUT))
