# ruff: noqa
"""Snippet probe (see README "Websocket API in depth"): run under each interpreter,
from this folder: `PYTHON snippetN.py`, and diff the outputs."""
import asyncio, sys, socket, threading
from sanic import Sanic
from sanic.response import text
from sanic.views import HTTPMethodView
app = Sanic("S")
OUT = []
def drive(paths):
    from websockets.sync.client import connect
    from websockets.exceptions import ConnectionClosed, InvalidStatus
    import time
    res = []
    for p in paths:
        try:
            with connect(f"ws://127.0.0.1:{PORT}{p}", open_timeout=3, close_timeout=3) as ws:
                got = []
                try:
                    for _ in range(5): got.append(ws.recv(timeout=2))
                except ConnectionClosed as e:
                    got.append(f"closed {e.rcvd.code if e.rcvd else None}")
                except TimeoutError: got.append("timeout")
                res.append(f"{p}: {got}")
        except InvalidStatus as e:
            res.append(f"{p}: status {e.response.status_code} {bytes(e.response.body[:70])!r}")
        except Exception as e:
            res.append(f"{p}: err {type(e).__name__} {e}")
    return res
PORT = 18000 + (hash(sys.executable) % 1000)
def run(paths):
    @app.after_server_start
    async def go(app):
        loop = asyncio.get_running_loop()
        r = await loop.run_in_executor(None, drive, paths)
        await asyncio.sleep(0.3)
        print("\n".join(r + OUT), flush=True)
        app.stop()
    try:
        app.run(port=PORT, single_process=True, access_log=False)
    except BaseException as e:
        print("RUN", type(e).__name__, e)
