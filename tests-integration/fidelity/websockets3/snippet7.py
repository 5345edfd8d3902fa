# ruff: noqa
"""Snippet probe (see README "Websocket API in depth"): run under each interpreter,
from this folder: `PYTHON snippetN.py`, and diff the outputs."""
from snippet_base import *  # noqa: F403
async def attempt(c):
    try: return f"ok {await c!r}"
    except BaseException as e: return f"{type(e).__name__}: {e}"
@app.websocket("/pp")
async def pp(request, ws):
    a = await ws.ping(b"a")
    b = await ws.ping(b"b")
    c = await ws.ping(b"c")
    OUT.append("b " + await attempt(asyncio.wait_for(asyncio.shield(b), 2)))
    OUT.append(f"a done={a.done()} c done={c.done()}")
    OUT.append("recv " + await attempt(ws.recv(timeout=2)))
    OUT.append(f"a done={a.done()} c done={c.done()}")

def rawdrive():
    import socket, time, struct
    s = socket.create_connection(("127.0.0.1", PORT), 3)
    s.sendall(b"GET /pp HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
    time.sleep(0.5)
    s.sendall(struct.pack("!BB", 0x8A, 0x80 | 1) + b"\0\0\0\0" + b"b")
    time.sleep(0.5)
    s.sendall(struct.pack("!BB", 0x81, 0x80 | 1) + b"\0\0\0\0" + b"m")
    time.sleep(0.5)
    s.sendall(struct.pack("!BB", 0x88, 0x80 | 2) + b"\0\0\0\0" + struct.pack("!H", 1000))
    time.sleep(0.5)
    return b""

@app.after_server_start
async def go2(app):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, rawdrive)
    await asyncio.sleep(0.3)
    print("\n".join(OUT), flush=True)
    app.stop()
app.run(port=PORT, single_process=True, access_log=False)
