"""Round two of cancel/app.py: websockets, cut bodies, slow readers, tasks at the stop.

Run: python app.py PORT  (CX_LOG=file for the records; CX_<CONFIG>=value sets a config
key, e.g. CX_WEBSOCKET_PING_INTERVAL=0.5; CX_STOPTASKS=c: before_server_stop cancels
task a and purges, =b: it adds a task, =a: after_server_stop adds one; combinable).
Every observation is one line appended to CX_LOG.
"""

import asyncio
import os
import sys
import time

from sanic import Sanic
from sanic.response import text

app = Sanic("cancel2")
for key, value in os.environ.items():
    if key.startswith("CX_") and key[3:] in app.config and value:
        setattr(app.config, key[3:], float(value))
LOG = os.environ.get("CX_LOG", "/tmp/cancel/log2.txt")
T0 = time.monotonic()
SENT = {"n": 0}


def rec(*parts):
    with open(LOG, "a") as f:
        stamp = f"{time.monotonic() - T0:6.2f}" if os.environ.get("CX_TIME") else ""
        f.write(" ".join(str(p) for p in (stamp, *parts)).strip() + "\n")


def exc_name(e):
    return f"{type(e).__name__}({e})"[:100]


@app.on_request
async def req_mw(request):
    rec("req-mw", request.path)


@app.on_response
async def resp_mw(request, response):
    rec("resp-mw", request.path, response.status)


@app.signal("http.lifecycle.exception")
async def on_exc(request, exception):
    rec("signal-exception", request.path if request else None, exc_name(exception))


if os.environ.get("CX_LIFECYCLE"):  # (off by default: it takes another path in both)

    @app.signal("http.lifecycle.complete")
    async def on_complete(conn_info):
        rec("signal-complete")

    @app.signal("http.lifecycle.response")
    async def on_response(request, response):
        rec("signal-response", request.path, response.status)

    @app.signal("websocket.handler.after")
    async def on_ws_after(request, websocket):
        rec("signal-ws-after", request.path)

    @app.signal("websocket.handler.exception")
    async def on_ws_exc(request, websocket, exception):
        rec("signal-ws-exception", request.path, exc_name(exception))


@app.websocket("/ws")
async def ws(request, ws):
    try:
        while True:
            msg = await ws.recv()
            rec("ws got", msg if msg is None else len(msg))
            if msg is None:
                break
    except BaseException as e:
        rec("ws raised", exc_name(e))
        raise
    finally:
        rec("ws finally")


@app.websocket("/wsfor")
async def wsfor(request, ws):
    n = 0
    try:
        async for _msg in ws:
            n += 1
        rec("wsfor ended", n)
    except BaseException as e:
        rec("wsfor raised", n, exc_name(e))
        raise


@app.websocket("/wsclose")
async def wsclose(request, ws):
    """Close from the server side after the first message, then try to go on."""
    try:
        rec("wsclose first", len(await ws.recv()))
        await ws.close(code=1000, reason="bye")
        rec("wsclose closed")
        for what in ("recv", "send"):
            try:
                if what == "recv":
                    rec("wsclose recv after", await ws.recv(timeout=0.5))
                else:
                    await ws.send("late")
                    rec("wsclose send after ok")
            except BaseException as e:
                rec("wsclose", what, "after raised", exc_name(e))
    except BaseException as e:
        rec("wsclose raised", exc_name(e))
        raise
    finally:
        rec("wsclose finally")


@app.websocket("/wspending")
async def wspending(request, ws):
    """Return while a recv() started as a task is still waiting."""
    task = asyncio.ensure_future(ws.recv())

    def done(t):
        if t.cancelled():
            rec("wspending task cancelled")
        elif t.exception() is not None:
            rec("wspending task raised", exc_name(t.exception()))
        else:
            rec("wspending task got", t.result())

    task.add_done_callback(done)
    await asyncio.sleep(0.2)
    rec("wspending returns", task.done())


@app.websocket("/wstimeout")
async def wstimeout(request, ws):
    """recv(timeout) that expires, then return."""
    rec("wstimeout recv", await ws.recv(timeout=0.3))


@app.post("/stream", stream=True)
async def stream(request):
    n = 0
    try:
        if request.args.get("for"):
            async for b in request.stream:
                n += len(b)
        else:
            while True:
                b = await request.stream.read()
                if b is None:
                    break
                n += len(b)
        rec("stream done", n)
        return text(str(n))
    except BaseException as e:
        rec("stream raised", n, exc_name(e), "closing", request.transport.is_closing())
        raise
    finally:
        rec("stream finally")


@app.get("/big")
async def big(request):
    """A large streamed response; SENT counts the sends that returned."""
    SENT["n"] = 0
    r = await request.respond(content_type="application/octet-stream")
    try:
        for _ in range(int(request.args.get("n", "800"))):
            await r.send(b"z" * 65536)
            SENT["n"] += 1
        await r.eof()
        rec("big done", SENT["n"])
    except BaseException as e:
        rec("big raised", SENT["n"], exc_name(e))
        raise


@app.get("/sent")
async def sent(request):
    return text(str(SENT["n"]))


@app.get("/sleep")
async def sleep(request):
    try:
        await asyncio.sleep(float(request.args.get("t", "1")))
        rec("sleep done", request.transport.is_closing())
        return text("slept")
    except BaseException as e:
        rec("sleep raised", exc_name(e))
        raise


@app.post("/echo")
async def echo(request):
    rec("echo", len(request.body))
    return text(str(len(request.body)))


@app.get("/late")
async def late(request):
    """Outlive a client that left, then try to answer it with request.respond()."""
    try:
        await asyncio.sleep(float(request.args.get("t", "1")))
        rec("late slept", request.transport.is_closing())
    except asyncio.CancelledError as e:
        rec("late cancelled", exc_name(e), "closing", request.transport.is_closing())
    for step in ("respond", "send", "eof"):
        try:
            if step == "respond":
                r = await request.respond(content_type="text/plain")
            elif step == "send":
                await r.send("hello")
            else:
                await r.eof()
            rec("late", step, "ok")
        except BaseException as e:
            rec("late", step, "raised", exc_name(e))
            break
    return None


@app.get("/addtask")
async def addtask(request):
    """Sleep, then add a task (a request the stop's grace lets finish)."""
    await asyncio.sleep(float(request.args.get("t", "1")))
    app.add_task(forever("inflight"), name="inflight")
    rec("added inflight")
    return text("added")


@app.get("/late2")
async def late2(request):
    """Outlive a client that left, then return a response (not streamed)."""
    try:
        await asyncio.sleep(float(request.args.get("t", "1")))
    except asyncio.CancelledError as e:
        rec("late2 cancelled", exc_name(e))
    if request.args.get("plain"):
        return text("late")
    return text("late", headers={"content-length": "4"})


@app.get("/")
async def root(request):
    return text("ok")


@app.get("/stop")
async def stop(request):
    app.stop()
    rec("stop called")
    return text("stopping")


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
    app.add_task(forever("a"), name="a")
    app.add_task(forever("b"), name="b")


def live(app):
    return sorted(f"{t.get_name()}{'' if not t.done() else '(done)'}" for t in app.tasks)


@app.before_server_stop
async def before_stop(app):
    rec("before_server_stop", live(app))
    what = os.environ.get("CX_STOPTASKS", "")
    if "c" in what:
        try:
            rec("cancel_task a", await app.cancel_task("a"))
        except BaseException as e:
            rec("cancel_task a raised", exc_name(e))
        app.purge_tasks()
        rec("after purge", live(app))
    if "b" in what:
        app.add_task(forever("late"), name="late")
        rec("added late", live(app))


@app.after_server_stop
async def after_stop(app):
    rec("after_server_stop", live(app))
    if "a" in os.environ.get("CX_STOPTASKS", ""):
        try:
            app.add_task(forever("after"), name="after")
            rec("added after", live(app))
            await asyncio.sleep(0.1)
        except BaseException as e:
            rec("add_task after raised", exc_name(e))


if __name__ == "__main__":
    app.run(
        host="127.0.0.1",
        port=int(sys.argv[1]),
        single_process=True,
        access_log=True,
        motd=False,
    )
