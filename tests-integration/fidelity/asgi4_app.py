"""The app of `compare_asgi4.py` ("ASGI mode, fourth audit" in README.md): served by
uvicorn under real Sanic and under Hurtle. Every `http.lifecycle.*` signal, middleware,
listener and handler step is appended to $EVENTS with what it was given; handlers answer
what a request sees of its transport and connection. `FAIL=NAME` makes that listener
raise, `SIGFAIL=EVENT` that `server.*` signal handler; `LIFECYCLE=0` registers no
lifecycle signal handler; `KEEPALIVE=0` sets `KEEP_ALIVE = False`; `RTIMEOUT=S` the
request and response timeouts."""
import asyncio
import os
import tempfile

from sanic import Blueprint, Sanic
from sanic.response import empty, file, file_stream, text
from sanic.response import json as js

FILES = os.path.join(tempfile.gettempdir(), "asgi4_files")
os.makedirs(FILES, exist_ok=True)
DATA = os.path.join(FILES, "data.txt")
if not os.path.exists(DATA):
    with open(DATA, "w") as fh:
        fh.write("0123456789" * 50)
EV = os.environ["EVENTS"]
app = Sanic("A4")
app.config.KEEP_ALIVE_TIMEOUT = 5
if os.environ.get("KEEPALIVE") == "0":
    app.config.KEEP_ALIVE = False
if os.environ.get("RTIMEOUT"):
    app.config.RESPONSE_TIMEOUT = float(os.environ["RTIMEOUT"])
    app.config.REQUEST_TIMEOUT = float(os.environ["RTIMEOUT"])


def note(x):
    with open(EV, "a") as f:
        f.write(str(x) + "\n")


def probe(thing):
    try:
        v = thing()
        return f"{type(v).__name__}:{v!r}"[:300]
    except BaseException as e:
        return f"EXC {type(e).__name__}: {e}"[:160]


LAST: list = [None]


def conn_no(ci):
    """Whether ``ci`` is the ConnInfo seen last (kept per connection) or a new one."""
    if ci is None:
        return None
    same, LAST[0] = ci is LAST[0], ci
    return "same" if same else "new"


def stage(request):
    return probe(lambda: str(request.stream.stage))


def ci_view(ci):
    if ci is None:
        return "None"
    names = ("client_ip", "client", "server", "server_name", "server_port", "ssl", "cert",
             "network_paths", "sockname", "peername")
    out = {n: probe(lambda n=n: getattr(ci, n)) for n in names}
    out["ctx"] = probe(lambda: type(ci.ctx).__name__)
    out["client_port"] = probe(lambda: type(ci.client_port).__name__)
    return out


def req_path(request):
    return probe(lambda: request.path)


if os.environ.get("LIFECYCLE", "1") == "1":
    @app.signal("http.lifecycle.begin")
    async def sig_begin(conn_info, **kw):
        note(f"S begin conn={conn_no(conn_info)} kw={sorted(kw)} ci={ci_view(conn_info)}")

    @app.signal("http.lifecycle.complete")
    async def sig_complete(conn_info, **kw):
        note(f"S complete conn={conn_no(conn_info)} kw={sorted(kw)}")

    @app.signal("http.lifecycle.read_head")
    async def sig_read_head(head, **kw):
        note(f"S read_head head={head!r} kw={sorted(kw)}")

    @app.signal("http.lifecycle.request")
    async def sig_request(request, **kw):
        note(f"S request {req_path(request)} conn={conn_no(request.conn_info)} kw={sorted(kw)} "
             f"body={probe(lambda: request.body)} stage={stage(request)}")

    @app.signal("http.lifecycle.handle")
    async def sig_handle(request, **kw):
        if request.path == "/sig/handle_raise":
            raise ValueError("handle signal boom")
        note(f"S handle {req_path(request)} route={probe(lambda: request.route and request.route.name)} "
             f"kw={sorted(kw)} body={probe(lambda: request.body)}")

    @app.signal("http.lifecycle.read_body")
    async def sig_read_body(body, **kw):
        note(f"S read_body body={body!r} kw={sorted(kw)}")

    @app.signal("http.lifecycle.response")
    async def sig_response(request, response, **kw):
        if request.path == "/sig/response_header":
            response.headers["x-sig"] = "set in the response signal"
        if request.path == "/sig/response_raise":
            raise ValueError("response signal boom")
        note(f"S response {req_path(request)} status={probe(lambda: response.status)} "
             f"responded={probe(lambda: request.responded)} kw={sorted(kw)} stage={stage(request)} "
             f"rstage={probe(lambda: str(response.stream.stage))}")

    @app.signal("http.lifecycle.send")
    async def sig_send(data, **kw):
        note(f"S send data={data!r}"[:200] + f" kw={sorted(kw)}")

    @app.signal("http.lifecycle.exception")
    async def sig_exception(request, exception, **kw):
        if request.path == "/sig/exception_raise":
            raise KeyError("exception signal boom")
        note(f"S exception {req_path(request)} {type(exception).__name__}: {exception} kw={sorted(kw)}")


@app.on_request
async def mw_req(request):
    note(f"M request {request.path} stage={stage(request)}")
    if request.path == "/ws/deny":
        return text("denied", status=401, headers={"x-why": "mw"})
    if request.path == "/sig/reqmw_raise":
        raise ValueError("request middleware boom")


@app.on_response
async def mw_resp(request, response):
    note(f"M response {request.path} {probe(lambda: response.status)} stage={stage(request)} "
         f"rstage={probe(lambda: str(response.stream.stage))}")
    if request.path == "/sig/respmw_raise":
        raise ValueError("response middleware boom")


for sig in ("http.routing.before", "http.routing.after", "http.handler.before", "http.handler.after",
            "http.middleware.before", "http.middleware.after"):
    def mkh(sig):
        async def h(request, **kw):
            note(f"S {sig} {req_path(request)} kw={sorted(kw)} stage={stage(request)}")
        return h
    app.signal(sig)(mkh(sig))


def mk(name):
    async def listener(app_, *a):
        note(f"L {name} ctx={sorted(vars(app_.ctx))} asgi={probe(lambda: app_.state.asgi)}")
        app_.ctx.__dict__[name] = 1
        if os.environ.get("FAIL") == name:
            raise RuntimeError(f"boom in {name}")
    return listener


async def watch_events(app_):
    # what app.event() gives a task waiting on a lifecycle event (bounded)
    try:
        for _ in range(500):
            got = await app_.event("http.lifecycle.response")
            note(f"E http.lifecycle.response waited: {got!r}"[:120])
    except asyncio.CancelledError:
        note("E watcher cancelled")
        raise


@app.after_server_start
async def start_watch(app_, *a):
    app_.add_task(watch_events(app_), name="watcher")


for name in ("before_server_start", "after_server_start", "before_server_stop", "after_server_stop"):
    app.register_listener(mk(name), name)

for sig in ("server.init.before", "server.init.after", "server.shutdown.before", "server.shutdown.after"):
    def mks(sig):
        async def h(**kw):
            note(f"SS {sig} kw={sorted(kw)} ctx={sorted(vars(app.ctx))}")
            if os.environ.get("SIGFAIL") == sig:
                raise ValueError(f"signal boom {sig}")
        return h
    app.signal(sig)(mks(sig))


@app.get("/a")
async def a(request):
    note(f"H /a conn={conn_no(request.conn_info)} stage={stage(request)}")
    request.app.ctx.from_request = True
    return text("a")


@app.get("/sig/<kind>")
async def sig_routes(request, kind):
    note(f"H /sig/{kind}")
    if kind == "exception_raise":
        raise RuntimeError("handler boom for the exception signal")
    return text(kind)


@app.get("/close")
async def close(request):
    t = request.transport
    note(f"H /close protocol={probe(lambda: type(t.get_protocol()).__name__)} "
         f"same={probe(lambda: request.protocol is t.get_protocol())} "
         f"ptransport={probe(lambda: t.get_protocol().transport is t)}")
    note(f"H /close close={probe(lambda: t.close())}")
    note(f"H /close abort={probe(lambda: t.abort())} closing={probe(lambda: t.is_closing())}")
    return text("after close")


@app.get("/respond_twice")
async def respond_twice(request):
    r1 = await request.respond(content_type="text/plain")
    try:
        await request.respond(content_type="text/html")
        note("H respond again before data: ok")
    except Exception as e:
        note(f"H respond again before data: {type(e).__name__}: {e}")
    await r1.send("a")
    try:
        await request.respond(content_type="text/html")
        note("H respond again after data: ok")
    except Exception as e:
        note(f"H respond again after data: {type(e).__name__}: {e}")
    await r1.eof()
    try:
        await r1.send("late")
        note("H send after eof: ok")
    except Exception as e:
        note(f"H send after eof: {type(e).__name__}: {e}")


@app.get("/conn_close")
async def conn_close(request):
    return text("bye", headers={"Connection": "close"})


@app.route("/headrespond", methods=["GET", "HEAD"])
async def headrespond(request):
    resp = await request.respond(content_type="text/plain", headers={"x-a": "1"})
    await resp.send("one")
    await resp.eof()
    note(f"H /headrespond {request.method} done")


@app.post("/body")
async def body(request):
    note(f"H /body {len(request.body)}")
    return text(f"got {len(request.body)}")


@app.post("/stream", stream=True)
async def stream(request):
    parts = []
    while True:
        part = await request.stream.read()
        if part is None:
            break
        parts.append(part)
    note(f"H /stream {[len(p) for p in parts]}")
    return text(f"parts {len(parts)} {sum(map(len, parts))}")


@app.get("/err")
async def err(request):
    raise ValueError("handler boom")


@app.get("/respond")
async def respond(request):
    note(f"H /respond before stage={stage(request)}")
    resp = await request.respond(content_type="text/plain")
    note(f"H /respond after stage={stage(request)} rstage={probe(lambda: str(resp.stream.stage))}")
    await resp.send("one")
    note(f"H /respond sent stage={stage(request)}")
    await resp.send("two")
    await resp.eof()
    note(f"H /respond done stage={stage(request)} rstage={probe(lambda: str(resp.stream and resp.stream.stage))}")


@app.get("/slow")
async def slow(request):
    resp = await request.respond(content_type="text/plain")
    try:
        for i in range(40):
            await resp.send(f"{i:03}" * 1000)
            await asyncio.sleep(0.05)
        await resp.eof()
        note("H /slow finished")
    except BaseException as e:
        note(f"H /slow {type(e).__name__}")
        raise


@app.get("/sleep")
async def sleeper(request):
    try:
        await asyncio.sleep(float(request.args.get("t", "2")))
    except BaseException as e:
        note(f"H /sleep {type(e).__name__}")
        raise
    note("H /sleep done")
    return text("slept")


@app.post("/read_again")
async def read_again(request):
    try:
        got = await asyncio.wait_for(request.stream.read(), 2)
    except BaseException as e:
        got = type(e).__name__
    return text(f"body {request.body!r} then {got!r}")


@app.post("/stream_noread", stream=True)
async def stream_noread(request):
    return text("not read")


@app.route("/file_named", methods=["GET", "HEAD"])
async def file_named(request):
    return await file(DATA, filename="report.txt", mime_type="text/csv", headers={"x-f": "1"}, max_age=60)


@app.route("/filestream_named", methods=["GET", "HEAD"])
async def filestream_named(request):
    return await file_stream(DATA, chunk_size=64, filename="r é.txt", mime_type="text/csv",
                             headers={"Content-Length": "500"})


@app.route("/file", methods=["GET", "HEAD"])
async def fil(request):
    return await file(DATA)


@app.route("/filestream", methods=["GET", "HEAD"])
async def filstream(request):
    return await file_stream(DATA, chunk_size=100)


@app.route("/empty", methods=["GET", "HEAD"])
async def emp(request):
    return empty()


@app.get("/pre/transport", name="transport_pre")
@app.get("/transport")
async def transport(request):
    t = request.transport
    d = {
        "type": type(t).__name__,
        "peername": probe(lambda: t.get_extra_info("peername")[0]),
        "sockname": probe(lambda: t.get_extra_info("sockname")),
        "sslcontext": probe(lambda: t.get_extra_info("sslcontext")),
        "ssl_object": probe(lambda: t.get_extra_info("ssl_object")),
        "network_paths": probe(lambda: t.get_extra_info("network_paths")),
        "other": probe(lambda: t.get_extra_info("nope", "dflt")),
        "is_closing": probe(lambda: t.is_closing()),
        "scope_type": probe(lambda: t.scope["type"]),
        "scope_root_path": probe(lambda: t.scope.get("root_path")),
        "scope_scheme": probe(lambda: t.scope.get("scheme")),
        "ci": ci_view(request.conn_info),
        "state_asgi": probe(lambda: request.app.state.asgi),
        "ctx": sorted(vars(request.app.ctx)),
        "id": probe(lambda: type(request.id).__name__),
        "protocol": probe(lambda: type(request.protocol).__name__),
    }
    for name in ("stage", "is_running", "is_started", "is_stopping", "server", "mode", "workers",
                 "primary", "host", "port", "unix", "fast", "ssl", "verbosity"):
        d["state_" + name] = probe(lambda name=name: getattr(request.app.state, name))
    d["loop"] = probe(lambda: request.app.loop is asyncio.get_running_loop())
    st = request.stream
    d["stream_api"] = sorted(n for n in dir(st) if not n.startswith("__"))
    for name in d["stream_api"]:
        if not callable(getattr(type(st), name, None)):
            d["stream." + name] = probe(lambda name=name: type(getattr(st, name)).__name__)
    d["transport_api"] = sorted(n for n in dir(t) if not n.startswith("__"))
    d["protocol_api"] = sorted(n for n in dir(t.get_protocol()) if not n.startswith("__"))
    for name in ("ip", "port", "scheme", "host", "server_name", "server_port", "url", "path",
                 "remote_addr", "client_ip", "forwarded", "server_path", "raw_url", "uri_template",
                 "endpoint", "name", "socket"):
        d[name] = probe(lambda name=name: getattr(request, name))
    d["port"] = probe(lambda: type(request.port).__name__)
    d["url_for"] = probe(lambda: request.url_for("a"))
    d["url_for_q"] = probe(lambda: request.url_for("a", x="1"))
    d["app_url_for_ext"] = probe(lambda: request.app.url_for("a", _external=True))
    return js(d)


@app.websocket("/ws/echo")
async def ws_echo(request, ws):
    note("H ws echo")
    d = {name: probe(lambda name=name: getattr(request, name)) for name in (
        "scheme", "url", "host", "ip", "server_name", "server_port", "path", "method", "version",
        "remote_addr", "client_ip", "server_path", "raw_url", "query_string", "body", "uri_template")}
    d["port"] = probe(lambda: type(request.port).__name__)
    d["ci"] = ci_view(request.conn_info)
    d["stream"] = probe(lambda: type(request.stream).__name__)
    d["stage"] = stage(request)
    d["url_for"] = probe(lambda: request.url_for("ws_echo"))
    d["ws_type"] = type(ws).__name__
    d["ws_subprotocol"] = probe(lambda: ws.subprotocol)
    d["transport_type"] = probe(lambda: type(request.transport).__name__)
    d["scope_type"] = probe(lambda: request.transport.scope["type"])
    d["ws_api"] = sorted(n for n in dir(ws) if not n.startswith("_"))
    d["ws_mro"] = [c.__name__ for c in type(ws).__mro__]
    note(f"W {d}")
    msg = await ws.recv()
    await ws.send(f"echo {msg}")
    await ws.close(4100, "done")


@app.websocket("/ws/proto", subprotocols=["chat"])
async def ws_proto(request, ws):
    note(f"H ws proto {ws.subprotocol}")
    await ws.send(str(ws.subprotocol))


@app.websocket("/ws/raise")
async def ws_raise(request, ws):
    note("H ws raise")
    raise ValueError("ws boom")


@app.websocket("/ws/deny")
async def ws_deny(request, ws):
    note("H ws deny (not reached)")


@app.websocket("/ws/forbidden")
async def ws_forbidden(request, ws):
    from sanic.exceptions import Forbidden
    raise Forbidden("not you")


@app.websocket("/ws/bin")
async def ws_bin(request, ws):
    await ws.send(b"\x00\x01")
    await ws.send("")
    await ws.close(3001, "r" * 20)


@app.websocket("/ws/wait")
async def ws_wait(request, ws):
    try:
        for _ in range(3):  # bounded: Sanic's ASGI recv() gives None after the close
            msg = await asyncio.wait_for(ws.recv(), 3)
            note(f"H ws wait got {msg!r}")
    except BaseException as e:
        note(f"H ws wait {type(e).__name__}")
        raise


@app.websocket("/ws/early")
async def ws_early(request, ws):
    # returns without a message
    note("H ws early")


bp = Blueprint("bp4", url_prefix="/bp")


@bp.get("/x")
async def bp_x(request):
    note("H /bp/x")
    return text("bp")


for sig in ("http.lifecycle.request", "http.lifecycle.handle", "http.lifecycle.response",
            "http.lifecycle.exception", "http.routing.after", "http.handler.before",
            "http.middleware.before"):
    def mkb(sig):
        async def h(**kw):
            request = kw.get("request")
            note(f"B {sig} {req_path(request)} kw={sorted(kw)}")
        return h
    bp.signal(sig)(mkb(sig))


@bp.on_request
async def bp_mw(request):
    note(f"B middleware {request.path}")


app.blueprint(bp)


@app.signal("http.lifecycle.request", priority=5)
async def sig_request_first(request, **kw):
    note(f"S request priority=5 {req_path(request)}")
