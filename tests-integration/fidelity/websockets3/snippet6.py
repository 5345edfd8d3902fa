# ruff: noqa
"""Snippet probe (see README "Websocket API in depth"): run under each interpreter,
from this folder: `PYTHON snippetN.py`, and diff the outputs."""
from snippet_base import *  # noqa: F403
async def attempt(c):
    try: return f"ok {await c!r}"
    except BaseException as e: return f"{type(e).__name__}: {e}"
@app.websocket("/dup")
async def dup(request, ws):
    f1 = await ws.ping(b"same")
    OUT.append("dup_second " + await attempt(ws.ping(b"same")))
    OUT.append("f1 " + await attempt(asyncio.wait_for(f1, 2)))
    f3 = await ws.ping("str")
    OUT.append("f3 " + await attempt(asyncio.wait_for(f3, 2)))
    f4 = await ws.ping(b"")
    OUT.append("f4 " + await attempt(asyncio.wait_for(f4, 2)))
    OUT.append(f"ping_ret_done {f4.done()} {f4.result() if f4.done() else ''}")
    await ws.send("done")
@app.websocket("/nopong")
async def nopong(request, ws):
    f = await ws.ping(b"np")
    OUT.append("nopong_wait " + await attempt(asyncio.wait_for(asyncio.shield(f), 1.5)))
    OUT.append(f"nopong_after {f.done()} {f.cancelled() if f.done() else ''} {f.exception() if f.done() and not f.cancelled() else ''}")
    OUT.append("recv " + await attempt(ws.recv(timeout=2)))
    await asyncio.sleep(0.3)
    OUT.append(f"nopong_final {f.done()} {f.cancelled() if f.done() else ''} {type(f.exception()).__name__ if f.done() and not f.cancelled() and f.exception() else ''}")

def rawdrive():
    import socket, time, struct
    s = socket.create_connection(("127.0.0.1", PORT), 3)
    s.sendall(b"GET /nopong HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
    time.sleep(2.0)
    s.sendall(struct.pack("!BB", 0x88, 0x80 | 2) + b"\0\0\0\0" + struct.pack("!H", 1000))
    s.settimeout(3)
    data = b""
    try:
        while True:
            d = s.recv(4096)
            if not d: break
            data += d
    except Exception as e: data += f"<{type(e).__name__}>".encode()
    return data.split(b"\r\n\r\n", 1)[1]

@app.after_server_start
async def go2(app):
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, rawdrive)
    OUT.append(f"raw after head {r!r}")
run(["/dup"])
