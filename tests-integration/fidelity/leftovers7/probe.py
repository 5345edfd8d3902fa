"""One side of ``run.py``: prints one JSON object of observations as its last line (run
under Sanic 25.12's interpreter and under Hurtle's)."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys

OUT: dict[str, object] = {}


def observe(key: str, fn) -> None:
    try:
        OUT[key] = repr(fn())
    except Exception as exc:
        OUT[key] = f"raises {type(exc).__name__}"


def python(source: str, env: dict[str, str] | None = None) -> str:
    """``source``'s output in a fresh interpreter (this one)."""
    proc = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True,
                          timeout=60, env={**os.environ, **(env or {})})
    return proc.stdout + proc.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# 6. create_server(port=0): where it binds, and what its banner says
PORT_0 = """
import asyncio, logging
from sanic import Sanic, text
seen = []
class Keep(logging.Handler):
    def emit(self, record):
        seen.append(record.getMessage())
app = Sanic("L7port")
app.get("/")(lambda r: text("x"))
async def main():
    logging.getLogger("sanic.root").addHandler(Keep())
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    port = server.server.sockets[0].getsockname()[1]
    where = [m.split(" @ ", 1)[1] for m in seen if m.startswith("Goin' Fast")]
    print("BANNER names the bound port", where == [f"http://127.0.0.1:{port}"],
          "bound to 8000", port == 8000, "says :0", [w.endswith(":0") for w in where])
    server.close()
    await server.wait_closed()
asyncio.run(main())
"""
OUT["6 create_server(port=0)"] = [
    ln for ln in python(PORT_0).splitlines() if ln.startswith("BANNER")
]

# 8. SANIC_WORKER_IDENTIFIER set after sanic is imported, then a formatter made
LATE_IDENT = """
import logging, os
from sanic.logging.formatter import AutoFormatter
os.environ["SANIC_WORKER_IDENTIFIER"] = "Late "
record = logging.LogRecord("sanic.root", 20, "x", 1, "hi", None, None)
print("LABEL", AutoFormatter().format(record)[:5])
"""
OUT["8 identifier set after import"] = [
    ln for ln in python(LATE_IDENT).splitlines() if ln.startswith("LABEL")
]

from sanic import Sanic, redirect, text  # noqa: E402

# 7. register_listener and the app's future listeners
app = Sanic("L7")
ran: list[str] = []


async def by_register(app):
    ran.append("register_listener")


async def by_decorator(app):
    ran.append("listener")


app.register_listener(by_register, "before_server_start")
observe("7 _future_listeners after register_listener", lambda: len(app._future_listeners))
app.listener("before_server_start")(by_decorator)
observe("7 _future_listeners after listener", lambda: len(app._future_listeners))


# 5. request.transport.close() under ASGI
ASGI_CLOSE = """
import asyncio
from sanic import Sanic, text
app = Sanic("L7asgi")
@app.get("/close")
async def close(request):
    seen = []
    for name in ("close", "is_closing"):
        try:
            seen.append(repr(getattr(request.transport, name)()))
        except Exception as exc:
            seen.append(type(exc).__name__)
    return text(" ".join(seen))
async def main():
    _, response = await app.asgi_client.get("/close")
    print("ASGI", response.status, response.text)
asyncio.run(main())
"""
OUT["5 ASGI close(), is_closing()"] = [
    ln for ln in python(ASGI_CLOSE).splitlines() if ln.startswith("ASGI")
]


# 2. host routes; 3. a redirect to an international name; 4. absolute-form https
@app.get("/x")
async def plain(request):
    return text("x")


@app.route("/h", host="a.example")
async def on_a(request):
    return text(f"a {request.host}")


@app.route("/h", host="b.example:8080", name="on_b")
async def on_b(request):
    return text(f"b {request.host}")


@app.get("/r")
async def to_idn(request):
    return redirect("http://bücher.example/ä?q=ü")


@app.get("/u")
async def where(request):
    return text(f"{request.url} {request.scheme} {request.host}")


REQUESTS = [
    ("2 Host a.example", b"GET /h HTTP/1.1\r\nHost: a.example\r\n\r\n"),
    ("2 Host A.EXAMPLE", b"GET /h HTTP/1.1\r\nHost: A.EXAMPLE\r\n\r\n"),
    ("2 Host a.example:80", b"GET /h HTTP/1.1\r\nHost: a.example:80\r\n\r\n"),
    ("2 Host a.example:8080", b"GET /h HTTP/1.1\r\nHost: a.example:8080\r\n\r\n"),
    ("2 Host B.Example:8080", b"GET /h HTTP/1.1\r\nHost: B.Example:8080\r\n\r\n"),
    ("2 Host b.example", b"GET /h HTTP/1.1\r\nHost: b.example\r\n\r\n"),
    ("3 redirect to bücher.example", b"GET /r HTTP/1.1\r\nHost: x\r\n\r\n"),
    ("4 GET https://z.example/u", b"GET https://z.example/u HTTP/1.1\r\nHost: z.example\r\n\r\n"),
]


async def exchange(port: int, request: bytes) -> str:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(request)
    try:
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
        lines = head.decode("latin-1").split("\r\n")
        length = next(int(v) for k, _, v in (ln.partition(":") for ln in lines)
                      if k.lower() == "content-length")
        body = await asyncio.wait_for(reader.readexactly(length), 5)
        kept = [ln for ln in lines if ln.lower().startswith("location:")]
        first = (body.decode().strip().splitlines() or [""])[0][:60]
        return " | ".join([lines[0].split(" ", 1)[1], *kept, first])
    except Exception as exc:
        return f"fails: {type(exc).__name__}"
    finally:
        writer.close()


@app.after_server_start
async def probe(app):
    # 1. url_for(..., _external=True) by SERVER_NAME
    for server_name in ("", "example.com", "example.com/", "https://example.com/",
                        "example.com:8080/", "https://example.com/api/"):
        app.config.SERVER_NAME = server_name
        observe(f"1 url_for external, SERVER_NAME {server_name!r}",
                lambda: app.url_for("plain", _external=True))
    app.config.SERVER_NAME = ""

    async def requests():
        for key, request in REQUESTS:
            OUT[key] = await exchange(app.state.port, request)
        app.stop()

    app.add_task(requests())


app.run(port=free_port(), single_process=True, access_log=False, motd=False)
OUT["7 listeners ran"] = sorted(ran)
print(json.dumps(OUT, ensure_ascii=False))
