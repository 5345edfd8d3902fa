"""One app for `probe.py`: served by uvicorn (or hypercorn) under Sanic 25.12 and Hurtle.

Listeners, `http.lifecycle.*` signals and what handlers learn go to the file `EVENTS`."""

from __future__ import annotations

import asyncio
import os
import tempfile

from sanic import Sanic
from sanic.response import ResponseStream, file, file_stream, json, text

app = Sanic("Asgi8")
for key in ("REQUEST_MAX_SIZE", "PROXIES_COUNT"):
    if os.environ.get(key):
        setattr(app.config, key, int(os.environ[key]))
for key in ("REQUEST_TIMEOUT", "RESPONSE_TIMEOUT"):
    if os.environ.get(key):
        setattr(app.config, key, float(os.environ[key]))
for key in ("FORWARDED_SECRET", "REAL_IP_HEADER", "SERVER_NAME"):
    if os.environ.get(key):
        setattr(app.config, key, os.environ[key])
FAIL = os.environ.get("FAIL", "")
DATA = os.path.join(tempfile.gettempdir(), "asgi8_data.bin")
with open(DATA, "wb") as out:
    out.write(b"0123456789" * 20000)


def note(line: str) -> None:
    with open(os.environ["EVENTS"], "a") as out:
        out.write(line + "\n")


for event in ("main_process_start", "main_process_ready", "before_server_start",
              "after_server_start", "before_server_stop", "after_server_stop",
              "main_process_stop"):
    def make(event: str):
        async def listener(app, *rest):
            note(f"listener {event} args={len(rest)}")
            if event in ("before_server_start", "after_server_start"):
                setattr(app.ctx, event, True)
            if event == FAIL:
                raise RuntimeError(f"failing {event}")
        return listener
    app.register_listener(make(event), event)

for name in ("begin", "read_head", "request", "handle", "read_body", "exception",
             "response", "send", "complete"):
    def make_signal(name: str):
        async def handler(**kw):
            error = kw.get("exception")
            extra = f" {type(error).__name__}: {str(error)[:60]}" if error is not None else ""
            note(f"signal http.lifecycle.{name}{extra}")
        return handler
    app.signal(f"http.lifecycle.{name}")(make_signal(name))


@app.get("/ctx")
async def ctx(request):
    return json({k: getattr(app.ctx, k, None) for k in
                 ("before_server_start", "after_server_start")})


@app.get("/pre/info", name="info_pre")
@app.get("/info", name="info")
async def info(request):
    try:
        transport = type(request.transport).__name__
        peer = request.transport.get_extra_info("peername")
    except Exception as error:
        transport, peer = f"{type(error).__name__}: {error}", None
    ci = request.conn_info
    try:
        scope = request.scope
    except NotImplementedError:  # served: no scope
        scope = {}
    return json({
        "scheme": request.scheme, "host": request.host, "ip": request.ip,
        "remote_addr": request.remote_addr, "port": request.port,
        "server_name": request.server_name, "server_port": request.server_port,
        "path": request.path, "url": request.url, "forwarded": dict(request.forwarded),
        "root_path": scope.get("root_path"),
        "scope_path": scope.get("path"), "raw_path": str(scope.get("raw_path")),
        "external": request.app.url_for("info", _external=True),
        "url_for": request.app.url_for("info"),
        "transport": transport, "peer": bool(peer),
        "conn": None if ci is None else {
            "ssl": ci.ssl, "server": ci.server, "client": ci.client,
            "client_port": bool(ci.client_port), "server_port": ci.server_port,
            "ctx": type(ci.ctx).__name__},
    })


async def guarded(kind: str, coro) -> None:
    try:
        await coro
        note(f"{kind} finished")
    except BaseException as error:
        note(f"{kind} raised {type(error).__name__}: {str(error)[:80]}")
        raise


@app.get("/respond")
async def respond(request):
    async def body():
        response = await request.respond(content_type="text/plain")
        for _ in range(200):
            await response.send(b"x" * 4096)
            await asyncio.sleep(0.01)
        await response.eof()
    await guarded("respond", body())


@app.get("/rstream")
async def rstream(request):
    async def streaming(response):
        async def body():
            for _ in range(200):
                await response.write(b"y" * 4096)
                await asyncio.sleep(0.01)
        await guarded("rstream", body())
    return ResponseStream(streaming, content_type="text/plain")


@app.get("/fstream")
async def fstream(request):
    return await file_stream(DATA, chunk_size=1024)


@app.get("/file")
async def whole_file(request):
    return await file(DATA, request_headers=request.headers)


@app.route("/stream_in", methods=["POST", "PUT"], stream=True)
async def stream_in(request):
    sizes = []
    for _ in range(10000):
        part = await request.stream.read()
        if part is None:
            break
        sizes.append(len(part))
    return json({"total": sum(sizes), "body": len(request.body)})


@app.post("/body")
async def body(request):
    return text(f"{len(request.body)}")


@app.get("/slow")
async def slow(request):
    await asyncio.sleep(1.5)
    return text("slow done")


@app.route("/head", methods=["GET", "HEAD"])
async def head(request):
    return text("abc")


@app.get("/raise")
async def boom(request):
    raise RuntimeError("boom")


@app.websocket("/ws/proto", subprotocols=["b", "c"])
async def ws_proto(request, ws):
    note(f"ws subprotocol {ws.subprotocol!r}")
    await ws.send(str(ws.subprotocol))
    await ws.close(4001, "bye")


@app.websocket("/ws/after_close")
async def ws_after_close(request, ws):
    first = await ws.recv()
    note(f"ws got {first!r}")
    for step in ("recv", "recv", "send"):
        try:
            if step == "recv":
                got = await asyncio.wait_for(ws.recv(), 3)
            else:
                got = await ws.send("late")
            note(f"ws {step} after client close -> {got!r}")
        except BaseException as error:
            note(f"ws {step} after client close raised {type(error).__name__}: {str(error)[:60]}")
            if not isinstance(error, Exception):
                raise


@app.websocket("/ws/send_after_own_close")
async def ws_own_close(request, ws):
    await ws.close(1000, "done")
    try:
        await ws.send("x")
        note("ws send after own close -> ok")
    except Exception as error:
        note(f"ws send after own close raised {type(error).__name__}: {str(error)[:60]}")
    try:
        got = await asyncio.wait_for(ws.recv(), 2)
        note(f"ws recv after own close -> {got!r}")
    except Exception as error:
        note(f"ws recv after own close raised {type(error).__name__}: {str(error)[:60]}")


@app.websocket("/ws/reason")
async def ws_reason(request, ws):
    await ws.close(3000, "é" * 5)


@app.websocket("/ws/raise")
async def ws_raise(request, ws):
    await ws.recv()
    raise ValueError("ws boom")


@app.websocket("/ws/wait")
async def ws_wait(request, ws):
    note("ws wait open")
    try:
        got = await ws.recv()
        note(f"ws wait recv -> {got!r}")
    except BaseException as error:
        note(f"ws wait recv raised {type(error).__name__}: {str(error)[:60]}")
        raise


@app.get("/long")
async def long(request):
    async def body():
        response = await request.respond(content_type="text/plain")
        for _ in range(40):
            await response.send(b"z" * 100)
            await asyncio.sleep(0.1)
        await response.eof()
    await guarded("long", body())


@app.before_server_stop
async def stopping(app):
    note(f"before_server_stop sees ctx {getattr(app.ctx, 'after_server_start', None)}"
         f" tasks={len([t for t in app.tasks if not t.done()])}")


async def attempt(label: str, coro) -> None:
    try:
        got = await coro
        note(f"{label} -> {got!r}"[:160])
    except Exception as error:
        note(f"{label} raised {type(error).__name__}: {str(error)[:80]}")


@app.websocket("/ws/misc")
async def ws_misc(request, ws):
    await attempt("recv timeout", ws.recv(timeout=0.2))
    await attempt("ping", ws.ping())
    await attempt("send dict", ws.send({"a": 1}))
    await attempt("send bytes", ws.send(b"\x00\x01"))
    await attempt("send bytearray", ws.send(bytearray(b"ba")))
    await attempt("recv", ws.recv())
    await attempt("recv_burst", ws.recv_burst(3))
    note(f"attrs subprotocol={ws.subprotocol!r}")
    await attempt("close long reason", ws.close(1000, "r" * 130))
    await attempt("close twice", ws.close())
    await attempt("recv after close", ws.recv())


@app.websocket("/ws/iter")
async def ws_iter(request, ws):
    got = []
    try:
        async for message in ws:
            got.append(message)
        note(f"iter ended {got!r}")
    except Exception as error:
        note(f"iter raised {type(error).__name__} after {got!r}")


@app.websocket("/ws/badclose")
async def ws_badclose(request, ws):
    await attempt("close 1005", ws.close(1005, "x"))


@app.get("/transport")
async def transport_ops(request):
    tr = request.transport
    out = {}
    for key in ("peername", "sockname", "sslcontext", "ssl_object", "socket", "nothing"):
        try:
            value = tr.get_extra_info(key)
            out[key] = value if value is None or isinstance(value, (bool, str)) else type(value).__name__
        except Exception as error:
            out[key] = f"{type(error).__name__}"
    out["is_closing"] = tr.is_closing()
    return json(out)


@app.get("/transport_close")
async def transport_close(request):
    request.transport.close()
    return text("after close")


@app.route("/stream_ignore", methods=["POST"], stream=True)
async def stream_ignore(request):
    return text("ignored")


@app.route("/hstream/<kind>", methods=["GET", "HEAD"])
async def hstream(request, kind):
    if kind == "respond":
        response = await request.respond(content_type="text/plain")
        await response.send(b"abc")
        await response.eof()
        note(f"hstream respond {request.method} done")
        return None
    if kind == "rstream":
        async def streaming(response):
            await response.write(b"abc")
            note(f"hstream rstream {request.method} done")
        return ResponseStream(streaming, content_type="text/plain")
    return await file_stream(DATA, chunk_size=50000)


@app.get("/fail_mid/<kind>")
async def fail_mid(request, kind):
    if kind == "respond":
        response = await request.respond(content_type="text/plain")
        await response.send(b"abc")
        raise ValueError("mid respond")
    if kind == "respond_after_eof":
        response = await request.respond(content_type="text/plain")
        await response.send(b"abc")
        await response.eof()
        raise ValueError("after eof")

    async def streaming(response):
        await response.write(b"abc")
        raise ValueError("mid rstream")
    return ResponseStream(streaming, content_type="text/plain")


@app.get("/stubborn")
async def stubborn(request):
    """Catches the cancel of a client that left and sends again."""
    response = await request.respond(content_type="text/plain")
    try:
        for _ in range(200):
            await response.send(b"s" * 4096)
            await asyncio.sleep(0.01)
    except asyncio.CancelledError:
        try:
            closing = request.transport.is_closing()
        except Exception as error:
            closing = type(error).__name__
        note(f"stubborn cancelled, is_closing={closing}")
        try:
            await response.send(b"again")
            note("stubborn send again -> ok")
        except BaseException as error:
            note(f"stubborn send again raised {type(error).__name__}: {str(error)[:60]}")
        raise


@app.get("/background")
async def background(request):
    response = await request.respond(content_type="text/plain")

    async def pump():
        try:
            for _ in range(200):
                await response.send(b"b" * 4096)
                await asyncio.sleep(0.01)
            note("background finished")
        except BaseException as error:
            note(f"background raised {type(error).__name__}: {str(error)[:60]}")
            raise
    task = asyncio.create_task(pump())
    await asyncio.sleep(0)
    del task


@app.post("/nonstream_read")
async def nonstream_read(request):
    try:
        got = await request.stream.read()
    except Exception as error:
        got = f"{type(error).__name__}: {error}"
    return text(f"read={got!r} body={len(request.body)}")


@app.post("/receive_body", stream=True)
async def receive_body(request):
    await request.receive_body()
    again = await request.stream.read()
    return text(f"body={len(request.body)} then={again!r}")


@app.route("/status_body/<code:int>", methods=["GET", "HEAD"])
async def status_body(request, code):
    return text("should not go", status=code, headers={"x-s": "1"})


@app.websocket("/ws/pump")
async def ws_pump(request, ws):
    note("pump open")
    try:
        for _ in range(500):
            await ws.send("p" * 1000)
            await asyncio.sleep(0.01)
        note("pump finished")
    except BaseException as error:
        note(f"pump raised {type(error).__name__}: {str(error)[:60]}"
             f" closing={request.transport.is_closing()}")
        raise


@app.websocket("/ws/two_readers")
async def ws_two_readers(request, ws):
    async def reader(name):
        try:
            got = await asyncio.wait_for(ws.recv(), 2)
            return f"{name} -> {got!r}"
        except BaseException as error:
            return f"{name} raised {type(error).__name__}: {str(error)[:60]}"
    results = await asyncio.gather(reader("a"), reader("b"))
    note(f"two readers {sorted(results)}")


@app.websocket("/ws/returns")
async def ws_returns(request, ws):
    return text("returned")


@app.get("/connctx")
async def connctx(request):
    ctx = request.conn_info.ctx
    ctx.n = getattr(ctx, "n", 0) + 1
    return text(f"n={ctx.n}")
