"""websocket.handler.* signals: what a handler of each can do, and what its failure does.

    python ws_events.py CASE     (CASE: send_before, raise_before, raise_after, raise_exc,
                                  same_ws, return_before)
"""

import asyncio
import logging
import os
import sys

from sanic import Sanic, Websocket
from sanic.signals import Event

if "LOGS" not in os.environ:  # LOGS=1 shows the server's log lines
    logging.disable(logging.CRITICAL)
LOG: list[str] = []
app = Sanic("ws_events")
case = sys.argv[1]
seen = {}


@app.signal(Event.WEBSOCKET_HANDLER_BEFORE)
async def before(request, websocket):
    seen["before"] = websocket
    LOG.append(f"before open={getattr(websocket.ws_proto.state, 'name', None)}")
    if case == "send_before":
        try:
            await websocket.send("from-before")
            LOG.append("before sent")
        except Exception as e:
            LOG.append(f"before send raised {type(e).__name__}: {e}")
    if case == "raise_before":
        raise RuntimeError("before-boom")
    if case == "return_before":
        return "value"


@app.signal(Event.WEBSOCKET_HANDLER_AFTER)
async def after(request, websocket):
    LOG.append(f"after open={getattr(websocket.ws_proto.state, 'name', None)}")
    if case == "raise_after":
        raise RuntimeError("after-boom")


@app.signal(Event.WEBSOCKET_HANDLER_EXCEPTION)
async def exc(request, websocket, exception):
    LOG.append(f"exception {type(exception).__name__}: {exception}")
    if case == "raise_exc":
        raise RuntimeError("exc-boom")


@app.signal(Event.HTTP_HANDLER_AFTER)
async def h_after(request):
    LOG.append("http.handler.after")


@app.signal(Event.HTTP_LIFECYCLE_EXCEPTION)
async def lc_exc(request, exception):
    LOG.append(f"lifecycle.exception {type(exception).__name__}: {exception}")


@app.exception(Exception)
async def on_exc(request, exception):
    LOG.append(f"error handler {type(exception).__name__}: {exception}")
    raise exception


@app.websocket("/ws")
async def ws(request, ws: Websocket):
    LOG.append(f"handler same={seen.get('before') is ws}")
    if case == "raise_exc":
        raise ValueError("handler-boom")
    await ws.send("from-handler")


async def mimic(ws):
    got = []
    try:
        for _ in range(3):
            got.append(await asyncio.wait_for(ws.recv(), 1))
    except Exception as e:
        got.append(f"{type(e).__name__} {e}")
    LOG.append(f"client got {got}")


try:
    app.test_client.websocket("/ws", mimic=mimic)
except Exception as e:
    LOG.append(f"test client raised {type(e).__name__}")
for line in LOG:
    print(line)
