"""The app of log_scenarios (see run.sh for the T_* settings)."""

import asyncio
import os

from sanic import Sanic, response
from sanic.exceptions import SanicException, ServiceUnavailable
from sanic.log import logger

kw = {}
if os.environ.get("T_NOCONF"):
    kw["configure_logging"] = False
app = Sanic("P", **kw)
app.config.REQUEST_MAX_SIZE = 1000
app.config.REQUEST_TIMEOUT = 1
app.config.KEEP_ALIVE_TIMEOUT = 1
app.config.RESPONSE_TIMEOUT = float(os.environ.get("T_RT", "1"))
if os.environ.get("T_NOISY"):
    app.config.NOISY_EXCEPTIONS = True
if os.environ.get("T_CFGNOACCESS"):
    app.config.ACCESS_LOG = False


@app.get("/ok")
async def ok(request):
    return response.text("ok")


@app.post("/post")
async def post(request):
    return response.text("p")


@app.post("/spost", stream=True)
async def spost(request):
    n = 0
    async for chunk in request.stream:
        n += len(chunk)
    return response.text(str(n))


@app.get("/boom")
async def boom(request):
    raise ValueError("boom")


@app.get("/503")
async def s503(request):
    raise ServiceUnavailable("down")


@app.get("/quiet")
async def quiet(request):
    raise SanicException("shh", status_code=500, quiet=True)


@app.get("/slow")
async def slow(request):
    await asyncio.sleep(3)
    return response.text("slow")


@app.get("/hang")
async def hang(request):
    try:
        await asyncio.sleep(2)
    finally:
        logger.info("hang handler ended")
    return response.text("hang")


@app.get("/stream")
async def stream(request):
    r = await request.respond(content_type="text/plain")
    await r.send("a")
    await r.send("bb")
    await r.eof()


@app.get("/stream_boom")
async def stream_boom(request):
    r = await request.respond(content_type="text/plain")
    await r.send("a")
    raise ValueError("after send")


@app.get("/stream_eof_boom")
async def stream_eof_boom(request):
    r = await request.respond(content_type="text/plain")
    await r.send("a")
    await r.eof()
    raise ValueError("after eof")


@app.get("/respond_then_return")
async def respond_then_return(request):
    r = await request.respond(content_type="text/plain")
    await r.send("a")
    return response.text("late")


@app.route("/head_ok", methods=["GET", "HEAD"])
async def head_ok(request):
    return response.text("hello")


@app.get("/empty")
async def empty(request):
    return response.empty()


@app.get("/redirect")
async def redirect(request):
    return response.redirect("/ok")


@app.get("/file")
async def file(request):
    return await response.file(__file__)


@app.get("/file_stream")
async def file_stream(request):
    return await response.file_stream(__file__)


@app.get("/json_big")
async def json_big(request):
    return response.json({"a": "x" * 5000})


@app.get("/mw")
async def mwr(request):
    return response.text("mw")


@app.on_request
async def mw(request):
    if request.path == "/mw":
        raise RuntimeError("in middleware")


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


@app.websocket("/ws")
async def ws(request, ws):
    await ws.send("hi")
    await ws.recv()


@app.websocket("/wsboom")
async def wsboom(request, ws):
    raise RuntimeError("ws handler boom")


if os.environ.get("T_LISTENER") == "after_start":

    @app.after_server_start
    async def l1(app):
        raise RuntimeError("in after_server_start")


if os.environ.get("T_LISTENER") == "before_start":

    @app.before_server_start
    async def l2(app):
        raise RuntimeError("in before_server_start")


if os.environ.get("T_LISTENER") == "before_stop":

    @app.before_server_stop
    async def l3(app):
        raise RuntimeError("in before_server_stop")


if os.environ.get("T_LISTENER") == "task_start":

    @app.after_server_start
    async def l4(app):
        async def bad():
            raise RuntimeError("task at start")

        app.add_task(bad(), name="badtask")


if __name__ == "__main__":
    run = {"host": "127.0.0.1", "port": int(os.environ["T_PORT"]), "single_process": True}
    if os.environ.get("T_DEBUG"):
        run["debug"] = True
    if os.environ.get("T_DEV"):
        run["dev"] = True
    if os.environ.get("T_ACCESS"):
        run["access_log"] = os.environ["T_ACCESS"] == "1"
    if os.environ.get("T_NOMOTD"):
        run["motd"] = False
    app.run(**run)
