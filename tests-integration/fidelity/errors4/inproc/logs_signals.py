import asyncio
import logging
import sys

from sanic import Sanic, text
from sanic.exceptions import *

recs = []


class H(logging.Handler):
    def emit(self, r):
        if r.name.startswith("sanic") or r.name in ("root", "asyncio"):
            msg = r.getMessage()
            if (
                "Starting worker" in msg
                or "Stopping worker" in msg
                or "http://" in msg
                or "Goin' Fast" in msg
            ):
                return
            recs.append(
                (r.name, r.levelname, msg.splitlines()[0][:150] if msg else msg, bool(r.exc_info))
            )


logging.getLogger().addHandler(H())
logging.getLogger().setLevel(logging.DEBUG)

app = Sanic("p7")
app.config.TOUCHUP = False
seen = []


@app.report_exception
async def rep(app, exc):
    seen.append(("report", type(exc).__name__, str(exc)))


@app.signal("server.exception.report")
async def sig(exception):
    seen.append(("signal", type(exception).__name__))


class A(Exception):
    pass


class Q(SanicException):
    status_code = 409
    quiet = True


@app.exception(A)
async def ah(r, e):
    if r.args.get("raise"):
        raise ValueError("in handler")
    if r.args.get("none"):
        return None
    return text("A handled")


@app.exception(KeyError)
def kh(r, e):
    if r.args.get("raise"):
        raise BadRequest("handler br")
    return text("K")


@app.get("/a")
def a(r):
    raise A("a")


@app.get("/k")
def k(r):
    raise KeyError("k")


@app.get("/v")
def v(r):
    raise ValueError("v")


@app.get("/q")
def q(r):
    raise Q("q")


@app.get("/se")
def se(r):
    raise ServerError("se")


@app.get("/seq")
def seq(r):
    raise ServerError("seq", quiet=True)


@app.get("/br")
def br(r):
    raise BadRequest("br", quiet=False)


@app.get("/nf")
def nf(r):
    raise NotFound("nf")


@app.get("/resp_mw")
def rmw(r):
    return text("ok")


@app.on_response
def resp_mw(r, resp):
    if r.path == "/resp_mw":
        raise ValueError("resp mw")


@app.on_request
def req_mw(r):
    if r.path == "/req_mw":
        raise KeyError("req mw")


@app.get("/req_mw")
def reqmw(r):
    return text("no")


@app.get("/task")
async def task(r):
    async def boom():
        raise RuntimeError("task boom")

    app.add_task(boom())
    await asyncio.sleep(0.05)
    return text("t")


@app.signal("my.sig.x")
async def mysig(**kw):
    raise RuntimeError("sig boom")


@app.get("/sig")
async def sigr(r):
    await app.dispatch("my.sig.x")
    await asyncio.sleep(0.05)
    return text("s")


@app.get("/stream")
async def stream(r):
    resp = await r.respond()
    await resp.send("a")
    raise ValueError("after head")


paths = sys.argv[1:] or [
    "/a",
    "/a?raise=1",
    "/a?none=1",
    "/k",
    "/k?raise=1",
    "/v",
    "/q",
    "/se",
    "/seq",
    "/br",
    "/nf",
    "/nope",
    "/resp_mw",
    "/req_mw",
    "/task",
    "/sig",
    "/stream",
]

for p in paths:
    recs.clear()
    seen.clear()
    try:
        _, r = app.test_client.get(p)
        st = (r.status, r.text[:80].replace("\n", "|"))
    except Exception as ex:
        st = ("EXC", type(ex).__name__)
    print("==", p, st)
    for x in recs:
        if x[0] == "sanic.access" or (x[0] == "sanic.root" and x[1] == "INFO"):
            continue
        if "Listener" in x[2] or "listener" in x[2] or "Dispatch" in x[2] or "Worker" in x[2]:
            continue
        print("   log", x)
    for s in seen:
        print("   seen", s)
