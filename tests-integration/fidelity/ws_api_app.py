"""Websocket handlers probed by compare_ws_api.py (served by real Sanic and by Hurtle).

Every handler records what its calls returned or raised in the file named by WS_API_OUT.
"""

import asyncio
import os
import sys
import time

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import text

app = Sanic("WsApi")
OUT = os.environ.get("WS_API_OUT", os.devnull)
app.config.WEBSOCKET_MAX_SIZE = 1000


def note(line):
    """Record what a handler saw (appended to WS_API_OUT)."""
    with open(OUT, "a") as f:
        f.write(line + "\n")


def rss_kb():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS"))


def ex(e):
    return f"{type(e).__module__}.{type(e).__name__}: {e}"


async def attempt(coro):
    try:
        r = await coro
        return f"ok {r!r}"
    except BaseException as e:
        return ex(e)


@app.websocket("/api")
async def api(request, ws):
    out = []
    out.append("recv_timeout " + await attempt(ws.recv(timeout=0.05)))
    out.append("recv_timeout0 " + await attempt(ws.recv(timeout=0)))
    for name, v in [
        ("bytearray", bytearray(b"ba")),
        ("memoryview", memoryview(b"mv")),
        ("dict", {"a": 1}),
        ("list", ["a", "b"]),
        ("listb", [b"a", b"b"]),
        ("int", 5),
        ("none", None),
        ("tuple", ("x",)),
        ("gen", (x for x in ["g1", "g2"])),
    ]:
        out.append(f"send_{name} " + await attempt(ws.send(v)))

    async def agen():
        yield "a1"
        yield "a2"

    out.append("send_agen " + await attempt(ws.send(agen())))
    p = await ws.ping()
    out.append(f"ping_ret {type(p).__name__}")
    try:
        r = await asyncio.wait_for(p, 2)
        out.append(f"pong_wait {r!r}")
    except BaseException as e:
        out.append("pong_wait " + ex(e))
    p2 = await ws.ping("abc")
    out.append(f"ping_str {type(p2).__name__}")
    out.append("pong " + await attempt(ws.pong()))
    out.append("pong_str " + await attempt(ws.pong("zz")))
    out.append(f"subprotocol {ws.subprotocol!r}")
    out.append(f"type {type(ws).__name__} {type(ws).__module__}")
    for a in (
        "connection",
        "ws_proto",
        "io_proto",
        "transport",
        "loop",
        "state",
        "connection_closed",
        "close_code",
        "close_reason",
        "ping_interval",
        "ping_timeout",
        "recv_burst",
        "recv_streaming",
        "wait_for_connection_lost",
    ):
        try:
            v = getattr(ws, a)
            out.append(
                f"attr {a} {type(v).__name__} {v if isinstance(v, (int, str, float, bool, type(None))) else ''}"
            )
        except BaseException as e:
            out.append(f"attr {a} " + ex(e))
    out.append(
        f"ctx {type(request.ctx).__name__} args {dict(request.args)} hdr {request.headers.get('x-probe')}"
    )
    out.append(f"req {request.method} {request.path} {request.scheme} {request.url}")
    for line in out:
        await ws.send(line)
    await ws.send("END")
    await ws.close(4001, "custom")
    out2 = []
    out2.append("after_close_recv " + await attempt(ws.recv()))
    out2.append("after_close_send " + await attempt(ws.send("x")))
    out2.append("after_close_ping " + await attempt(ws.ping()))
    out2.append("after_close_close " + await attempt(ws.close()))

    for line in out2:
        note(line)


@app.websocket("/iter")
async def iter_(request, ws):
    n = 0
    try:
        async for msg in ws:
            n += 1
            await ws.send(f"it {msg!r}")
        await_note = "loop ended"
    except BaseException as e:
        await_note = ex(e)
    note(f"iter {n} {await_note}")


@app.websocket("/recvloop")
async def recvloop(request, ws):
    try:
        while True:
            m = await ws.recv()
            await ws.send(f"r {m!r}")
    except BaseException as e:
        note(f"recvloop {ex(e)} ")
        raise


@app.websocket("/sanicexc")
async def sanicexc(request, ws):
    raise SanicException("nope", status_code=403)


@app.websocket("/notfound")
async def notfound(request, ws):
    raise NotFound("gone")


@app.websocket("/sp", subprotocols=["a", "b"])
async def sp(request, ws):
    await ws.send(f"sp {ws.subprotocol!r}")


@app.websocket("/v", version=2)
async def versioned(request, ws):
    await ws.send(
        "v "
        + request.app.url_for("versioned")
        + " "
        + request.app.url_for("bp.bws", _external=False)
    )


bp = Blueprint("bp", url_prefix="/bpx", version=3)


@bp.websocket("/w")
async def bws(request, ws):
    await ws.send("bp " + request.route.name + " " + request.path)


app.blueprint(bp)


@app.websocket("/hold")
async def hold(request, ws):
    try:
        await ws.recv()
    except BaseException as e:
        note(f"hold {ex(e)}")
        raise


@app.websocket("/idle")
async def idle(request, ws):
    await ws.recv()


@app.get("/stop")
async def stop(request):
    request.app.stop()
    return text("stopping")


@app.get("/rss")
async def rss(request):
    return text(str(rss_kb()))


@app.websocket("/after_close")
async def after_close(request, ws):
    await ws.close()
    calls = [
        ("send", ws.send("x")),
        ("ping", ws.ping()),
        ("pong", ws.pong()),
        ("pong_data", ws.pong(b"x")),
        ("recv_burst", ws.recv_burst()),
    ]
    for name, call in calls:
        note(f"after_close {name} " + await attempt(call))


@app.websocket("/misuse")
async def misuse(request, ws):
    first = asyncio.ensure_future(ws.recv())
    await asyncio.sleep(0.1)
    note("second_recv " + await attempt(ws.recv()))
    first.cancel()
    note("ping_int " + await attempt(ws.ping(5)))
    note("ping_long " + await attempt(ws.ping(b"x" * 200)))
    note("pong_int " + await attempt(ws.pong(5)))
    note("close_999 " + await attempt(ws.close(999, "r")))


@app.websocket("/close_long_reason")
async def close_long_reason(request, ws):
    note("close_long_reason " + await attempt(ws.close(1000, "r" * 200)))


@app.websocket("/burst")
async def burst(request, ws):
    started = time.monotonic()
    got = await ws.recv_burst()
    await ws.send(f"empty {got!r} waited={time.monotonic() - started > 1}")
    await asyncio.sleep(0.5)
    await ws.send(f"queued {await ws.recv_burst(max_recv=2)!r} {await ws.recv_burst()!r}")


@app.websocket("/streaming")
async def streaming(request, ws):
    out = []
    for _ in range(3):
        out.append([part async for part in ws.recv_streaming()])
    await ws.send(repr(out))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "disable":
        app.enable_websocket(False)
    app.run(port=int(sys.argv[1]), single_process=True, access_log=False)
