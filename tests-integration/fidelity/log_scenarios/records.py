"""Records the sanic.* loggers get during test_client calls (name, level, message, extra
fields, exc_info), written as JSON lines to $OUT. argv[1]: plain, debug, quiet (NOISY_EXCEPTIONS),
noaccess, noconf (configure_logging=False), ws1, ws2; RT=seconds adds a RESPONSE_TIMEOUT case."""

import asyncio
import json
import logging
import os
import sys

from sanic import Sanic, response
from sanic.exceptions import SanicException, ServiceUnavailable
from sanic.log import error_logger, logger

STD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "taskName",
}
records = []


class Cap(logging.Handler):
    def emit(self, r):
        ex = {
            k: (v if isinstance(v, (int, float, str, type(None), bool)) else repr(type(v)))
            for k, v in r.__dict__.items()
            if k not in STD
        }
        ex.pop("ident", None)
        if "duration" in ex and isinstance(ex["duration"], (int, float, str)):
            ex["duration"] = "D"
        for k in ("host",):
            if k in ex and isinstance(ex[k], str) and ex[k].startswith("127.0.0.1"):
                ex[k] = "127.0.0.1:P"
        exc = None
        if r.exc_info and r.exc_info[0]:
            exc = f"{r.exc_info[0].__name__}: {r.exc_info[1]}"
        msg = r.getMessage()
        import re

        msg = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:P", msg)
        msg = re.sub(r"\[\d+\]", "[PID]", msg)
        msg = re.sub(r"0x[0-9a-f]+", "0xADDR", msg)
        records.append((r.name, r.levelname, msg[:300], ex, exc, bool(r.stack_info)))


cap = Cap(level=1)

MODE = sys.argv[1]
kw = {}
if MODE == "noconf":
    kw["configure_logging"] = False
app = Sanic("LogProbe", **kw)
app.config.RESPONSE_TIMEOUT = float(os.environ.get("RT", "60"))
if MODE == "quiet":
    app.config.NOISY_EXCEPTIONS = True
if MODE == "noaccess":
    app.config.ACCESS_LOG = False


@app.get("/ok")
async def ok(request):
    return response.text("ok")


@app.post("/post")
async def post(request):
    return response.text("p")


@app.get("/boom")
async def boom(request):
    raise ValueError("boom")


@app.get("/503")
async def s503(request):
    raise ServiceUnavailable("down")


@app.get("/sexc")
async def sexc(request):
    raise SanicException("teapot", status_code=418)


@app.get("/quiet")
async def quiet(request):
    raise SanicException("shh", status_code=500, quiet=True)


@app.get("/notquiet400")
async def nq(request):
    raise SanicException("loud", status_code=400, quiet=False)


@app.get("/stream")
async def stream(request):
    r = await request.respond(content_type="text/plain")
    await r.send("a")
    await r.send("bb")
    await r.eof()


@app.get("/mw")
async def mwr(request):
    return response.text("mw")


@app.on_request
async def mw(request):
    if request.path == "/mw":
        raise RuntimeError("in middleware")


@app.on_response
async def mwresp(request, resp):
    if request.path == "/ok" and request.args.get("rmw"):
        raise RuntimeError("in response middleware")


class Ehx(Exception):
    pass


@app.exception(Ehx)
async def eh(request, exc):
    raise KeyError("handler raised")


@app.get("/eh")
async def ehr(request):
    raise Ehx("original")


@app.signal("custom.thing.happened")
async def sig(**kw):
    raise RuntimeError("in signal")


@app.get("/sig")
async def sigr(request):
    await app.dispatch("custom.thing.happened")
    await asyncio.sleep(0.05)
    return response.text("s")


@app.get("/task")
async def taskr(request):
    async def bad():
        raise RuntimeError("in task")

    app.add_task(bad())
    await asyncio.sleep(0.05)
    return response.text("t")


@app.get("/slow")
async def slow(request):
    await asyncio.sleep(1.5)
    return response.text("slow")


@app.get("/logextra")
async def le(request):
    logger.info("hello %s", "you", extra={"user": "bob"})
    error_logger.warning("warn")
    return response.text("x")


@app.websocket("/ws")
async def ws(request, ws):
    await ws.send("hi")
    await ws.recv()


@app.websocket("/wsboom")
async def wsboom(request, ws):
    raise RuntimeError("ws handler boom")


for n in ["sanic.root", "sanic.error", "sanic.access", "sanic.server", "sanic.websockets"]:
    logging.getLogger(n).addHandler(cap)
root_recs = []


class RootCap(logging.Handler):
    def emit(self, r):
        root_recs.append(r.name)
        if r.name.startswith("websockets"):
            records.append(("ROOT", r.name, r.levelname, r.getMessage()[:80]))


logging.getLogger().addHandler(RootCap(level=1))
logging.getLogger().setLevel(1)

debug = "debug" in MODE


def call(method, path, **kw):
    records.append(("--", method, path))
    try:
        req, resp = getattr(app.test_client, method)(path, debug=debug, **kw)
        records.append(
            (
                "=>",
                resp.status if resp is not None else None,
                (resp.text[:60] if resp is not None else None) if method != "websocket" else None,
            )
        )
    except Exception as e:
        records.append(("=> EXC", type(e).__name__, str(e)[:100]))


if MODE == "ws1":

    async def c(ws):
        await ws.recv()
        await ws.send("x")

    call("websocket", "/ws", mimic=c)
elif MODE == "ws2":
    call("websocket", "/wsboom")
else:
    call("get", "/ok")
    call("get", "/ok?rmw=1")
    call("get", "/missing")
    call("post", "/ok")
    call("get", "/boom")
    call("get", "/503")
    call("get", "/sexc")
    call("get", "/quiet")
    call("get", "/notquiet400")
    call("get", "/stream")
    call("head", "/ok")
    call("get", "/mw")
    call("get", "/eh")
    call("get", "/sig")
    call("get", "/task")
    call("get", "/logextra")
    call("post", "/post", data="x" * 200, headers={"content-type": "text/plain"})
    if os.environ.get("RT"):
        call("get", "/slow")
with open(os.environ["OUT"], "w") as f:
    for r in records:
        if r[0] == "sanic.root" and r[1] == "DEBUG" and r[2].startswith("\n\n"):
            continue
        t = (
            json.dumps(r)
            .replace("Hurtle v0.1.0 (Sanic v25.12.0 compatible)", "Sanic v25.12.0")
            .replace(", hurtle==0.1.0", "")
        )
        f.write(t + "\n")
    f.write(f"ROOT-SEEN {sorted(set(root_recs))}\n")
