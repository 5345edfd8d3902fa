"""The app of the fifth round of misbehaving-client probes (see the README section).

`S5_<KEY>=value` sets any config key (ints and floats parsed); run by `drive.py`.
`/stats` also counts live objects of the server's per-connection and per-request types
(by class name, so the same route serves Hurtle and Sanic) after `gc.collect()`.
"""

import asyncio
import gc
import os
import time
import tracemalloc

from sanic import Sanic, response
from sanic.response import file, file_stream, text

app = Sanic("stress5")
for k, v in os.environ.items():
    if k.startswith("S5_") and k not in ("S5_PORT", "S5_SCRATCH", "S5_TRACEMALLOC"):
        try:
            val = float(v) if "." in v else int(v)
        except ValueError:
            val = v
        setattr(app.config, k[3:], val)
EV: list[str] = []
T0 = time.monotonic()
BIG = os.path.join(os.environ.get("S5_SCRATCH", "/tmp/stress5"), "big.bin")
TYPES = {
    "Request", "HttpProtocol", "Http", "WebsocketImplProtocol", "WebSocketProtocol",
    "WebSocketConnection", "HTTPResponse", "ResponseStream", "Task", "TimerHandle",
    "Future", "ServerConnection",
}
if os.environ.get("S5_TRACEMALLOC"):
    tracemalloc.start(8)
SNAP: list = []


def ev(s):
    EV.append(f"{time.monotonic() - T0:.2f} {s}")


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1])
    return 0


def counts():
    out: dict[str, int] = {}
    for o in gc.get_objects():
        n = type(o).__name__
        if n in TYPES:
            out[n] = out.get(n, 0) + 1
    return out


@app.get("/stats")
async def stats(request):
    gc.collect()
    body = {
        "fds": len(os.listdir("/proc/self/fd")),
        "tasks": len(asyncio.all_tasks()),
        "rss_kb": rss_kb(),
        "objs": counts(),
        "gc": len(gc.get_objects()),
        "ev": EV[-40:],
    }
    if tracemalloc.is_tracing():
        snap = tracemalloc.take_snapshot().filter_traces(
            [tracemalloc.Filter(False, tracemalloc.__file__)])
        if SNAP:
            diff = snap.compare_to(SNAP[0], "traceback")
            body["top"] = [
                f"{d.size_diff} B {d.count_diff} obj " + " < ".join(
                    f"{f.filename.rsplit('/', 2)[-1]}:{f.lineno}" for f in d.traceback[:4])
                for d in diff[:8]]
        else:
            SNAP.append(snap)
        body["traced_kb"] = tracemalloc.get_traced_memory()[0] // 1024
    EV.clear()
    return response.json(body)


app.static("/static", os.path.dirname(BIG), use_content_range=True, stream_large_files=True)


@app.get("/gc/<op>")
async def gc_control(request, op):
    """`off`: automatic collection off and garbage collected; `count`: the live objects of
    the counted types and what a collection then finds unreachable (cyclic garbage)."""
    if op == "peek":  # no collection: what is alive now, and the RSS
        return response.json({"objs": counts(), "rss_kb": rss_kb(), "gc": gc.get_count()})
    if op == "ballast":  # a heap of long-lived objects, as a big app has
        app.ctx.ballast = [[i] for i in range(int(request.args.get("n", "1000000")))]
        gc.collect()
        return text("ballast")
    if op == "off":
        gc.disable()
        gc.collect()
        return text("off")
    before = counts()
    found = gc.collect()
    gc.enable()
    return response.json({"before": before, "unreachable": found, "after": counts()})


@app.get("/raise")
async def fails(request):
    raise ValueError("no")


@app.get("/")
async def root(request):
    return text("ok")


@app.post("/echo")
async def echo(request):
    return text(f"{request.headers.get('x-i', '-')} {len(request.body)}")


@app.post("/plain")
async def plain(request):
    ev(f"plain body {len(request.body)}")
    return text(f"len {len(request.body)}")


@app.post("/recv", stream=True)
async def recv(request):
    try:
        await request.receive_body()
    except BaseException as e:
        ev(f"recv {type(e).__name__}")
        raise
    ev(f"recv done {len(request.body)}")
    return text(f"len {len(request.body)}")


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


@app.get("/file")
async def get_file(request):
    return await file(BIG)


@app.get("/file_stream")
async def get_file_stream(request):
    return await file_stream(BIG, chunk_size=65536)


@app.get("/sleep/<s:float>")
async def sleep(request, s):
    try:
        await asyncio.sleep(s)
    except BaseException as e:
        ev(f"sleep {type(e).__name__}")
        raise
    ev("sleep done")
    return text("slept")


@app.get("/mw")
async def mw(request):
    return text("mw")


@app.on_response
async def slow_response_mw(request, resp):
    if request.path == "/mw":
        try:
            await asyncio.sleep(float(request.args.get("s", "0.3")))
        except BaseException as e:
            ev(f"mw {type(e).__name__}")
            raise
        ev("mw done")


@app.websocket("/ws")
async def ws_echo(request, ws):
    n = 0
    try:
        async for m in ws:
            n += 1
            await ws.send(m)
    except BaseException as e:
        ev(f"ws {type(e).__name__} after {n}")
        raise
    ev(f"ws ended after {n}")


if __name__ == "__main__":
    if not os.path.exists(BIG):
        with open(BIG, "wb") as f:
            f.write(os.urandom(8 << 20))
    app.run(
        host="127.0.0.1",
        port=int(os.environ["S5_PORT"]),
        single_process=True,
        access_log=False,
        motd=False,
    )
