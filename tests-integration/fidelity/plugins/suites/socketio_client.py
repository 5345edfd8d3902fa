"""Connect to socketio_server.py over polling, websocket and polling upgraded to
websocket: connect with auth, an acknowledged call, a broadcast, 3000 bytes of binary
(``python socketio_client.py PORT``; the output is diffed between Sanic and Hurtle)."""

import asyncio
import sys

import socketio


async def run(transports):
    c = socketio.AsyncClient()
    got = []
    ev = asyncio.Event()

    @c.on("welcome")
    async def w(d):
        got.append(("welcome", sorted(d)))

    @c.on("shouted")
    async def s(d):
        got.append(("shouted", d))

    @c.on("bin")
    async def b(d):
        got.append(("bin", d))
        ev.set()

    await c.connect(
        f"http://127.0.0.1:{sys.argv[1]}", transports=transports, auth={"t": 1}, wait_timeout=5
    )
    got.append(("transport", c.transport()))
    got.append(("ack", await c.call("echo", {"x": [1, 2]}, timeout=5)))
    await c.emit("shout", "hi")
    if transports != ["polling"]:
        await c.emit("binary", b"\x00\x01\x02" * 1000)
        await asyncio.wait_for(ev.wait(), 5)
    else:
        await asyncio.sleep(1)
    await c.disconnect()
    got.sort(key=str)
    return got


async def main():
    for t in (["polling"], ["websocket"], ["polling", "websocket"]):
        try:
            r = await asyncio.wait_for(run(t), 15)
            print(t, [(k, v if k != "bin" else len(v)) for k, v in r])
        except Exception as e:
            print(t, "ERROR", type(e).__name__, e)


asyncio.run(main())
