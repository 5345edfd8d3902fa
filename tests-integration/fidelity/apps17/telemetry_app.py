"""A device telemetry ingester over websockets (written for this round): ``async for
message in ws`` reading text and binary frames, fragmented messages reassembled, client
pings answered by the server, a summary sent back for ``flush``, ``ws.send`` of a ``dict``
(the app's mistake: a ``TypeError`` ends the handler), ``ws.ping()`` from the server,
``WEBSOCKET_MAX_SIZE`` at 4096, the handler returning on ``bye`` (the server closes with
1000), and ``/devices`` over HTTP."""

import struct

from sanic import Sanic
from sanic.response import json

app = Sanic("telemetry")
app.config.WEBSOCKET_MAX_SIZE = 4096
DEVICES = {}


@app.websocket("/ingest/<device>")
async def ingest(request, ws, device):
    stats = DEVICES.setdefault(device, {"text": 0, "binary": 0, "bytes": 0, "last": None})
    async for message in ws:
        if isinstance(message, bytes):
            stats["binary"] += 1
            stats["bytes"] += len(message)
            if len(message) >= 8:
                (value,) = struct.unpack("!d", message[:8])
                stats["last"] = value
            continue
        stats["text"] += 1
        if message == "flush":
            await ws.send(f"{device}: text={stats['text']} binary={stats['binary']} "
                          f"bytes={stats['bytes']} last={stats['last']}")
        elif message == "ping-me":
            await ws.ping(b"srv")
            await ws.send("pinged")
        elif message == "dict":
            await ws.send({"not": "allowed"})
        elif message == "bye":
            await ws.send("see you")
            return
        else:
            stats["bytes"] += len(message.encode())


@app.get("/devices")
async def devices(request):
    return json(DEVICES)
