"""Serve ws3_app.py under real Sanic and under this tree; diff what clients and handlers see.

    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python \
        .venv/bin/python tests-integration/fidelity/websockets3/ws3_compare.py [-v]

Not a test (CI has no Sanic). The client is the ``websockets`` library and raw sockets.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
PYS = {
    "sanic": os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python"),
    "hurtle": os.environ.get("HURTLE_PY", str(ROOT / ".venv/bin/python")),
}


async def ws_case(port, path, sends=(), subprotocols=None, n=12):
    got = []
    try:
        async with connect(
            f"ws://127.0.0.1:{port}{path}", open_timeout=3, close_timeout=3,
            subprotocols=subprotocols,
        ) as ws:
            for s in sends:
                await ws.send(s)
            try:
                for _ in range(n):
                    got.append(await asyncio.wait_for(ws.recv(), 3))
            except ConnectionClosed as e:
                rc = e.rcvd
                got.append(f"closed rcvd={rc.code if rc else None} {rc.reason if rc else ''!r}")
            except TimeoutError:
                got.append("timeout")
            got.append(f"subproto={ws.subprotocol}")
    except InvalidStatus as e:
        r = e.response
        got.append(f"status {r.status_code} {r.body[:80]!r}")
    except Exception as e:
        got.append(f"err {type(e).__name__} {e}")
    return got


async def raw(port, req: bytes):
    r, w = await asyncio.open_connection("127.0.0.1", port)
    w.write(req)
    try:
        data = await asyncio.wait_for(r.read(4096), 3)
    except TimeoutError:
        data = b"<timeout>"
    w.close()
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    keep = [x.lower() for x in lines[1:] if x.split(":")[0].lower()
            in ("content-type", "upgrade", "allow", "sec-websocket-version", "connection")]
    return [lines[0], sorted(keep), body[:120].decode("latin-1")]


def scenarios():
    up = ("Upgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n")
    out = [
        ("params", lambda p: ws_case(p, "/params/al%20ice/42")),
        ("named", lambda p: ws_case(p, "/named")),
        ("strict_slash", lambda p: ws_case(p, "/strict/")),
        ("strict_noslash", lambda p: ws_case(p, "/strict")),
        ("loose_slash", lambda p: ws_case(p, "/loose/")),
        ("loose_noslash", lambda p: ws_case(p, "/loose")),
        ("versioned", lambda p: ws_case(p, "/v3/v")),
        ("versioned_plain", lambda p: ws_case(p, "/v")),
        ("added_p2", lambda p: ws_case(p, "/added", subprotocols=["p2"])),
        ("added_none", lambda p: ws_case(p, "/added")),
        ("added_other", lambda p: ws_case(p, "/added", subprotocols=["zz"])),
        ("callable", lambda p: ws_case(p, "/callable")),
        ("ret_str", lambda p: ws_case(p, "/ret_str")),
        ("ret_resp", lambda p: ws_case(p, "/ret_resp")),
        ("raise", lambda p: ws_case(p, "/raise")),
        ("raise_lookup", lambda p: ws_case(p, "/raise_lookup")),
        ("mw_deny", lambda p: ws_case(p, "/mw_deny")),
        ("mw_raise", lambda p: ws_case(p, "/mw_raise")),
        ("methods", lambda p: ws_case(p, "/methods", sends=["m1"], n=20)),
        ("echo_timeout", lambda p: ws_case(p, "/echo_timeout", sends=["a", b"b"])),
        ("bp", lambda p: ws_case(p, "/v2/bp/w")),
        ("missing", lambda p: ws_case(p, "/nope")),
        ("cfg", lambda p: raw(p, b"GET /cfg HTTP/1.1\r\nHost: x\r\n\r\n")),
        ("plain_get", lambda p: raw(p, b"GET /named HTTP/1.1\r\nHost: x\r\n\r\n")),
        ("plain_post", lambda p: raw(p, b"POST /named HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")),
        ("upgrade_post", lambda p: raw(p, b"POST /named HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n" + up.encode() + b"\r\n")),
        ("plain_head", lambda p: raw(p, b"HEAD /named HTTP/1.1\r\nHost: x\r\n\r\n")),
        ("plain_options", lambda p: raw(p, b"OPTIONS /named HTTP/1.1\r\nHost: x\r\n\r\n")),
        ("plain_get_param", lambda p: raw(p, b"GET /params/a/x HTTP/1.1\r\nHost: x\r\n\r\n")),
    ]
    for code in (1000, 1001, 1003, 1004, 1005, 1006, 1011, 1012, 1015, 0, 999, 2999, 3000, 4999, 5000, 70000):
        out.append((f"close_{code}", lambda p, c=code: ws_case(p, f"/close/{c}")))
    return out


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


async def run_one(kind, results):
    port = free_port()
    notes = Path(tempfile.mkstemp(prefix=f"ws3_{kind}_")[1])
    env = dict(os.environ, WS3_OUT=str(notes))
    proc = subprocess.Popen(  # noqa: ASYNC220  (a probe: the loop waits for it anyway)
        [PYS[kind], str(HERE / "ws3_app.py"), str(port)], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=HERE,
    )
    try:
        for _ in range(150):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                await asyncio.sleep(0.1)
        for name, fn in scenarios():
            seen = len(notes.read_text().splitlines())  # noqa: ASYNC240
            client = await fn(port)
            await asyncio.sleep(0.3)
            handler = notes.read_text().splitlines()[seen:]  # noqa: ASYNC240
            results.setdefault(name, {})[kind] = {"client": client, "handler": handler}
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        results.setdefault("_log", {})[kind] = [
            line for line in err.decode().splitlines()
            if any(w in line for w in ("Error", "Exception", "error", "Warning"))
        ]
        notes.unlink()  # noqa: ASYNC240


async def main():
    results: dict = {}
    await asyncio.gather(run_one("sanic", results), run_one("hurtle", results))
    same = 0
    for name, r in results.items():
        s, h = r.get("sanic"), r.get("hurtle")
        if s == h:
            same += 1
            if "-v" in sys.argv:
                print(f"SAME {name}: {s}")
            continue
        print(f"DIFF {name}\n   sanic : {s}\n   hurtle: {h}")
    print(f"{same} same, {len(results) - same} different")


if __name__ == "__main__":
    asyncio.run(main())
