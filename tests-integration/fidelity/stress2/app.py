import asyncio
import gc
import os
import time

from sanic import Sanic, response
from sanic.response import empty, file, file_stream, text

app = Sanic("stress2")
C = app.config
for k in (
    "RESPONSE_TIMEOUT",
    "KEEP_ALIVE_TIMEOUT",
    "REQUEST_TIMEOUT",
    "GRACEFUL_SHUTDOWN_TIMEOUT",
    "WEBSOCKET_PING_INTERVAL",
    "WEBSOCKET_PING_TIMEOUT",
):
    v = os.environ.get("S2_" + k)
    if v:
        setattr(C, k, float(v))
if os.environ.get("S2_KEEP_ALIVE") == "0":
    C.KEEP_ALIVE = False
BIG = "x" * (50 * 1024 * 1024)
FILE = os.path.join(os.environ.get("S2_SCRATCH", "/tmp/stress2"), "big.bin")
if not os.path.exists(FILE):
    with open(FILE, "wb") as f:
        f.write(os.urandom(50 * 1024 * 1024))
EVENTS = []
LEAKED = []


def ev(*a):
    EVENTS.append(" ".join(str(x) for x in a))
    del EVENTS[:-200]


@app.get("/stats")
async def stats(request):
    gc.collect()
    rss = 0
    with open("/proc/self/status") as f:  # noqa: ASYNC230
        for line in f:
            if line.startswith("VmRSS"):
                rss = int(line.split()[1])
    return response.json(
        {
            "fds": len(os.listdir("/proc/self/fd")),
            "tasks": len(asyncio.all_tasks()),
            "rss_kb": rss,
            "pid": os.getpid(),
            "events": EVENTS[-30:],
        }
    )


@app.get("/clear")
async def clear(request):
    EVENTS.clear()
    return empty()


@app.get("/")
async def root(request):
    return text("ok")


@app.get("/bigtext")
async def bigtext(request):
    return text(BIG)


@app.get("/bigfile")
async def bigfile(request):
    return await file(FILE)


@app.get("/bigstream")
async def bigstream(request):
    return await file_stream(FILE)


@app.get("/respond")
async def respond(request):
    r = await request.respond(content_type="text/plain")
    chunk = b"y" * 65536
    n = 0
    try:
        for n in range(1600):
            await r.send(chunk)
            if n % 400 == 0 and request.args.get("dbg"):
                ev(
                    "at",
                    n,
                    request.transport.is_closing(),
                    request.stream.protocol.closed,
                    request.stream.protocol.flow.writing_paused,
                    type(request.transport).__name__,
                    asyncio.current_task() is request.stream.task,
                )
        await r.eof()
        ev("respond done", n)
    except BaseException as e:
        ev(
            "respond exc",
            n,
            type(e).__name__,
            repr(e)[:80],
            "transport_closing",
            request.transport.is_closing(),
        )
        raise


@app.get("/sleep")
async def sleep(request):
    try:
        await asyncio.sleep(float(request.args.get("t", "1")))
    except BaseException as e:
        ev("sleep exc", type(e).__name__, "transport_closing", request.transport.is_closing())
        raise
    ev("sleep done", request.transport.is_closing())
    return text("slept")


@app.post("/body")
async def body(request):
    return text(str(len(request.body)))


@app.post("/stream", stream=True)
async def stream(request):
    n = 0
    try:
        while True:
            b = await request.stream.read()
            if b is None:
                break
            n += len(b)
    except BaseException as e:
        ev("stream exc", n, type(e).__name__, repr(e)[:80], request.transport.is_closing())
        raise
    ev("stream done", n)
    return text(str(n))


@app.get("/leak")
async def leak(request):
    async def forever():
        await asyncio.Event().wait()

    LEAKED.append(asyncio.ensure_future(forever()))
    return text(f"leaked {len(LEAKED)}")


@app.get("/leak2")
async def leak2(request):
    async def forever():
        await asyncio.Event().wait()

    app.add_task(forever())
    return text("ok")


@app.get("/block")
async def block(request):
    time.sleep(float(request.args.get("t", "2")))  # noqa: ASYNC251 (the point)
    return text("blocked")


@app.get("/nonresp")
async def nonresp(request):
    return {"a": 1}


@app.get("/none")
async def none(request):
    return None


class BadDel:
    def __del__(self):
        raise RuntimeError("boom in __del__")


@app.get("/baddel")
async def baddel(request):
    x = BadDel()
    del x
    return text("ok")


@app.websocket("/ws")
async def ws(request, ws):
    n = 0
    try:
        async for msg in ws:
            n += 1
            await ws.send(msg)
    except BaseException as e:
        ev("ws exc", n, type(e).__name__, repr(e)[:80])
        raise
    ev("ws end", n)


@app.websocket("/wsslow")
async def wsslow(request, ws):
    n = 0
    try:
        while True:
            m = await ws.recv()
            if m is None:
                break
            n += 1
            await asyncio.sleep(0.01)
    except BaseException as e:
        ev("wsslow exc", n, type(e).__name__, repr(e)[:80])
        raise


@app.websocket("/wsnoread")
async def wsnoread(request, ws):
    try:
        await asyncio.sleep(3600)
    except BaseException as e:
        ev("wsnoread exc", type(e).__name__, repr(e)[:80])
        raise


@app.websocket("/wsidle")
async def wsidle(request, ws):
    try:
        await ws.recv()
        await asyncio.sleep(3600)
    except BaseException as e:
        ev("wsidle exc", type(e).__name__, repr(e)[:80])
        raise


@app.websocket("/wspush")
async def wspush(request, ws):
    n = 0
    try:
        for n in range(200000):  # noqa: B007
            await ws.send(b"p" * 1000)
        ev("wspush done", n)
    except BaseException as e:
        ev("wspush exc", n, type(e).__name__, repr(e)[:60])
        raise


@app.get("/stop")
async def stop(request):
    request.app.stop()
    return text("stopping")


@app.after_server_stop
async def after(app, loop):
    print("AFTER_STOP tasks", len(asyncio.all_tasks()), flush=True)


if __name__ == "__main__":
    port = int(os.environ.get("S2_PORT", "8000"))
    single = os.environ.get("S2_SINGLE", "1") == "1"
    app.run(
        host="127.0.0.1",
        port=port,
        single_process=single,
        access_log=False,
        **({} if single else {"workers": 1}),
    )
