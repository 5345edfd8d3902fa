"""The app ``run.py`` serves: websocket handlers in every state a stop can find them in.

Every handler, signal and listener appends ``[time, pid, what]`` to ``$WSLIFE_LOG`` (a file,
so what happens during shutdown is seen too). ``$WSLIFE_CFG`` (JSON) sets config keys.
"""

from __future__ import annotations

import asyncio
import json
import os
import time

from sanic import Sanic
from sanic.response import text

app = Sanic("wslife")
app.config.update(json.loads(os.environ.get("WSLIFE_CFG", "{}")))
LOG = os.environ.get("WSLIFE_LOG", "/dev/null")


def note(what: str) -> None:
    with open(LOG, "a") as f:
        f.write(json.dumps([time.time(), os.getpid(), what]) + "\n")


def watched(name: str):
    def wrap(body):
        async def handler(request, ws):
            note(f"{name} start")
            try:
                await body(ws)
                note(f"{name} returned")
            except BaseException as e:
                note(f"{name} raised {type(e).__name__}")
                raise
            finally:
                note(f"{name} finally")

        handler.__name__ = name
        app.add_websocket_route(handler, f"/{name}")
        return body

    return wrap


@watched("recv")
async def _recv(ws):
    await ws.recv()


@watched("recv2")
async def _recv2(ws):
    await ws.recv()
    for _ in range(300):  # ~0.3 s of loop turns (no wait a stop or the peer's end cancels)
        time.sleep(0.001)  # noqa: ASYNC251  (busy on purpose)
        await asyncio.sleep(0)
    await ws.recv()


@watched("sleep")
async def _sleep(ws):
    await asyncio.sleep(30)


@watched("send")
async def _send(ws):
    await ws.send(b"x" * (32 << 20))  # the client reads nothing: the send waits
    note("send sent")


@watched("afor")
async def _afor(ws):
    async for message in ws:
        await ws.send(message)


@watched("stubborn")
async def _stubborn(ws):
    for _ in range(40):  # at most ~10 s
        try:
            await asyncio.sleep(0.25)
        except asyncio.CancelledError:
            note("stubborn swallowed a cancel")
        except Exception as e:
            note(f"stubborn swallowed {type(e).__name__}")


@watched("closesend")
async def _closesend(ws):
    await ws.recv()
    await ws.close(4001, "bye")
    note("closesend closed")
    try:
        message = await asyncio.wait_for(ws.recv(), 3)
        note(f"closesend recv after close gave {type(message).__name__}")
    except BaseException as e:
        note(f"closesend recv after close raised {type(e).__name__}")
        raise


@app.get("/ready")
async def ready(request):
    return text("ready")


@app.get("/stop")
async def stop(request):
    request.app.stop()
    return text("stopping")


@app.signal("websocket.handler.before")
async def ws_before(**kw):
    note("signal before")


@app.signal("websocket.handler.after")
async def ws_after(**kw):
    note("signal after")


@app.signal("websocket.handler.exception")
async def ws_exception(**kw):
    note(f"signal exception {type(kw.get('exception')).__name__}")


@app.before_server_stop
async def before_stop(app):
    note("before_server_stop")


@app.after_server_stop
async def after_stop(app):
    note("after_server_stop")
