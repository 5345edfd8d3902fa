"""What handlers, middleware, listeners and tasks see when things end early.

Run: python app.py PORT  (CX_LOG=file for the records; CX_<CONFIG>=value for the
timeouts). Every observation is one line appended to CX_LOG; drive.py reads it.
"""

import asyncio
import os
import sys
import time

from sanic import Sanic
from sanic.response import text

app = Sanic("cancel")
for key in (
    "RESPONSE_TIMEOUT",
    "REQUEST_TIMEOUT",
    "KEEP_ALIVE_TIMEOUT",
    "GRACEFUL_SHUTDOWN_TIMEOUT",
):
    value = os.environ.get("CX_" + key)
    if value:
        setattr(app.config, key, float(value))
LOG = os.environ.get("CX_LOG", "/tmp/cancel/log.txt")
T0 = time.monotonic()


def rec(*parts):
    with open(LOG, "a") as f:
        stamp = f"{time.monotonic() - T0:6.2f}" if os.environ.get("CX_TIME") else ""
        f.write(" ".join(str(p) for p in (stamp, *parts)).strip() + "\n")


def exc_name(e):
    return f"{type(e).__name__}({e})"[:90]


@app.on_request
async def req_mw(request):
    rec("req-mw", request.path)


@app.on_response
async def resp_mw(request, response):
    rec("resp-mw", request.path, response.status)


@app.signal("http.lifecycle.exception")
async def on_exc(request, exception):
    rec("signal-exception", request.path if request else None, exc_name(exception))


@app.get("/sleep")
async def sleep(request):
    try:
        await asyncio.sleep(float(request.args.get("t", "3")))
        rec("sleep done", request.transport.is_closing())
        return text("slept")
    except BaseException as e:
        rec("sleep raised", exc_name(e), "closing", request.transport.is_closing())
        raise
    finally:
        rec("sleep finally")


@app.get("/respond")
async def respond(request):
    r = await request.respond(content_type="text/plain")
    n = 0
    try:
        for _ in range(int(request.args.get("n", "200"))):
            await r.send(b"y" * 16384)
            n += 1
            await asyncio.sleep(float(request.args.get("d", "0.05")))
        await r.eof()
        rec("respond done", n)
    except BaseException as e:
        rec("respond raised", n, exc_name(e), "closing", request.transport.is_closing())
        try:
            await r.send(b"again")
            rec("respond send-after ok")
        except BaseException as e2:
            rec("respond send-after raised", exc_name(e2))
        raise
    finally:
        rec("respond finally")


@app.post("/stream", stream=True)
async def stream(request):
    n = 0
    reads = 0
    try:
        while True:
            b = await request.stream.read()
            reads += 1
            if b is None:
                break
            n += len(b)
            await asyncio.sleep(float(request.args.get("d", "0")))
        rec("stream done", n)
        return text(str(n))
    except BaseException as e:
        rec("stream raised", n > 0, exc_name(e), "closing", request.transport.is_closing())
        try:
            more = await request.stream.read()
            rec("stream read-after", more if more is None else len(more))
        except BaseException as e2:
            rec("stream read-after raised", exc_name(e2))
        raise
    finally:
        rec("stream finally")


@app.post("/body")
async def body(request):
    rec("body handler", len(request.body))
    return text(str(len(request.body)))


@app.get("/stop")
async def stop(request):
    app.stop()
    rec("stop called")
    return text("stopping")


@app.get("/")
async def root(request):
    return text("ok")


@app.websocket("/ws")
async def ws(request, ws):
    try:
        while True:
            msg = await ws.recv()
            rec("ws got", msg)
            if msg is None:
                break
    except BaseException as e:
        rec("ws raised", exc_name(e))
        raise
    finally:
        rec("ws finally")


@app.websocket("/wssleep")
async def wssleep(request, ws):
    try:
        await asyncio.sleep(30)
    except BaseException as e:
        rec("wssleep raised", exc_name(e))
        raise
    finally:
        rec("wssleep finally")


async def forever(name):
    try:
        await asyncio.sleep(3600)
    except BaseException as e:
        rec("task", name, "raised", exc_name(e))
        raise
    finally:
        rec("task", name, "finally")


@app.before_server_start
async def start(app):
    app.add_task(forever("named"), name="named")
    app.add_task(forever("unnamed"))
    rec("before_server_start")


@app.after_server_start
async def started(app):
    rec("after_server_start", sorted(t.get_name().split("-")[0] for t in app.tasks))


async def stubborn(name, swallow):
    try:
        await asyncio.sleep(3600)
    except asyncio.CancelledError:
        rec("task", name, "cancelled; cleaning up")
        await asyncio.sleep(1.5)
        rec("task", name, "cleaned up")
        if not swallow:
            raise
        await asyncio.sleep(30)
        rec("task", name, "survived")


@app.get("/stubborn")
async def add_stubborn(request):
    app.add_task(stubborn("slowclean", False), name="slowclean")
    if not request.args.get("only"):
        app.add_task(stubborn("swallower", True), name="swallower")
    return text("ok")


@app.get("/tasks")
async def tasks(request):
    app.add_task(forever("t2"), name="t2")
    await asyncio.sleep(0.05)
    t = app.get_task("t2")
    rec("get_task", type(t).__name__, t.done())
    try:
        r = await app.cancel_task("t2")
        rec("cancel_task returned", r)
    except BaseException as e:
        rec("cancel_task raised", exc_name(e))
    rec("t2 after cancel", t.done(), t.cancelled())
    try:
        app.get_task("t2")
        rec("get_task after cancel found")
    except BaseException as e:
        rec("get_task after cancel raised", exc_name(e))
    app.purge_tasks()
    rec("after purge", len(list(app.tasks)))
    try:
        rec("get_task missing", app.get_task("nope", raise_exception=False))
        app.get_task("nope")
    except BaseException as e:
        rec("get_task missing raised", exc_name(e))
    return text("ok")


@app.before_server_stop
async def before_stop(app):
    rec("before_server_stop", sorted(t.get_name() for t in app.tasks if not t.done()))


@app.after_server_stop
async def after_stop(app):
    rec("after_server_stop", len([t for t in app.tasks if not t.done()]))


if __name__ == "__main__":
    app.run(
        host="127.0.0.1",
        port=int(sys.argv[1]),
        single_process=True,
        access_log=True,
        motd=False,
    )
