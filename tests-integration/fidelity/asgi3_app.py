"""The third ASGI audit's app (README.md, "ASGI mode, third audit"): scope, bodies,
responses, listeners, tasks and signals, events to $EVENTS."""
import asyncio
import os
import tempfile

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.response import ResponseStream, file, file_stream, text
from sanic.response import json as jsn

app = Sanic("a3")
EV = os.environ.get("EVENTS", os.path.join(tempfile.gettempdir(), "asgi3_events.txt"))
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "asgi3_data.txt")
for k in ("FORWARDED_SECRET", "PROXIES_COUNT", "REAL_IP_HEADER", "SERVER_NAME", "REQUEST_MAX_SIZE", "RESPONSE_TIMEOUT"):
    if k in os.environ:
        v = os.environ[k]
        app.config[k] = int(v) if v.isdigit() else v

def note(s):
    with open(EV, "a") as f:
        f.write(s + "\n")

def pr(f):
    try:
        v = f()
        return f"{type(v).__name__}:{v!r}"
    except Exception as e:
        return f"EXC {type(e).__name__}: {e}"

@app.get("/info")
async def info(request):
    d = {}
    for k in ("path", "url", "scheme", "host", "server_name", "server_port", "query_string",
              "raw_url", "version", "method", "args", "query_args", "server_path", "uri_template",
              "endpoint", "name", "forwarded", "ip", "remote_addr", "client_ip", "port", "socket"):
        d[k] = pr(lambda k=k: getattr(request, k))
    d["url_for_ext"] = pr(lambda: app.url_for("info", _external=True))
    d["url_for"] = pr(lambda: app.url_for("info", x="1"))
    d["req_url_for"] = pr(lambda: request.url_for("info"))
    d["scope_root"] = pr(lambda: request.scope.get("root_path"))
    d["scope_path"] = pr(lambda: request.scope.get("path"))
    d["scope_raw_path"] = pr(lambda: request.scope.get("raw_path"))
    d["ctx_x"] = pr(lambda: app.ctx.x)
    d["shared_x"] = pr(lambda: app.shared_ctx.x)
    d["req_ctx"] = pr(lambda: type(request.ctx).__name__)
    d["app_asgi"] = pr(lambda: app.asgi)
    d["app__asgi_app"] = pr(lambda: type(app._asgi_app).__name__)
    d["app_state_asgi"] = pr(lambda: app.state.asgi)
    d["state_mode"] = pr(lambda: str(app.state.mode))
    d["state_stage"] = pr(lambda: str(app.state.stage))
    d["is_running"] = pr(lambda: app.is_running)
    d["headers_host"] = pr(lambda: request.headers.get("host"))
    return jsn(d)

@app.get("/p/<name>")
async def pth(request, name):
    return jsn({"name": name, "path": request.path, "raw_url": repr(request.raw_url),
                "url": request.url, "args": request.args, "qs": request.query_string,
                "qa": request.query_args})

@app.get("/p/<name:path>/deep")
async def pth2(request, name):
    return jsn({"name": name, "path": request.path})

@app.route("/methods", methods=["GET", "POST", "OPTIONS", "HEAD"])
async def methods(request):
    return text(f"{request.method} {request.version} {len(request.body)}")

@app.get("/only-get")
async def onlyget(request):
    return text("g")

@app.post("/stream", stream=True)
async def stream(request):
    parts = []
    while True:
        try:
            c = await request.stream.read()
        except Exception as e:
            note(f"stream EXC {type(e).__name__}: {e}")
            raise
        if c is None:
            break
        parts.append(len(c))
    note(f"stream total={sum(parts)}")
    return text(f"total={sum(parts)} body={request.body!r}")

@app.post("/stream-iter", stream=True)
async def stream_iter(request):
    n = 0
    async for c in request.stream:
        n += len(c)
    return text(f"n={n}")

@app.post("/stream-recv", stream=True)
async def stream_recv(request):
    await request.receive_body()
    return text(f"len={len(request.body)}")

@app.post("/recv")
async def recv(request):
    await request.receive_body()
    return text(f"len={len(request.body)}")

@app.post("/body")
async def body(request):
    note(f"body len={len(request.body)}")
    return text(f"len={len(request.body)}")

@app.post("/slowbody", stream=True)
async def slowbody(request):
    n = 0
    try:
        while True:
            c = await request.stream.read()
            if c is None:
                break
            n += len(c)
        note(f"slowbody done n={n}")
    except BaseException as e:
        note(f"slowbody EXC {type(e).__name__}: {e} n={n}")
        raise
    return text(f"n={n}")

@app.post("/plainbody")
async def plainbody(request):
    note(f"plainbody len={len(request.body)}")
    return text("ok")

@app.get("/respond-late")
async def rlate(request):
    r = await request.respond(headers={"x-early": "1"})
    r.headers["x-late"] = "1"
    await r.send("a")
    r.headers["x-later"] = "1"
    await r.send("b")
    await r.eof()

@app.get("/respond-ct")
async def rct(request):
    r = await request.respond(content_type="text/csv")
    await r.send("a,b\n")
    await r.eof()

@app.get("/rs-late")
async def rslate(request):
    async def fn(r):
        await r.write("a")
        r.headers["x-late"] = "1"
        await r.write("b")
    return ResponseStream(fn, headers={"x-h": "1"}, content_type="text/plain")

@app.get("/file")
async def f(request):
    return await file(DATA)

@app.get("/file-cond")
async def fcond(request):
    return await file(DATA, request=request, max_age=60, last_modified=None)

@app.get("/file-cond2")
async def fcond2(request):
    return await file(DATA, request=request)

@app.get("/file-stream")
async def fst(request):
    return await file_stream(DATA, chunk_size=30)

@app.get("/file-range")
async def frange(request):
    from sanic.handlers import ContentRangeHandler
    st = os.stat(DATA)
    r = ContentRangeHandler(request, st)
    return await file(DATA, _range=r)

@app.get("/file-stream-range")
async def fsrange(request):
    from sanic.handlers import ContentRangeHandler
    st = os.stat(DATA)
    r = ContentRangeHandler(request, st)
    return await file_stream(DATA, _range=r, chunk_size=7)

app.static("/st", DATA, use_content_range=True, name="st1")
app.static("/st2", DATA, name="st2")
app.static("/stdir", os.path.join(HERE, "static"), stream_large_files=5, name="st3")

@app.get("/none")
async def none(request):
    return None

@app.get("/none-sync")
def none_sync(request):
    return None

@app.get("/cookies")
async def cookies(request):
    r = text("c")
    r.add_cookie("a", "1", path="/x", max_age=10, secure=True, httponly=True, samesite="Strict")
    r.add_cookie("b", "two words", domain="example.com")
    r.delete_cookie("c")
    r.cookies.add_cookie("d", "4")
    r.add_cookie("__Host-e", "5")
    return r

@app.get("/resmw-raise")
async def resmw(request):
    return text("handler")

@app.on_response
async def rmw(request, resp):
    if request.path == "/resmw-raise":
        raise RuntimeError("mw boom")
    if request.path == "/resmw-replace":
        return text("replaced", status=201)

@app.get("/resmw-replace")
async def resmwrep(request):
    return text("orig")

@app.get("/slow")
async def slow(request):
    await asyncio.sleep(2)
    return text("slow done")

@app.get("/asgi-names")
async def asgi_names(request):
    import sanic.asgi as m
    return jsn(sorted(n for n in dir(m) if not n.startswith("__")))

@app.get("/task-in-listener")
async def til(request):
    return jsn(sorted(t.get_name() for t in app.tasks))

@app.get("/raise-status")
async def rs(request):
    raise SanicException("teapot", status_code=418)

@app.get("/hdrs")
async def hdrs(request):
    return jsn([list(x) for x in request.headers.items()])

@app.route("/any", methods=["GET","POST","PUT","DELETE","PATCH","OPTIONS","HEAD"])
async def anyr(request):
    return text(request.method)

# listeners
for ev in ("before_server_start", "after_server_start", "before_server_stop", "after_server_stop",
           "main_process_start", "main_process_ready", "main_process_stop", "reload_process_start",
           "reload_process_stop"):
    def mk(ev):
        async def lis(app_, *a):
            note(f"L {ev} nargs={len(a)}")
            if ev == "before_server_start":
                app_.ctx.x = "ctxval"
                try:
                    app_.shared_ctx.x = "sharedval"
                except Exception as e:
                    note(f"shared EXC {e}")
                app_.add_task(bgtask(app_), name="bgnamed")
                app_.add_task(bgtask2())
            if os.environ.get("FAIL") == ev:
                raise RuntimeError(f"fail in {ev}")
        return lis
    app.register_listener(mk(ev), ev)

async def bgtask(app_):
    note("T bgnamed start")
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        note("T bgnamed cancelled")
        raise
    finally:
        note("T bgnamed finally")

async def bgtask2():
    note("T bg2 start")
    await asyncio.sleep(0)
    note("T bg2 done")

for s in ("server.init.before", "server.init.after", "server.shutdown.before", "server.shutdown.after",
          "http.lifecycle.begin", "http.lifecycle.request", "http.lifecycle.handle", "http.lifecycle.response",
          "http.lifecycle.send", "http.lifecycle.complete", "http.lifecycle.read_head", "http.lifecycle.read_body",
          "http.lifecycle.exception", "http.routing.before", "http.routing.after", "http.handler.before",
          "http.handler.after", "http.middleware.before", "http.middleware.after"):
    def mks(s):
        async def h(**kw):
            extra = ""
            if "request" in kw and kw["request"] is not None:
                extra = " path=" + str(getattr(kw["request"], "path", "?"))
            note(f"S {s} kw={sorted(kw)}{extra}")
        return h
    app.signal(s)(mks(s))

@app.get("/longstream")
async def longstream(request):
    r = await request.respond(content_type="text/plain")
    try:
        for _i in range(50):
            await r.send("x" * 1000)
            await asyncio.sleep(0.05)
        note("longstream completed")
    except BaseException as e:
        note(f"longstream EXC {type(e).__name__}: {e}")
        raise
    await r.eof()

@app.get("/longhandler")
async def longhandler(request):
    try:
        await asyncio.sleep(2)
        note("longhandler completed")
    except BaseException as e:
        note(f"longhandler EXC {type(e).__name__}: {e}")
        raise
    return text("done")

@app.post("/upload")
async def upload(request):
    note(f"upload len={len(request.body)}")
    return text(f"len={len(request.body)}")

@app.post("/upload-stream", stream=True)
async def upload_stream(request):
    n = 0
    try:
        async for c in request.stream:
            n += len(c)
        note(f"upload-stream done n={n}")
    except BaseException as e:
        note(f"upload-stream EXC {type(e).__name__}: {e} n={n}")
        raise
    return text(f"n={n}")


@app.get("/u/<name>", unquote=True)
async def uq(request, name):
    return jsn({"name": name, "path": request.path, "match_info": request.match_info,
                "ext": app.url_for("uq", name=name, _external=True, _scheme="https", _server="s.example:9"),
                "rel": app.url_for("uq", name=name, _anchor="frag", q=["1", "2"])})

@app.get("/ctx")
async def ctxr(request):
    return jsn({"conn_ctx": type(request.conn_info.ctx).__name__, "sockname": repr(request.conn_info.sockname),
                "server": repr(request.conn_info.server), "peername": repr(request.conn_info.peername),
                "ssl": repr(request.conn_info.ssl), "client_port_type": type(request.conn_info.client_port).__name__,
                "transport": type(request.transport).__name__, "protocol": type(request.protocol).__name__,
                "stream_type": type(request.stream).__name__, "head": repr(request.head),
                "request_line": repr(getattr(request, "request_line", None)),
                "raw_headers": repr(getattr(request, "raw_headers", None))})

@app.post("/read-past", stream=True)
async def read_past(request):
    out = []
    for _i in range(4):
        try:
            c = await asyncio.wait_for(request.stream.read(), 1)
            out.append(repr(c))
        except Exception as e:
            out.append(f"EXC {type(e).__name__}: {e}")
    try:
        await request.receive_body()
        out.append(f"rb {request.body!r}")
    except Exception as e:
        out.append(f"rb EXC {type(e).__name__}: {e}")
    return jsn(out)

@app.post("/recv-twice")
async def recv_twice(request):
    out = [repr(request.body)]
    await request.receive_body()
    out.append(repr(request.body))
    await request.receive_body()
    out.append(repr(request.body))
    return jsn(out)

@app.post("/form")
async def form(request):
    return jsn({"form": request.form, "files": {k: [(f.name, f.type, f.body.decode()) for f in v] for k, v in request.files.items()}, "json": request.json if request.content_type == "application/json" else None})

@app.post("/form-stream", stream=True)
async def form_stream(request):
    await request.receive_body()
    return jsn({"form": request.form, "body": request.body.decode()})

@app.get("/stream-head", stream=True)
async def stream_get(request):
    c = await request.stream.read()
    return text(repr(c))
