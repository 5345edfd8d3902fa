# ruff: noqa: F841  (a throw-away probe, kept as it ran)
import asyncio

from sanic import Sanic

app = Sanic("WsBig")
app.config.WEBSOCKET_MAX_SIZE = 100
@app.websocket("/waiting")
async def waiting(request, ws):
    first = await ws.recv()
    try:
        await asyncio.sleep(3)     # busy elsewhere
        await ws.send("after sleep")
        r = await ws.recv()
        print("APP recv got", len(r) if r else r, flush=True)
    except Exception as e:
        print("APP", type(e).__name__, e, flush=True)
@app.websocket("/recv")
async def recv(request, ws):
    try:
        r = await ws.recv()
        print("APP recv got", len(r) if r else r, flush=True)
    except Exception as e:
        print("APP", type(e).__name__, e, flush=True)
