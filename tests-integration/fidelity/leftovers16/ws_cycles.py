"""Probe: cyclic garbage left by finished websocket connections (Hurtle or Sanic, same app).

Run with either interpreter: python ws_cycles.py [N] [close|drop] [/ws|/once|/boom]. Serves in-process on 127.0.0.1, a raw
socket client (no client library, so no client-side objects) opens N websocket connections,
each sends one message, reads the echo, sends a close frame and reads the server's close.
With the collector off, it prints what gc.collect() then finds unreachable, by type.
"""

import asyncio
import base64
import collections
import gc
import os
import struct
import sys

from sanic import Sanic

app = Sanic("wscycles")


@app.websocket("/ws")
async def echo(request, ws):
    async for message in ws:
        await ws.send(message)


@app.websocket("/once")
async def once(request, ws):
    await ws.send(await ws.recv())  # then returns: the server closes


@app.websocket("/boom")
async def boom(request, ws):
    await ws.send(await ws.recv())
    raise ValueError("boom")  # logged, websocket.handler.exception; the server closes


def frame(opcode: int, payload: bytes) -> bytes:
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return bytes([0x80 | opcode, 0x80 | len(payload)]) + mask + masked


async def one(port: int, how: str, path: str = "/ws") -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    key = base64.b64encode(os.urandom(16)).decode()
    writer.write(
        (
            f"GET {path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    await reader.readuntil(b"\r\n\r\n")
    writer.write(frame(1, b"hello"))
    head = await reader.readexactly(2)
    await reader.readexactly(head[1] & 0x7F)
    if how == "close":
        writer.write(frame(8, struct.pack("!H", 1000)))
        await asyncio.wait_for(reader.read(100), 5)  # the server's close frame (or EOF)
    writer.close()
    await writer.wait_closed()


async def main(n: int, how: str, path: str) -> None:
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    await server.startup()
    await server.start_serving()
    port = server.server.sockets[0].getsockname()[1]
    await one(port, how, path)  # warm up (imports, caches)
    await asyncio.sleep(0.3)
    gc.collect()
    gc.disable()
    for _ in range(n):
        await one(port, how, path)
    for _ in range(50):
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.5)
    live = collections.Counter(type(o).__name__ for o in gc.get_objects()
                               if str(getattr(type(o), "__module__", "")).split(".")[0] in ("sanic", "hurtle_http", "hurtle_app", "websockets"))
    gc.set_debug(gc.DEBUG_SAVEALL)
    found = gc.collect()
    kinds = collections.Counter(type(o).__name__ for o in gc.garbage)
    print(f"{path} {how}: {n} connections -> {found} unreachable ({found / n:.1f} per connection)")
    print("  live project/websockets objects before collect:", dict(live.most_common(8)))
    after = collections.Counter(type(o).__name__ for o in gc.get_objects())
    print("  live after collect:", {k: after[k] for k in ("HttpProtocol", "Http", "Request", "WebsocketImplProtocol", "WebSocketProtocol")})
    print("  garbage types:", dict(kinds.most_common(14)))
    gc.set_debug(0)
    gc.garbage.clear()
    gc.enable()
    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    how = sys.argv[2] if len(sys.argv) > 2 else "close"
    path = sys.argv[3] if len(sys.argv) > 3 else "/ws"
    if os.environ.get("UVLOOP"):
        import uvloop

        uvloop.run(main(n, how, path))
    else:
        asyncio.run(main(n, how, path))
