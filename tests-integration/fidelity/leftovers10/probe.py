"""One side of ``run.py``: prints one JSON object of observations as its last line (run
under Sanic 25.12's interpreter and under Hurtle's)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OUT: dict[str, object] = {}


def served(code: str, port: int, exchange) -> tuple[object, str]:
    """Run ``code`` (an app serving on PORT) in a child, call ``exchange()``, stop it
    (without ``exchange``: wait for the app to stop itself)."""
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "served.py").write_text(code.replace("PORT", str(port)))
        Path(folder, "data.bin").write_bytes(b"x" * 20_000)
        proc = subprocess.Popen([sys.executable, "served.py"], cwd=folder, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                start_new_session=True, env={**os.environ, "SANIC_NO_COLOR": "1"})
        try:
            for _ in range(100):  # up to 10 s for the server to listen
                try:
                    socket.create_connection(("127.0.0.1", port), 0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            result = exchange() if exchange else None
        finally:
            if exchange is not None and proc.poll() is None:
                proc.terminate()
            out, _ = proc.communicate(timeout=60)
    return result, out


def raw(port: int, data: bytes, wait: float = 2.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), 5) as sock:
        sock.sendall(data)
        sock.settimeout(wait)
        got = b""
        try:
            while chunk := sock.recv(65536):
                got += chunk
        except OSError:
            pass
    return got


def statuses(data: bytes) -> list[str]:
    return [line.split(b" ")[1].decode() for line in data.split(b"\r\n")
            if line.startswith(b"HTTP/1.1 ")]


# 2. Plain main_process_* listeners: no loop running; asyncio.run() works.
MAIN = """
import asyncio, os
from sanic import Sanic, text
app = Sanic("L10main")
app.get("/")(lambda r: text("x"))
async def five():
    return 5
def seen(where):
    out = []
    for name, call in [("get_running_loop", asyncio.get_running_loop),
                       ("get_event_loop", asyncio.get_event_loop),
                       ("asyncio.run", lambda: asyncio.run(five()))]:
        try:
            value = call()
            out.append(f"{name}={value if isinstance(value, int) else 'a loop'}")
        except RuntimeError as exc:
            out.append(f"{name}=RuntimeError")
    os.write(1, f"{where} {' '.join(out)}\\n".encode())
app.main_process_start(lambda app: seen("start"))
app.main_process_start(lambda app, loop: os.write(1, f"start(app, loop) running={loop.is_running()}\\n".encode()))
@app.main_process_start
async def on_loop(app):
    os.write(1, f"async start running={asyncio.get_running_loop().is_running()}\\n".encode())
app.main_process_ready(lambda app: seen("ready"))
app.main_process_stop(lambda app: seen("stop"))
app.after_server_start(lambda app: app.stop())
if __name__ == "__main__":
    app.run(host="127.0.0.1", port=PORT, workers=1, access_log=False)
"""
_, out = served(MAIN, 18961, None)
for line in out.splitlines():
    for where in ("start(app, loop)", "async start", "start", "ready", "stop"):
        if line.startswith(where + " "):
            OUT[f"2 {where}"] = line[len(where) + 1:]
            break

# 3. ASGI start-up and the USE_UVLOOP warning, per setting.
ASGI = """
import asyncio, sys, warnings
from sanic import Sanic, text
app = Sanic("L10asgi")
app.get("/")(lambda r: text("x"))
exec(sys.argv[1])
async def lifespan():
    msgs = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    sent = []
    async def receive():
        return msgs.pop(0)
    async def send(m):
        sent.append(m["type"])
    await app({"type": "lifespan", "asgi": {"version": "3.0"}}, receive, send)
    return sent
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    sent = asyncio.run(lifespan())
print(sent[0], any("USE_UVLOOP" in str(w.message) for w in caught))
"""
for setting in ["pass", "app.config.pop('USE_UVLOOP')", "app.config.USE_UVLOOP = True",
                "app.config.USE_UVLOOP = False"]:
    proc = subprocess.run([sys.executable, "-c", ASGI, setting], capture_output=True, text=True,
                          timeout=60)
    OUT[f"3 ASGI start-up, {setting}: (startup, warned)"] = proc.stdout.strip().splitlines()[-1:]

# 4. Accept: a weight named Q.
from sanic.headers import parse_accept  # noqa: E402

for header in ["a/a;Q=0.5, b/b;q=0.7", "a/a;Q=0, b/b", "a/a;Q=nan, b/b", "a/a;q=0.3;Q=0.6",
               "a/a;Level=1, b/b;q=0.5"]:
    accept = parse_accept(header)
    OUT[f"4 Accept {header}"] = [[(str(m), m.q) for m in accept],
                                 str(accept.match("a/a", "b/b")), str(accept.match("a/a"))]

# 5. file_stream whose body is dropped (HEAD, 204): the next request, the function's end.
STREAM = """
import asyncio
from sanic import Sanic, text
from sanic.response import file_stream, ResponseStream
app = Sanic("L10stream")
ENDED = []
@app.route("/file", methods=["GET", "HEAD"])
async def f(request):
    return await file_stream("data.bin", chunk_size=7, status=int(request.args.get("s", 200)))
@app.route("/zero", methods=["GET", "HEAD"])
async def zero(request):
    return await file_stream("/dev/zero", chunk_size=7)
@app.route("/own", methods=["GET", "HEAD"])
async def own(request):
    async def body(response):
        try:
            for _ in range(3000):
                await response.write(b"1234567")
        finally:
            ENDED.append(1)
    return ResponseStream(body)
@app.get("/ended")
async def ended(request):
    await asyncio.sleep(0.5)
    return text(str(len(ENDED)))
if __name__ == "__main__":
    app.run(host="127.0.0.1", port=PORT, single_process=True, access_log=False)
"""


def stream_exchange() -> dict[str, object]:
    seen: dict[str, object] = {}
    port = 18962
    for target in ["HEAD /file", "GET /file?s=204", "HEAD /zero", "HEAD /own"]:
        got = raw(port, f"{target} HTTP/1.1\r\nHost: x\r\n\r\nGET /ended HTTP/1.1\r\n"
                        "Host: x\r\n\r\n".encode(), wait=3)
        seen[target] = [statuses(got), got.rsplit(b"\r\n\r\n", 1)[-1][-4:].decode("latin-1")]
    return seen


result, _ = served(STREAM, 18962, stream_exchange)
for target, value in result.items():
    OUT[f"5 {target} then GET /ended: (statuses, tail)"] = value

# 7. Middleware registered once the server starts.
MIDDLEWARE = """
from sanic import Sanic, text
app = Sanic("L10mw")
@app.get("/")
async def index(request):
    return text(",".join(getattr(request.ctx, "seen", [])) or "-")
async def mark(request):
    request.ctx.seen = ["ran"]
@app.before_server_start
async def before(app):
    MODE_BEFORE
@app.after_server_start
async def after(app):
    MODE_AFTER
@app.get("/late")
async def late(request):
    MODE_LATE
    return text("late")
if __name__ == "__main__":
    app.run(host="127.0.0.1", port=PORT, single_process=True, access_log=False)
"""
MODES = {
    "before_server_start register_middleware": ("app.register_middleware(mark, 'request')", "", ""),
    "before_server_start on_request": ("app.on_request(mark)", "", ""),
    "before_server_start request_middleware.append": ("app.request_middleware.append(mark)", "", ""),
    "before_server_start @app.middleware": ("app.middleware('request')(mark)", "", ""),
    "after_server_start on_request": ("", "app.on_request(mark)", ""),
    "after_server_start register_middleware": (
        "", "app.register_middleware(mark, 'request')", ""),
    "in a handler on_request": ("", "", "request.app.on_request(mark)"),
}
for name, (before, after, late) in MODES.items():
    code = (MIDDLEWARE.replace("MODE_BEFORE", before or "pass")
            .replace("MODE_AFTER", after or "pass").replace("MODE_LATE", late or "pass"))

    def ask() -> str:
        raw(18963, b"GET /late HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        got = raw(18963, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        return got.rsplit(b"\r\n\r\n", 1)[-1].decode()

    OUT[f"7 {name}: the middleware ran"], _ = served(code, 18963, ask)

print(json.dumps(OUT))
