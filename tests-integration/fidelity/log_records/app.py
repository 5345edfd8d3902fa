"""log_records app: logging.basicConfig(level=DEBUG) and a root handler writing each record
(logger, level, masked message, exc_info type) as a JSON line to $R_OUT. $R_MODE: main,
bss/ass (before/after_server_start raises), stop (app.stop() from a handler); $R_DEBUG=1
runs with debug=True, $R_NOISY=1 sets NOISY_EXCEPTIONS."""

import asyncio
import json
import logging
import os
import re

from sanic import Sanic, response
from sanic.exceptions import SanicException

OUT = open(os.environ["R_OUT"], "w")


class Cap(logging.Handler):
    def emit(self, r: logging.LogRecord) -> None:
        msg = r.getMessage()
        if r.name == "sanic.access":
            msg += " | " + " ".join(str(getattr(r, k, "-")) for k in ("request", "status", "byte"))
        for pat, rep in [
            (r"127\.0\.0\.1:\d+", "127.0.0.1:P"),
            (r"\[\d+\]", "[PID]"),
            (r"0x[0-9a-f]+", "0xADDR"),
            (r"\d+\.\d+m?s\b", "D"),
            (r"[0-9A-F]{4}unx", "XXXXunx"),
            (r"Task-\d+", "Task-N"),
            (r"defined at [^>]*>", "defined at F>"),
            (r"Hurtle v[0-9.]+ \(Sanic v25.12.0 compatible\)", "Sanic v25.12.0"),
            (r", hurtle==[0-9.]+", ""),
        ]:
            msg = re.sub(pat, rep, msg)
        if r.name == "sanic.root" and msg.startswith("\n"):
            msg = "MOTD"
        exc = None
        if r.exc_info and r.exc_info[0]:
            exc = f"{r.exc_info[0].__name__}: {r.exc_info[1]}"
        OUT.write(json.dumps([r.name, r.levelname, msg[:200], exc]) + "\n")
        OUT.flush()


logging.basicConfig(level=logging.DEBUG)
logging.getLogger().addHandler(Cap(level=1))
MODE = os.environ.get("R_MODE", "main")
app = Sanic("R")
app.config.REQUEST_MAX_SIZE = 1000
app.config.RESPONSE_TIMEOUT = 1
if MODE == "grace":
    app.config.RESPONSE_TIMEOUT = 10
    app.config.GRACEFUL_SHUTDOWN_TIMEOUT = 0.5
if os.environ.get("R_NOISY"):
    app.config.NOISY_EXCEPTIONS = True


@app.get("/ok")
async def ok(request):
    return response.text("ok")


@app.post("/post")
async def post(request):
    return response.text("p")


@app.get("/mw")
async def mwr(request):
    return response.text("mw")


@app.get("/rmw")
async def rmwr(request):
    return response.text("rmw")


@app.on_request
async def mw(request):
    if request.path == "/mw":
        raise RuntimeError("in request middleware")


@app.on_response
async def mwresp(request, resp):
    if request.path in ("/rmw", "/respond_mw"):
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


@app.get("/none")
async def none(request):
    return None


@app.get("/dict")
async def adict(request):
    return {"a": 1}


@app.get("/quiet")
async def quiet(request):
    raise SanicException("shh", status_code=400, quiet=True)


@app.get("/slow")
async def slow(request):
    await asyncio.sleep(2)
    return response.text("slow")


@app.get("/stop")
async def stop(request):
    app.stop()
    return response.text("stopping")


@app.get("/sync_none")
def sync_none(request):
    return None


class Enone(Exception):
    pass


@app.exception(Enone)
async def enone(request, exc):
    return None


@app.get("/eh_none")
async def eh_none(request):
    raise Enone("handler returns None")


@app.get("/mw_dict")
async def mw_dict_r(request):
    return response.text("never")


@app.on_request
async def mw_dict(request):
    if request.path == "/mw_dict":
        return {"not": "a response"}


@app.signal("http.lifecycle.response")
async def lifecycle_response(request, response):
    if request.path == "/lsig":
        raise RuntimeError("in http.lifecycle.response")


@app.get("/lsig")
async def lsig(request):
    return response.text("l")


@app.get("/stream_boom")
async def stream_boom(request):
    r = await request.respond(content_type="text/plain")
    await r.send("a")
    raise ValueError("after send")


@app.get("/longtask")
async def longtask(request):
    async def forever():
        await asyncio.sleep(100)

    app.add_task(forever(), name="forever")
    return response.text("lt")


@app.get("/cancelled")
async def cancelled(request):
    raise asyncio.CancelledError("handler cancelled")


@app.signal("http.lifecycle.handle")
async def lifecycle_handle(request):
    if request.path == "/hsig":
        raise RuntimeError("in http.lifecycle.handle")


@app.signal("http.routing.after")
async def routing_after(request, route, kwargs, handler):
    if request.path == "/rsig":
        raise RuntimeError("in http.routing.after")


@app.get("/hsig")
async def hsig(request):
    return response.text("h")


@app.get("/rsig")
async def rsig(request):
    return response.text("r")


@app.get("/inline")
async def inline(request):
    await app.dispatch("custom.thing.happened", inline=True)
    return response.text("i")


@app.get("/sync_boom")
def sync_boom(request):
    raise ValueError("sync boom")


@app.get("/exc_group")
async def exc_group(request):
    raise ExceptionGroup("group", [ValueError("a"), KeyError("b")])  # noqa: F821


@app.get("/task_named")
async def task_named(request):
    async def bad():
        raise RuntimeError("in named task")

    app.add_task(bad(), name="named")
    await asyncio.sleep(0.05)
    return response.text("tn")


@app.get("/rmw_missing")
async def rmw_missing(request):
    return response.text("never")


@app.on_response
async def mwresp_err(request, resp):
    if request.path.startswith("/nothere"):
        raise RuntimeError("in response middleware on an error page")


@app.post("/spost", stream=True)
async def spost(request):
    n = 0
    async for chunk in request.stream:
        n += len(chunk)
    return response.text(str(n))


@app.get("/sexc400")
async def sexc400(request):
    raise SanicException("loud 400", status_code=400, quiet=False)


@app.get("/respond_mw")
async def respond_mw(request):
    r = await request.respond(content_type="text/plain")
    await r.send("x")
    await r.eof()


@app.websocket("/wsboom")
async def wsboom(request, ws):
    raise RuntimeError("ws handler boom")


if MODE == "bss":

    @app.before_server_start
    async def l1(app):
        raise RuntimeError("in before_server_start")


if MODE == "bss_task":

    @app.before_server_start
    async def l3(app):
        async def bad():
            raise RuntimeError("task from before_server_start")

        app.add_task(bad())


if MODE == "stop_fail":

    @app.after_server_stop
    async def l4(app):
        raise RuntimeError("in after_server_stop")

    @app.main_process_stop
    async def l5(app):
        raise RuntimeError("in main_process_stop")


if MODE == "main_fail":

    @app.main_process_start
    async def l6(app):
        raise RuntimeError("in main_process_start")


if MODE == "order":
    from sanic.log import logger

    for event in (
        "before_server_start",
        "after_server_start",
        "before_server_stop",
        "after_server_stop",
    ):

        def marker(app, event=event):
            logger.info("listener %s", event)

        app.register_listener(marker, event)


if MODE == "initsig":

    @app.signal("server.init.before")
    async def init_before(app, loop):
        raise RuntimeError("in server.init.before signal")


if MODE == "ass":

    @app.after_server_start
    async def l2(app):
        raise RuntimeError("in after_server_start")


if __name__ == "__main__":
    app.run(
        host="127.0.0.1",
        port=int(os.environ["R_PORT"]),
        single_process=True,
        access_log=True,
        debug=bool(os.environ.get("R_DEBUG")),
    )
