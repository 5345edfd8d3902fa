"""Black-box comparison of the websocket handler API and of frames, real Sanic vs Hurtle.

    python3 compare_ws_api.py            # serve ws_api_app.py under both, diff what is seen
    python compare_ws_api.py probe PORT  # (internal) the clients, run with Hurtle's venv

Each interpreter serves ws_api_app.py on a free loopback port; the ``websockets`` client and
a raw frame writer run the scenarios; handlers note what their calls returned or raised.
``diff`` prints every scenario that differs (keys starting ``info_`` are only shown: memory).
Not a test (CI has no Sanic); each difference fixed became a pytest test.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REF_PY = os.environ.get("REF_PYTHON", "/work/ref-sanic/bin/python")
HURTLE_PY = os.environ.get("HURTLE_PYTHON", str(HERE.parent.parent / ".venv/bin/python"))
res: dict = {}
PORT = 0
U = ""


def probe(port: int) -> None:
    global PORT, U
    from websockets.asyncio.client import connect  # noqa: F401  (Hurtle's venv has it)

    PORT, U = port, f"ws://127.0.0.1:{port}"
    asyncio.run(main())
    print(json.dumps(res, default=str).replace(f":{port}", ":PORT"))


with contextlib.suppress(ImportError):  # only the probe side needs the client
    from websockets.asyncio.client import connect
    from websockets.exceptions import ConnectionClosed, InvalidStatus


async def lib(name, path, steps=None, **kw):
    try:
        async with connect(U + path, open_timeout=3, close_timeout=3, **kw) as ws:
            got = []
            if steps:
                await steps(ws, got)
            try:
                while True:
                    got.append(await asyncio.wait_for(ws.recv(), 3))
            except ConnectionClosed as e:
                got.append(
                    f"closed rcvd={e.rcvd.code if e.rcvd else None} {e.rcvd.reason if e.rcvd else ''!r}"
                )
            except TimeoutError:
                got.append("timeout")
            got.append(
                f"subproto={ws.subprotocol} ext={ws.response.headers.get('sec-websocket-extensions')}"
            )
            res[name] = got
    except InvalidStatus as e:
        res[name] = f"status {e.response.status_code} {e.response.body[:100]!r}"
    except Exception as e:
        res[name] = f"err {type(e).__name__} {e}"


class Raw:
    async def open(self, path, extra=b""):
        self.r, self.w = await asyncio.open_connection("127.0.0.1", PORT)
        self.w.write(
            f"GET {path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n".encode()
            + extra
            + b"\r\n"
        )
        head = await asyncio.wait_for(self.r.readuntil(b"\r\n\r\n"), 3)
        return head.split(b"\r\n")[0].decode()

    def send(self, first, payload, mask=True, length=None):
        n = len(payload) if length is None else length
        mb = 0x80 if mask else 0
        if n < 126:
            h = struct.pack("!BB", first, mb | n)
        elif n < 65536:
            h = struct.pack("!BBH", first, mb | 126, n)
        else:
            h = struct.pack("!BBQ", first, mb | 127, n)
        if mask:
            k = b"\x01\x02\x03\x04"
            payload = bytes(b ^ k[i % 4] for i, b in enumerate(payload))
            h += k
        self.w.write(h + payload)

    async def frames(self, n=8, t=2.0):
        out = []
        for _ in range(n):
            try:
                b1, b2 = await asyncio.wait_for(self.r.readexactly(2), t)
                ln = b2 & 0x7F
                if ln == 126:
                    ln = struct.unpack("!H", await self.r.readexactly(2))[0]
                elif ln == 127:
                    ln = struct.unpack("!Q", await self.r.readexactly(8))[0]
                p = await self.r.readexactly(ln)
            except TimeoutError:
                out.append("<timeout>")
                break
            except (asyncio.IncompleteReadError, ConnectionError) as e:
                out.append(f"<eof {type(e).__name__}>")
                break
            op = b1 & 0xF
            if op == 8:
                out.append(
                    f"close {struct.unpack('!H', p[:2])[0] if len(p) >= 2 else None} {p[2:]!r} rsv={b1 & 0x70}"
                )
                # answer then see eof
                try:
                    self.send(0x88, p[:2])
                except Exception:
                    pass
            elif op == 9:
                out.append(f"ping {p[:20]!r}")
            else:
                out.append(f"op{op} fin={b1 >> 7} {p[:60]!r}")
        return out


async def raw(name, path, fn, extra=b""):
    c = Raw()
    try:
        st = await c.open(path, extra)
        if not st.endswith("101 Switching Protocols"):
            res[name] = st
            c.w.close()
            return
        await fn(c)
        res[name] = await c.frames()
    except Exception as e:
        res[name] = f"err {type(e).__name__} {e}"
    finally:
        c.w.transport.abort()


async def main():
    await lib("api", "/api?q=1&q=2", additional_headers={"x-probe": "yes"})
    await asyncio.sleep(0.3)

    async def it(ws, got):
        await ws.send("m1")
        await ws.send(b"m2")
        got.append(await ws.recv())
        got.append(await ws.recv())
        await ws.close(1000, "bye")

    await lib("iter_close1000", "/iter", it)

    async def it2(ws, got):
        await ws.send("m1")
        got.append(await ws.recv())
        await ws.close(4000, "app close")

    await lib("iter_close4000", "/iter", it2)
    await lib("recvloop_1001", "/recvloop", lambda ws, got: ws.close(1001, "x" * 123))
    for sp in [None, ["a"], ["b", "a"], ["zz"]]:
        await lib(f"sp_{sp}", "/sp", subprotocols=sp)
    await lib("sp_on_plain", "/v2/v", subprotocols=["a"])
    await lib("version", "/v2/v")
    await lib("bp", "/v3/bpx/w")
    await lib("sanicexc", "/sanicexc")
    await lib("notfound", "/notfound")
    await lib("missing", "/nope")
    await lib("deflate", "/v2/v", compression="deflate")
    await lib("nodeflate", "/v2/v", compression=None)
    await lib("origin", "/v2/v", origin="http://evil.example")

    # raw protocol probes
    async def close_code(code, reason=b""):
        async def f(c):
            c.send(0x88, (struct.pack("!H", code) if code is not None else b"") + reason)

        return f

    for code in [1000, 1001, 4000, 1005, 999, 1006, 1015, 1004, 2999, 3000, 5000]:
        await raw(f"close_{code}", "/recvloop", await close_code(code))
    await raw("close_bad_utf8_reason", "/recvloop", await close_code(1000, b"\xff"))

    async def onebyte(c):
        c.send(0x88, b"\x03")

    await raw("close_1byte", "/recvloop", onebyte)

    async def empty(c):
        c.send(0x88, b"")

    await raw("close_empty", "/recvloop", empty)

    async def unm(c):
        c.send(0x81, b"hi", mask=False)

    await raw("unmasked", "/recvloop", unm)
    for rsv in (0x40, 0x20, 0x10):

        async def r(c, rsv=rsv):
            c.send(0x81 | rsv, b"hi")

        await raw(f"rsv_{rsv:x}", "/recvloop", r)
    for op in (3, 7, 0xB, 0xF):

        async def o(c, op=op):
            c.send(0x80 | op, b"hi")

        await raw(f"opcode_{op}", "/recvloop", o)

    async def bigping(c):
        c.send(0x89, b"p" * 126)

    await raw("ping_126", "/recvloop", bigping)

    async def fragping(c):
        c.send(0x09, b"p")
        c.send(0x80, b"q")

    await raw("ping_fragmented", "/recvloop", fragping)

    async def cont_no_start(c):
        c.send(0x80, b"q")

    await raw("cont_without_start", "/recvloop", cont_no_start)

    async def text_during_frag(c):
        c.send(0x01, b"a")
        c.send(0x81, b"b")

    await raw("text_in_fragment", "/recvloop", text_during_frag)

    async def ping_in_frag(c):
        c.send(0x01, b"a")
        c.send(0x89, b"pp")
        c.send(0x80, b"b")

    await raw("ping_in_fragment", "/recvloop", ping_in_frag)

    async def bigmsg(c):
        c.send(0x82, b"x" * 1001)

    await raw("max_size_1001", "/recvloop", bigmsg)

    async def bigfrag(c):
        c.send(0x02, b"x" * 600)
        c.send(0x80, b"x" * 600)

    await raw("max_size_frag", "/recvloop", bigfrag)

    async def exact(c):
        c.send(0x82, b"x" * 1000)

    await raw("max_size_1000", "/recvloop", exact)

    async def splitutf(c):
        c.send(0x01, b"\xe2\x82")
        c.send(0x80, b"\xac!")

    await raw("utf8_split_ok", "/recvloop", splitutf)

    async def splitbad(c):
        c.send(0x01, b"\xe2\x82")
        c.send(0x80, b"\x28!")

    await raw("utf8_split_bad", "/recvloop", splitbad)

    async def badfirst(c):
        c.send(0x01, b"\xff")
        await asyncio.sleep(0.2)
        c.send(0x80, b"ok")

    await raw("utf8_bad_first_fragment", "/recvloop", badfirst)

    async def pingflood(c):
        for i in range(2000):
            c.send(0x89, b"%d" % i)
        c.send(0x81, b"after")

    async def pf(c):
        await pingflood(c)

    c = Raw()
    await c.open("/recvloop")
    await pingflood(c)
    fr = await c.frames(2500, 3)
    res["ping_flood"] = [
        len([f for f in fr if f.startswith("op10")]),
        [f for f in fr if not f.startswith("op10")][:3],
    ]
    c.w.transport.abort()

    async def deflate_raw(c):
        c.send(0xC1, b"hi")

    await raw(
        "deflate_offered_raw",
        "/recvloop",
        deflate_raw,
        b"Sec-WebSocket-Extensions: permessage-deflate\r\n",
    )
    # rst mid-recv
    c = Raw()
    await c.open("/hold")
    await asyncio.sleep(0.2)
    s = c.w.get_extra_info("socket")
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    c.w.transport.abort()
    await asyncio.sleep(0.5)
    await extra_scenarios()


def rss() -> int:
    return int(urllib.request.urlopen(f"http://127.0.0.1:{PORT}/rss").read())


async def extra_scenarios() -> None:
    await lib("after_close", "/after_close")

    async def misuse(ws, got):
        await asyncio.sleep(0.3)

    await lib("misuse", "/misuse", misuse)
    await lib("close_long_reason", "/close_long_reason")

    async def burst(ws, got):
        got.append(await ws.recv())
        for m in ("a", "b", "c"):
            await ws.send(m)

    await lib("burst", "/burst", burst)

    async def streaming(ws, got):
        await ws.send("whole")
        await ws.send([b"x", b"y"])
        await ws.send(b"bin")

    await lib("streaming", "/streaming", streaming)
    r0 = await asyncio.to_thread(rss)
    conns = [await connect(U + "/idle", ping_interval=None) for _ in range(300)]
    await asyncio.sleep(0.5)
    res["info_rss_300_idle_kb"] = await asyncio.to_thread(rss) - r0
    for c in conns[:-1]:
        await c.close()
    await asyncio.to_thread(lambda: urllib.request.urlopen(f"http://127.0.0.1:{PORT}/stop").read())
    try:
        await asyncio.wait_for(conns[-1].recv(), 20)
    except ConnectionClosed as e:
        res["server_stop"] = f"closed rcvd={e.rcvd}"
    except TimeoutError:
        res["server_stop"] = "timeout"


def wait_port(port: int, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited {proc.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.05)
    raise TimeoutError("server did not listen")


def observe(py: str) -> dict:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "notes"
        env = {**os.environ, "WS_API_OUT": str(out), "PYTHONUNBUFFERED": "1"}
        with open(Path(tmp) / "log", "w") as logfh:
            proc = subprocess.Popen(
                [py, "ws_api_app.py", str(port)],
                cwd=HERE,
                env=env,
                stdout=logfh,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            wait_port(port, proc)
            got = subprocess.run(
                [HURTLE_PY, __file__, "probe", str(port)],
                capture_output=True,
                text=True,
                timeout=300,
            )
            obs = json.loads(got.stdout or "{}")
            if got.returncode:
                obs["probe_error"] = got.stderr[-2000:]
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
        notes = out.read_text().splitlines() if out.exists() else []
    for i, line in enumerate(notes):
        obs[f"handler_{i:02d}"] = line
    return obs


def diff() -> int:
    sanic, hurtle = observe(REF_PY), observe(HURTLE_PY)
    same = differ = 0
    for key in sorted(set(sanic) | set(hurtle)):
        a, b = sanic.get(key), hurtle.get(key)
        if key.startswith("info_"):
            print(f"INFO {key}: sanic {a}, hurtle {b}")
        elif a == b:
            same += 1
        else:
            differ += 1
            print(f"DIFF {key}\n   sanic : {json.dumps(a)}\n   hurtle: {json.dumps(b)}")
    print(f"{same} same, {differ} different")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "probe":
        probe(int(sys.argv[2]))
    else:
        sys.exit(diff())
