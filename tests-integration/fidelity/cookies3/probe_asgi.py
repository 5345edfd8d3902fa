"""Cookies under ASGI (Sanic's asgi_client, raw ASGI calls): run under both, diff.

/tmp/st-ref/bin/python probe_asgi.py > /tmp/s.txt
.venv/bin/python probe_asgi.py > /tmp/h.txt; diff /tmp/s.txt /tmp/h.txt
"""

from __future__ import annotations

import asyncio
import logging

from sanic import Sanic
from sanic.response import text

logging.disable(logging.CRITICAL)
app = Sanic("cookies3_asgi")


@app.get("/dump")
async def dump(request):
    return text(repr(sorted(request.cookies.items())))


@app.websocket("/ws")
async def ws(request, ws):
    await ws.send(repr(sorted(request.cookies.items())))


async def ws_call(headers):
    scope = {
        "type": "websocket",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "scheme": "ws",
        "path": "/ws",
        "raw_path": b"/ws",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"x"), *headers],
        "client": ("127.0.0.1", 1234),
        "server": ("127.0.0.1", 80),
        "subprotocols": [],
    }
    sent = []
    msgs = [{"type": "websocket.connect"}]

    async def receive():
        if msgs:
            return msgs.pop(0)
        await asyncio.sleep(0.3)
        return {"type": "websocket.disconnect", "code": 1000}

    async def send(m):
        sent.append(m)

    await asyncio.wait_for(app(scope, receive, send), 5)
    return [(m["type"], m.get("text"), m.get("headers")) for m in sent]


@app.get("/set")
async def set_(request):
    r = text("s")
    for i, v in enumerate(["a b", "é", "日本", "a;b", ""]):
        r.add_cookie(f"q{i}", v)
    r.delete_cookie("gone", path="/x")
    r.add_cookie("h", "1", host_prefix=True, partitioned=True, httponly=True)
    return r


@app.get("/stream")
async def stream(request):
    resp = await request.respond(content_type="text/plain")
    resp.add_cookie("late", "1")
    await resp.send("a")
    await resp.eof()


@app.get("/err")
async def err(request):
    raise ValueError("x")


@app.on_response
async def mw(request, response):
    if request.path == "/err":
        response.add_cookie("mw", "1")


async def call(path, headers):
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 1234),
        "server": ("127.0.0.1", 80),
    }
    sent = []
    msgs = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive():
        if msgs:
            return msgs.pop(0)
        await asyncio.sleep(0.5)
        return {"type": "http.disconnect"}

    async def send(m):
        sent.append(m)

    await app(scope, receive, send)
    for m in sent:
        if m["type"] == "http.response.start":
            return (
                m["status"],
                sorted(h for h in m["headers"] if h[0].lower() in (b"set-cookie",)),
                b"".join(x.get("body", b"") for x in sent if x["type"] == "http.response.body"),
            )


async def main():
    q: asyncio.Queue = asyncio.Queue()
    started = asyncio.Event()
    await q.put({"type": "lifespan.startup"})

    async def lrecv():
        return await q.get()

    async def lsend(m):
        if m["type"].startswith("lifespan.startup"):
            started.set()

    life = asyncio.create_task(app({"type": "lifespan", "asgi": {"version": "3.0"}}, lrecv, lsend))
    await asyncio.wait_for(started.wait(), 10)
    cases = {
        "two_fields": [(b"cookie", b"a=1"), (b"cookie", b"b=2")],
        "one": [(b"cookie", b"a=1; b=2")],
        "latin1": [(b"cookie", b"a=\xe9")],
        "utf8": [(b"cookie", "a=é".encode())],
        "dup": [(b"cookie", b"a=1; a=2")],
        "host": [(b"cookie", b"__Host-a=1; a=2")],
        "quoted": [(b"cookie", b'a="x y"')],
    }
    for name, hdrs in cases.items():
        try:
            print("dump", name, await call("/dump", hdrs))
        except Exception as e:
            print("dump", name, "EXC", type(e).__name__, e)
    for p in ("/set", "/stream", "/err"):
        try:
            print(p, await call(p, []))
        except Exception as e:
            print(p, "EXC", type(e).__name__, e)
    for name, hdrs in cases.items():
        try:
            print("ws", name, await ws_call(hdrs))
        except Exception as e:
            print("ws", name, "EXC", type(e).__name__, e)
    await q.put({"type": "lifespan.shutdown"})
    await asyncio.wait_for(life, 10)


asyncio.run(main())
