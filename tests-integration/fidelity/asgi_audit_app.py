"""The app of `compare_asgi_audit.py` ("ASGI mode, second audit" in README.md): served by
uvicorn under real Sanic and under Hurtle. Listener, task, signal and handler events are
appended to $EVENTS; a few settings come from the environment (see the top)."""
import asyncio
import os
import tempfile

from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request as _Req
from sanic.response import ResponseStream, empty, file, file_stream, text
from sanic.response import json as js

FILES = os.path.join(tempfile.gettempdir(), "asgi_audit_files")
os.makedirs(FILES, exist_ok=True)
DATA = os.path.join(FILES, "data.bin")
if not os.path.exists(DATA):
    with open(DATA, "wb") as fh:
        fh.write(bytes(range(256)) * 40)
EV = os.environ["EVENTS"]
app = Sanic("A2")
app.config.REQUEST_MAX_SIZE = int(os.environ.get("MAXSIZE", "2000"))
app.config.WEBSOCKET_MAX_SIZE = 100
if os.environ.get("SERVER_NAME"):
    app.config.SERVER_NAME = os.environ["SERVER_NAME"]
if os.environ.get("FSECRET"):
    app.config.FORWARDED_SECRET = os.environ["FSECRET"]
if os.environ.get("PCOUNT"):
    app.config.PROXIES_COUNT = int(os.environ["PCOUNT"])
if os.environ.get("RTIMEOUT"):
    app.config.RESPONSE_TIMEOUT = float(os.environ["RTIMEOUT"])
    app.config.REQUEST_TIMEOUT = float(os.environ["RTIMEOUT"])

def note(x):
    with open(EV, "a") as f:
        f.write(str(x) + "\n")

def probe(thing):
    try:
        v = thing()
        return f"{type(v).__name__}:{v!r}"[:600]
    except BaseException as e:
        return f"EXC {type(e).__name__}: {e}"[:160]

def mk(name):
    def listener(app_, *a):
        note(f"L {name} nargs={len(a)} stage={probe(lambda: app_.state.stage)} asgi={probe(lambda: app_.asgi)} "
             f"m={probe(lambda: type(app_.m).__name__)} mp={probe(lambda: type(app_.multiplexer).__name__)} "
             f"loop={probe(lambda: type(app_.loop).__name__)} is_running={probe(lambda: app_.state.is_running)} "
             f"workers={probe(lambda: app_.state.workers)} mode={probe(lambda: app_.state.mode)} "
             f"server={probe(lambda: app_.state.server)} ssl={probe(lambda: app_.state.ssl)}")
        if os.environ.get("FAIL") == name:
            raise RuntimeError(f"boom in {name}")
    return listener

for name in ("main_process_start", "main_process_ready", "main_process_stop", "reload_process_start",
             "reload_process_stop", "before_server_start", "after_server_start", "before_server_stop",
             "after_server_stop"):
    app.register_listener(mk(name), name)

for sig in ("server.init.before", "server.init.after", "server.shutdown.before", "server.shutdown.after"):
    def mks(sig):
        async def h(**kw):
            note(f"S {sig} kw={sorted(kw)}")
        return h
    app.signal(sig)(mks(sig))

async def bg(label):
    note(f"T {label} start")
    try:
        await asyncio.sleep(60)
    except asyncio.CancelledError:
        note(f"T {label} cancelled")
        raise
    finally:
        note(f"T {label} finally")

app.add_task(bg("pre"))

@app.before_server_start
async def addtasks(app_):
    app_.add_task(bg("bss"), name="bss")

@app.after_server_start
async def addtasks2(app_):
    t = app_.add_task(bg("ass"), name="ass")
    note(f"add_task returns {type(t).__name__} get_task={probe(lambda: type(app_.get_task('ass')).__name__)}")

@app.get("/tasks")
async def tasks(request):
    return js(sorted(t.get_name() for t in request.app.tasks))

@app.get("/info")
async def info(request):
    d = {}
    for k in ("ip", "port", "remote_addr", "client_ip", "host", "url", "scheme", "server_name", "server_port",
              "server_path", "path", "forwarded", "version", "socket", "id", "uri_template"):
        d[k] = probe(lambda k=k: getattr(request, k))
    d["transport"] = probe(lambda: type(request.transport).__name__)
    d["peername"] = probe(lambda: request.transport.get_extra_info("peername"))
    d["sockname"] = probe(lambda: request.transport.get_extra_info("sockname"))
    d["sslctx"] = probe(lambda: request.transport.get_extra_info("sslcontext"))
    d["scope_root"] = probe(lambda: request.scope.get("root_path"))
    d["scope_keys"] = probe(lambda: sorted(request.scope))
    ci = request.conn_info
    d["conn_info"] = probe(lambda: {k: getattr(ci, k, "MISSING") for k in ("client", "client_ip", "client_port", "server", "server_port", "peername", "sockname", "ssl", "server_name", "cert", "network_paths")})
    d["url_for"] = probe(lambda: request.app.url_for("info"))
    d["url_for_ext"] = probe(lambda: request.app.url_for("info", _external=True))
    d["url_for_ext_s"] = probe(lambda: request.app.url_for("info", _external=True, _scheme="https", _server="x.example"))
    d["req_url_for"] = probe(lambda: request.url_for("info"))
    return js(d)

@app.post("/stream", stream=True)
async def stream(request):
    chunks = []
    while True:
        b = await request.stream.read()
        if b is None:
            break
        chunks.append(len(b))
    return js({"total": sum(chunks), "nonempty": bool(chunks)})

@app.post("/body")
async def body(request):
    return text(str(len(request.body)))

@app.get("/sleep")
async def sleep(request):
    try:
        await asyncio.sleep(float(request.args.get("t", "2")))
    except asyncio.CancelledError:
        note("H sleep cancelled")
        raise
    note("H sleep done")
    return text("slept")

@app.get("/respond")
async def respond(request):
    r = await request.respond(content_type="text/plain", headers={"X-A": "1"})
    await r.send("a")
    await r.send("b")
    await r.eof()

@app.get("/file")
async def f(request):
    return await file(DATA)

@app.get("/filestream")
async def fs(request):
    return await file_stream(DATA, chunk_size=1000)

@app.get("/cookies")
async def cookies(request):
    r = text("c")
    r.add_cookie("a", "1", httponly=True, max_age=10)
    r.add_cookie("b", "two words", path="/x", samesite="Strict", secure=True)
    r.delete_cookie("gone")
    return r

@app.get("/empty")
async def emp(request):
    return empty()

@app.get("/empty200")
async def emp2(request):
    return empty(status=200, headers={"X-E": "1"})

@app.get("/304")
async def n304(request):
    return response.HTTPResponse(status=304, headers={"ETag": '"x"'})

@app.get("/err/<fmt>")
async def err(request, fmt):
    raise SanicException("custom <b>msg</b>", status_code=418)

@app.get("/err500")
async def err500(request):
    raise ZeroDivisionError("division by zero")

@app.get("/after_start")
async def after_start(request):
    r = await request.respond(content_type="text/plain")
    await r.send("part1")
    raise RuntimeError("after start")

@app.get("/after_eof")
async def after_eof(request):
    r = await request.respond(content_type="text/plain")
    await r.send("x")
    await r.eof()
    try:
        await r.send("y")
    except Exception as e:
        note(f"H after_eof {type(e).__name__}: {e}")

@app.get("/disc")
async def disc(request):
    r = await request.respond(content_type="text/plain")
    try:
        for _ in range(50):
            await r.send("x" * 1000)
            await asyncio.sleep(0.05)
    except BaseException as e:
        note(f"H disc {type(e).__name__}: {e}")
        raise
    note("H disc finished")

@app.websocket("/ws/proto", subprotocols=["chat", "superchat"])
async def wsproto(request, ws):
    await ws.send(repr(ws.subprotocol))

@app.websocket("/ws/echo")
async def wsecho(request, ws):
    try:
        while True:
            m = await ws.recv()
            if m is None:
                note("W echo none")
                break
            await ws.send(m)
    except BaseException as e:
        note(f"W echo {type(e).__name__}: {e}")
        raise

@app.websocket("/ws/raise")
async def wsraise(request, ws):
    await ws.send("before")
    raise RuntimeError("ws boom")

@app.websocket("/ws/close")
async def wsclose(request, ws):
    await ws.close(4001, "bye")

@app.websocket("/ws/timeout")
async def wstimeout(request, ws):
    m = await ws.recv(timeout=0.3)
    await ws.send(repr(m))

app.static("/static", FILES, name="st")

@app.get("/pre/info")
async def preinfo(request):
    return js({"url": request.url, "path": request.path, "url_for": request.app.url_for("preinfo"),
               "ext": probe(lambda: request.app.url_for("preinfo", _external=True)), "scope_root": request.scope.get("root_path"),
               "server_path": request.server_path})

@app.post("/stream100", stream=True)
async def stream100(request):
    data = b""
    async for chunk in request.stream:
        data += chunk
    return text(str(len(data)))

@app.get("/cookie_read")
async def cookie_read(request):
    return js({"cookies": dict(request.cookies), "get": request.cookies.get("a"), "getlist": request.cookies.getlist("a")})

@app.get("/redirect")
async def redir(request):
    return response.redirect("/info")

@app.route("/headroute", methods=["GET", "HEAD"])
async def headroute(request):
    return text("body for head")

@app.route("/headstream", methods=["GET", "HEAD"])
async def headstream(request):
    r = await request.respond(content_type="text/plain")
    await r.send("s1")
    await r.send("s2")

@app.signal("custom.sig.x")
async def customsig(**kw):
    note(f"S custom kw={sorted(kw)}")

@app.get("/misc")
async def misc(request):
    a = request.app
    d = {}
    d["shared_ctx"] = probe(lambda: a.shared_ctx)
    d["manager"] = probe(lambda: type(a.manager).__name__)
    d["inspector"] = probe(lambda: type(a.inspector).__name__)
    d["get_app"] = probe(lambda: type(Sanic.get_app()).__name__)
    d["state"] = probe(lambda: {k: getattr(a.state, k, "MISSING") for k in ("asgi", "coffee", "fast", "host", "port", "ssl", "sock", "unix", "mode", "reload_dirs", "auto_reload", "server", "is_running", "is_started", "is_stopping", "verbosity", "workers", "primary", "server_info", "stage")})
    d["server_info"] = probe(lambda: a.state.server_info)
    d["get_task_none"] = probe(lambda: a.get_task("nope", raise_exception=False))
    d["get_task_raise"] = probe(lambda: a.get_task("nope"))
    d["tasks"] = probe(lambda: sorted(t.get_name() for t in a.tasks))
    await a.cancel_task("ass")
    d["after_cancel"] = probe(lambda: sorted(t.get_name() for t in a.tasks))
    a.purge_tasks()
    d["after_purge"] = probe(lambda: sorted(t.get_name() for t in a.tasks))
    t = a.add_task(bg("inreq"), name="inreq")
    d["add_in_req"] = probe(lambda: type(t).__name__)
    await a.dispatch("custom.sig.x", context={"a": 1})
    d["loop_running"] = probe(lambda: a.loop.is_running())
    d["debug"] = probe(lambda: a.debug)
    d["config_subset"] = probe(lambda: {k: a.config.get(k) for k in ("ACCESS_LOG", "MOTD", "NOISY_EXCEPTIONS", "REQUEST_TIMEOUT", "KEEP_ALIVE", "INSPECTOR", "AUTO_RELOAD")})
    d["websocket_enabled"] = probe(lambda: a.websocket_enabled)
    d["request_ctx_app"] = probe(lambda: request.app is a)
    d["request_name"] = probe(lambda: request.name)
    d["request_endpoint"] = probe(lambda: request.endpoint)
    d["request_route"] = probe(lambda: request.route.path)
    d["request_protocol"] = probe(lambda: type(request.protocol).__name__)
    d["request_stream"] = probe(lambda: type(request.stream).__name__)
    d["request_head"] = probe(lambda: request.head)
    d["request_scheme"] = probe(lambda: request.scheme)
    d["conn_info_ctx"] = probe(lambda: type(request.conn_info.ctx).__name__)
    d["request_is_safe"] = probe(lambda: request.is_safe)
    d["request_is_cacheable"] = probe(lambda: request.is_cacheable)
    return js(d)

@app.get("/stop")
async def stop(request):
    try:
        request.app.stop()
        note("H stop returned")
    except BaseException as e:
        note(f"H stop {type(e).__name__}: {e}")
        raise
    return text("stopping")

if os.environ.get("REALIP"):
    app.config.REAL_IP_HEADER = "x-real-ip"

if os.environ.get("SIGFAIL"):
    @app.signal(os.environ["SIGFAIL"])
    async def sigfail(**kw):
        raise ValueError("signal boom")

@app.get("/connctx")
async def connctx(request):
    c = request.conn_info.ctx
    c.n = getattr(c, "n", 0) + 1
    return js({"n": c.n, "id": str(request.id), "remote_addr": request.remote_addr, "ip": request.ip, "client_ip": request.client_ip})

@app.post("/noread")
async def noread(request):
    return text("no read")

@app.get("/respond_then_raise")
async def rtr(request):
    await request.respond(content_type="text/plain", headers={"x-r": "1"})
    raise ValueError("before any send")

@app.get("/eof_then_raise")
async def etr(request):
    r = await request.respond(content_type="text/plain")
    await r.send("done", end_stream=True)
    raise ValueError("after eof")

@app.get("/respond_status")
async def rs(request):
    r = await request.respond(status=201, content_type="text/plain")
    await r.send("made")

@app.get("/return_after_respond")
async def rar(request):
    r = await request.respond(content_type="text/plain")
    await r.send("streamed")
    return text("returned")

@app.get("/bg_send")
async def bgs(request):
    r = await request.respond(content_type="text/plain")
    async def later():
        await asyncio.sleep(0.2)
        try:
            await r.send("late")
            note("H bg_send sent")
        except Exception as e:
            note(f"H bg_send {type(e).__name__}: {e}")
    request.app.add_task(later())
    await r.send("now")


@app.get("/current/<n:int>")
async def current(request, n):
    await asyncio.sleep(0.05 * (n % 3))
    cur = _Req.get_current()
    return js({"same": cur is request, "n": n, "id_match": cur.path == request.path})

@app.get("/rstream")
async def rstream(request):
    async def gen(resp):
        await resp.write("a")
        await resp.write(b"b")
    return ResponseStream(gen, content_type="text/x-ok", headers={"x-s": "1"}, status=202)
