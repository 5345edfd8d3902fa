"""The app of the fourth round of misbehaving-client probes (see the README section).

`S4_<KEY>=value` sets any config key (ints and floats parsed); run by `drive.py`.
"""

import asyncio
import gc
import os
import time

from sanic import Sanic, response
from sanic.response import raw, text

app = Sanic("stress4")
for k, v in os.environ.items():
    if k.startswith("S4_") and k not in ("S4_PORT", "S4_SCRATCH", "S4_TLS", "S4_WORKERS"):
        try:
            val = float(v) if "." in v else int(v)
        except ValueError:
            val = v
        setattr(app.config, k[3:], val)
EV: list[str] = []
T0 = time.monotonic()


def ev(s):
    EV.append(f"{time.monotonic() - T0:.2f} {s}")


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1])
    return 0


@app.get("/stats")
async def stats(request):
    gc.collect()
    return response.json(
        {
            "fds": len(os.listdir("/proc/self/fd")),
            "tasks": len(asyncio.all_tasks()),
            "rss_kb": rss_kb(),
            "ev": EV[-30:],
        }
    )


@app.get("/")
async def root(request):
    return text("ok")


@app.get("/sleep/<s:float>")
async def sleep(request, s):
    try:
        await asyncio.sleep(s)
    except BaseException as e:
        ev(f"sleep {type(e).__name__}")
        raise
    ev("sleep done")
    return text("slept")


@app.post("/plain")
async def plain(request):
    ev(f"plain body {len(request.body)}")
    return text(f"len {len(request.body)}")


@app.post("/slowstream", stream=True)
async def slowstream(request):
    n = 0
    t = time.monotonic()
    try:
        while True:
            b = await request.stream.read()
            if b is None:
                break
            n += len(b)
            await asyncio.sleep(0.05)
    except BaseException as e:
        ev(f"slowstream {type(e).__name__} {n}")
        raise
    ev(f"slowstream done {n} {time.monotonic() - t:.1f}s")
    return text(f"read {n}")


@app.get("/big/<n:int>")
async def big(request, n):
    return raw(b"x" * n)


@app.get("/respond")
async def respond(request):
    r = await request.respond(content_type="text/plain")
    n = 0
    try:
        for n in range(200):  # noqa: B007
            await r.send(b"y" * 65536)
        await r.eof()
    except BaseException as e:
        ev(f"respond {type(e).__name__} at {n}")
        raise
    ev("respond done")


@app.get("/paced")
async def paced(request):
    r = await request.respond(content_type="text/plain")
    n = 0
    try:
        for n in range(20):  # noqa: B007
            await r.send(b"p" * 1000)
            await asyncio.sleep(0.1)
        await r.eof()
    except BaseException as e:
        ev(f"paced {type(e).__name__} at {n}")
        raise
    ev("paced done")


@app.get("/stubborn")
async def stubborn(request):
    for i in range(5):  # swallows up to five cancellations, 20 s at most
        try:
            await asyncio.sleep(4)
        except asyncio.CancelledError:
            ev(f"stubborn swallowed cancellation {i}")
    ev("stubborn done")
    return text("stubborn")


@app.get("/headers")
async def headers(request):
    t = time.perf_counter()
    h = len(request.headers)
    c = len(request.cookies)
    a = len(request.args)
    return text(f"h={h} c={c} a={a} {time.perf_counter() - t:.3f}")


@app.websocket("/wspush")
async def wspush(request, ws):
    size = int(request.args.get("size", 1 << 20))
    n = 0
    msg = "z" * size
    try:
        while True:
            await ws.send(msg)
            n += 1
    except BaseException as e:
        ev(f"wspush {type(e).__name__} after {n}")
        raise


@app.websocket("/wsread")
async def wsread(request, ws):
    n = 0
    try:
        async for _ in ws:
            n += 1
    except BaseException as e:
        ev(f"wsread {type(e).__name__} after {n}")
        raise
    ev(f"wsread ended after {n}")


if __name__ == "__main__":
    app.run(
        host="127.0.0.1",
        port=int(os.environ["S4_PORT"]),
        single_process=not os.environ.get("S4_WORKERS"),
        access_log=False,
        motd=False,
        ssl=dict(zip(("cert", "key"), os.environ["S4_TLS"].split(":"), strict=True))
        if os.environ.get("S4_TLS")
        else None,
    )
