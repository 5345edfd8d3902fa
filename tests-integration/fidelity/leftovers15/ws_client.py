# ruff: noqa: E702  (a throw-away probe, kept as it ran)
import asyncio
import sys
import time

from websockets.asyncio.client import connect


async def main(port, path):
    t0 = time.monotonic()
    async with connect(f"ws://127.0.0.1:{port}{path}", max_size=None) as ws:
        if path == "/waiting":
            await ws.send("hi")
        await ws.send("x" * 200)
        try:
            while True:
                m = await asyncio.wait_for(ws.recv(), 6)
                print(f"  client got {m!r} at {time.monotonic()-t0:.1f}s")
        except Exception as e:
            print(f"  client: {type(e).__name__} {e} at {time.monotonic()-t0:.1f}s")
for path in ("/recv", "/waiting"):
    print(path); asyncio.run(main(int(sys.argv[1]), path))
