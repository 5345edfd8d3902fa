"""Fifth round of misbehaving-client probes: python drive.py hurtle|sanic [SCENARIO ...].

Each scenario starts `app.py` single process on its own port (config from `S5_*`),
drives it over raw loopback sockets, prints what `/stats` saw (descriptors, Tasks, RSS and
the live objects of the server's per-connection types) before and after, then stops the
server with SIGTERM to its PID and prints the exit status and any log lines.
HURTLE_PY / SANIC_PY pick the interpreters. Every loop is bounded in count and time.
"""

import base64
import importlib.util
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("stress4_drive", os.path.join(HERE, "../stress4/drive.py"))
_s4 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_s4)
read_all, status_of, wait_closed = _s4.read_all, _s4.status_of, _s4.wait_closed

HUR = os.environ.get("HURTLE_PY", os.path.join(HERE, "../../../.venv/bin/python"))
REF = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
SCRATCH = os.environ.get("S5_SCRATCH", "/tmp/stress5")
os.makedirs(SCRATCH, exist_ok=True)
N = int(os.environ.get("S5_N", "200"))
QUIET = ("Starting worker", "Goin' Fast", "Sanic v", "mode:", "server:", "python:",
         "platform:", "packages:", "auto-reload", "Hurtle v", "Stopping worker")
PORT = [int(os.environ.get("S5_BASEPORT", "28600"))]


class Out(list):
    """Lines printed as they come (a hang still shows how far a scenario got)."""

    def append(self, line):
        print("  " + line, flush=True)
        super().append(line)


class Server:
    def __init__(self, which, **cfg):
        PORT[0] += 1
        self.port = PORT[0]
        self.logf = os.path.join(SCRATCH, f"log-{which}-{self.port}.txt")
        env = {**os.environ, "S5_PORT": str(self.port), "S5_SCRATCH": SCRATCH,
               **{f"S5_{k}": str(v) for k, v in cfg.items()}}
        self.proc = subprocess.Popen(
            [HUR if which == "hurtle" else REF, os.path.join(HERE, "app.py")],
            stdout=open(self.logf, "w"), stderr=subprocess.STDOUT, env=env, cwd=SCRATCH,
            start_new_session=True)
        deadline = time.monotonic() + 30
        while True:
            try:
                self.stats()
                break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError("server did not start") from None
                time.sleep(0.1)
        time.sleep(1)

    def conn(self, rcvbuf=None):
        s = socket.socket()
        if rcvbuf:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        s.settimeout(10)
        s.connect(("127.0.0.1", self.port))
        return s

    def get(self, path):
        s = self.conn()
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = read_all(s)
        s.close()
        return data

    def stats(self):
        return json.loads(self.get("/stats").split(b"\r\n\r\n", 1)[1])

    def stop(self):
        os.kill(self.proc.pid, signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.kill(self.proc.pid, signal.SIGKILL)
            rc = "KILLED"
            self.proc.wait(5)
        with open(self.logf) as f:
            lines = [ln.rstrip() for ln in f if ln.strip() and not any(q in ln for q in QUIET)]
        return rc, lines


def finish(srv, out):
    rc, lines = srv.stop()
    out.append(f"SIGTERM: exit {rc}; {len(lines)} log lines")
    for ln in lines[:20]:
        out.append(f"  | {ln}")
    return out


def short(st):
    objs = " ".join(f"{k}={v}" for k, v in sorted(st["objs"].items()))
    extra = f" traced={st['traced_kb']}KB" if "traced_kb" in st else ""
    return f"fds={st['fds']} tasks={st['tasks']} rss={st['rss_kb'] // 1024}MB {objs}{extra}"


def rst(s):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


def head(path, method="GET", extra=""):
    return f"{method} {path} HTTP/1.1\r\nHost: x\r\n{extra}\r\n".encode()


WS_KEY = base64.b64encode(b"0123456789abcdef").decode()
WS_HEAD = head("/ws", extra=f"Upgrade: websocket\r\nConnection: Upgrade\r\n"
                             f"Sec-WebSocket-Key: {WS_KEY}\r\nSec-WebSocket-Version: 13\r\n")


def frame(opcode, payload, fin=True):
    mask = b"\x01\x02\x03\x04"
    b0 = (0x80 if fin else 0) | opcode
    n = len(payload)
    hdr = bytes([b0, 0x80 | n]) if n < 126 else bytes([b0, 0x80 | 126]) + struct.pack("!H", n)
    return hdr + mask + bytes(c ^ mask[i % 4] for i, c in enumerate(payload))


def read_head(s, limit=5.0):
    data = b""
    end = time.monotonic() + limit
    while b"\r\n\r\n" not in data and time.monotonic() < end:
        c = s.recv(65536)
        if not c:
            break
        data += c
    return data


# One rude client each; `s` is a fresh connection, the function leaves it closed.
def mid_head_fin(s):
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-A: ")
    s.close()


def mid_body_rst(s):
    s.sendall(head("/plain", "POST", "Content-Length: 100000\r\n") + b"a" * 5000)
    time.sleep(0.002)
    rst(s)


def mid_chunked_fin(s):
    s.sendall(head("/plain", "POST", "Transfer-Encoding: chunked\r\n") + b"10\r\n0123456789")
    s.close()


def mid_chunked_rst(s):
    s.sendall(head("/plain", "POST", "Transfer-Encoding: chunked\r\n") + b"5\r\nhello\r\n3")
    time.sleep(0.002)
    rst(s)


def mid_stream_resp(s):
    s.sendall(head("/respond"))
    read_head(s)
    rst(s)


def mid_file_range(s):
    s.sendall(head("/file", extra="Range: bytes=1000-7000000\r\n"))
    read_head(s)
    rst(s)


def mid_file_stream_range(s):
    s.sendall(head("/file_stream", extra="Range: bytes=1000-7000000\r\n"))
    read_head(s)
    rst(s)


def mid_static_range(s):
    s.sendall(head("/static/big.bin", extra="Range: bytes=1000-7000000\r\n"))
    read_head(s)
    rst(s)


def mid_static_ranges(s):
    s.sendall(head("/static/big.bin", extra="Range: bytes=0-99, 5000000-7999999\r\n"))
    read_head(s)
    rst(s)


def mid_ws_handshake(s):
    s.sendall(WS_HEAD[: len(WS_HEAD) // 2])
    s.close()


def ws_mid_fragment(s):
    s.sendall(WS_HEAD)
    read_head(s)
    s.sendall(frame(0x1, b"first half ", fin=False) + frame(0x0, b"more", fin=False))
    time.sleep(0.002)
    rst(s)


def ws_mid_fragment_fin(s):
    s.sendall(WS_HEAD)
    read_head(s)
    s.sendall(frame(0x1, b"first half ", fin=False))
    s.close()


def mid_receive_body(s):
    s.sendall(head("/recv", "POST", "Content-Length: 100000\r\n") + b"b" * 3000)
    time.sleep(0.005)
    rst(s)


def mid_receive_body_chunked(s):
    s.sendall(head("/recv", "POST", "Transfer-Encoding: chunked\r\n") + b"3\r\nabc\r\n")
    time.sleep(0.005)
    s.close()


def during_response_mw(s):
    s.sendall(head("/mw"))
    time.sleep(0.01)
    rst(s)


def halfclose_mw(s):
    s.sendall(head("/mw"))
    s.shutdown(socket.SHUT_WR)
    data = read_all(s, 5)
    s.close()
    return status_of(data)


RUDE = {f.__name__: f for f in (
    mid_head_fin, mid_body_rst, mid_chunked_fin, mid_chunked_rst, mid_stream_resp, mid_file_range,
    mid_file_stream_range, mid_static_range, mid_static_ranges,
    mid_ws_handshake, ws_mid_fragment, ws_mid_fragment_fin, mid_receive_body,
    mid_receive_body_chunked, during_response_mw, halfclose_mw)}


def scen_rude(which, names):
    """N connections of each rude kind; objects and resources before and after."""
    srv = Server(which)
    out = Out()
    out.append(f"start {short(srv.stats())}")
    for name in names or RUDE:
        t = time.monotonic()
        seen: dict = {}
        for _ in range(N):
            r = RUDE[name](srv.conn())
            if r is not None:
                seen[r] = seen.get(r, 0) + 1
        time.sleep(1.0)
        st = srv.stats()
        out.append(f"{name:26} {time.monotonic() - t:5.1f}s {short(st)} {seen or ''}")
        evs = {}
        for e in st["ev"]:
            k = e.split(" ", 1)[1]
            k = " ".join(w for w in k.split() if not w.isdigit())
            evs[k] = evs.get(k, 0) + 1
        if evs:
            out.append(f"    events (last 40): {evs}")
    time.sleep(1)
    out.append(f"end   {short(srv.stats())}")
    return finish(srv, out)


def scen_resp_timeout(which, _):
    """RESPONSE_TIMEOUT firing on N handlers at once (connections kept), then the same
    with clients resetting just as it fires."""
    srv = Server(which, RESPONSE_TIMEOUT=1)
    out = Out()
    out.append(f"start {short(srv.stats())}")
    socks = []
    for _ in range(N):
        s = srv.conn()
        s.sendall(head("/sleep/3.0"))
        socks.append(s)
    statuses: dict = {}
    for s in socks:
        st = status_of(read_head(s))
        statuses[st] = statuses.get(st, 0) + 1
    out.append(f"responses: {statuses}")
    time.sleep(0.5)
    out.append(f"after 503s (connections open) {short(srv.stats())}")
    for s in socks:
        s.close()
    socks = []
    for _ in range(N):
        s = srv.conn()
        s.sendall(head("/sleep/3.0"))
        socks.append(s)
    time.sleep(0.97)
    for s in socks:
        rst(s)
    time.sleep(3)
    out.append(f"after resets near the timeout {short(srv.stats())}")
    return finish(srv, out)


def scen_pipeline(which, _):
    """100 requests in one packet: GETs, Content-Length POSTs, chunked POSTs, mixed."""
    srv = Server(which)
    out = Out()
    out.append(f"start {short(srv.stats())}")
    kinds = {
        "get": lambda i: head(f"/?i={i}"),
        "cl": lambda i: head("/echo", "POST", f"X-I: {i}\r\nContent-Length: {i}\r\n") + b"c" * i,
        "chunked": lambda i: head("/echo", "POST", f"X-I: {i}\r\nTransfer-Encoding: chunked\r\n")
        + (f"{i:x}\r\n".encode() + b"k" * i + b"\r\n" if i else b"") + b"0\r\n\r\n",
    }
    kinds["mixed"] = lambda i: list(kinds.values())[i % 3](i)
    for name, mk in kinds.items():
        s = srv.conn()
        s.sendall(b"".join(mk(i) for i in range(100)) + head("/", extra="Connection: close\r\n"))
        data = read_all(s, 20)
        s.close()
        n = data.count(b"HTTP/1.1 200")
        bodies = [p.split(b"\r\n\r\n", 1)[1][:12] for p in data.split(b"HTTP/1.1 ")[1:]]
        ok = all(b.startswith(f"{i} {i}".encode()) for i, b in enumerate(bodies[:100])
                 if name in ("cl", "chunked") or (name == "mixed" and i % 3))
        out.append(f"{name:8} 200s={n} in order={ok} bytes={len(data)}")
    out.append(f"end   {short(srv.stats())}")
    return finish(srv, out)


def scen_pipeline_rude(which, _):
    """100 pipelined requests then a half-close, a FIN or a reset, 20 connections each."""
    srv = Server(which)
    out = Out()
    out.append(f"start {short(srv.stats())}")
    batch = b"".join(head(f"/sleep/0.01?i={i}") for i in range(100))
    post = b"".join(head("/echo", "POST", f"X-I: {i}\r\nContent-Length: 3\r\n") + b"abc"
                    for i in range(100))
    for name, data, end in (("get+shut_wr", batch, "shut"), ("post+shut_wr", post, "shut"),
                            ("get+close", batch, "close"), ("get+rst", batch, "rst")):
        got: dict = {}
        for _ in range(20):
            s = srv.conn()
            s.sendall(data)
            if end == "shut":
                s.shutdown(socket.SHUT_WR)
                r = read_all(s, 10)
                k = (r.count(b"HTTP/1.1 200"), r.count(b"connection: close"))
                got[k] = got.get(k, 0) + 1
                s.close()
            elif end == "close":
                s.close()
            else:
                time.sleep(0.1)
                rst(s)
        time.sleep(2)
        st = srv.stats()
        evs: dict = {}
        for e in st["ev"]:
            k = e.split(" ", 1)[1]
            evs[k] = evs.get(k, 0) + 1
        out.append(f"{name:12} (200s, close) {got} {short(st)} events(last 40) {evs}")
    return finish(srv, out)


def ws_open(srv):
    s = srv.conn()
    s.sendall(WS_HEAD)
    assert b" 101 " in read_head(s)
    return s


def ws_read_close(s, limit=20.0):
    """Everything until the server closes; the close code of its close frame (or None)."""
    s.settimeout(limit)
    data = read_all(s, limit)
    i = data.find(b"\x88")
    code = struct.unpack("!H", data[i + 2:i + 4])[0] if i >= 0 and len(data) >= i + 4 else None
    return data, code


def scen_ws_frags(which, _):
    """A text message in many one-byte fragments (echoed), one that passes
    WEBSOCKET_MAX_SIZE only through its fragments, and one that never ends."""
    srv = Server(which, WEBSOCKET_MAX_SIZE=1 << 20)
    out = Out()
    out.append(f"start {short(srv.stats())}")
    for n in (1000, 100_000):
        s = ws_open(srv)
        t = time.monotonic()
        one = frame(0x0, b"a", fin=False)
        s.sendall(frame(0x1, b"a", fin=False) + one * (n - 2) + frame(0x0, b"a"))
        s.settimeout(30)
        got = b""
        while len(got) < n + 4 and time.monotonic() - t < 30:
            c = s.recv(1 << 20)
            if not c:
                break
            got += c
        took = time.monotonic() - t
        out.append(f"{n} fragments echoed: {len(got) - 4 if len(got) >= n else len(got)} bytes "
                   f"in {took:.2f}s; {short(srv.stats())}")
        rst(s)
    s = ws_open(srv)
    t = time.monotonic()
    piece = frame(0x0, b"b" * 60000, fin=False)
    try:
        s.sendall(frame(0x1, b"b" * 60000, fin=False) + piece * 20)
    except OSError as e:
        out.append(f"send stopped: {type(e).__name__}")
    _, code = ws_read_close(s, 10)
    out.append(f"fragments past 1 MB: close code {code} after {time.monotonic() - t:.2f}s")
    s.close()
    s = ws_open(srv)
    s.sendall(frame(0x1, b"c" * 1000, fin=False) + frame(0x0, b"c" * 1000, fin=False))
    time.sleep(1)
    out.append(f"never-ending message held: {short(srv.stats())}")
    rst(s)
    time.sleep(1)
    out.append(f"end   {short(srv.stats())}")
    return finish(srv, out)


def scen_cycles(which, _):
    """Cyclic garbage per request and per connection: automatic collection off, then
    what one collection finds after keep-alive requests, new connections, websockets,
    resets mid-body and 503s."""
    out = Out()
    cases = {
        "1000 keep-alive GET /": lambda srv: keepalive(srv, 1000, head("/")),
        "1000 keep-alive POST /echo": lambda srv: keepalive(
            srv, 1000, head("/echo", "POST", "Content-Length: 3\r\n") + b"abc"),
        "1000 connections GET /": lambda srv: [srv.get("/") for _ in range(1000)],
        "300 connections reset mid-body": lambda srv: [mid_body_rst(srv.conn()) for _ in range(300)],
        "300 streams reset": lambda srv: [mid_stream_resp(srv.conn()) for _ in range(300)],
        "300 websockets reset mid-message": lambda srv: [ws_mid_fragment(srv.conn())
                                                        for _ in range(300)],
        "300 404s": lambda srv: [srv.get("/nope") for _ in range(300)],
        "300 500s": lambda srv: [srv.get("/raise") for _ in range(300)],
    }
    for name, run in cases.items():
        srv = Server(which)
        srv.get("/gc/off")
        run(srv)
        time.sleep(0.5)
        r = json.loads(srv.get("/gc/count").split(b"\r\n\r\n", 1)[1])
        b = " ".join(f"{k}={v}" for k, v in sorted(r["before"].items()))
        out.append(f"{name:34} unreachable={r['unreachable']:6} before collect: {b}")
        srv.stop()
    return out


def keepalive(srv, n, req):
    s = srv.conn()
    for _ in range(n // 100):
        s.sendall(req * 100)
        buf = b""
        while buf.count(b"HTTP/1.1 ") < 100:
            buf += s.recv(1 << 20)
    s.close()


def scen_promoted(which, _):
    """Connections that live through collections (so are promoted), then close: with a
    heap of a million long-lived objects, how many closed ones stay until a full
    collection."""
    srv = Server(which)
    srv.get("/gc/ballast?n=1000000")
    out = Out()
    req = head("/")
    for rnd in range(4):
        socks = [srv.conn() for _ in range(800)]
        for _ in range(5):
            for s in socks:
                s.sendall(req)
            for s in socks:
                read_head(s)
        for s in socks:
            s.close()
        time.sleep(0.5)
        p = json.loads(srv.get("/gc/peek").split(b"\r\n\r\n", 1)[1])
        out.append(f"round {rnd}: 800 connections x 5 requests, closed: alive Http="
                   f"{p['objs'].get('Http')} Request={p['objs'].get('Request')} "
                   f"rss={p['rss_kb'] // 1024}MB")
    out.append(f"after gc.collect() {short(srv.stats())}")
    return finish(srv, out)


def scen_halfclose_body(which, _):
    """A request whose head or body is cut short by the client's FIN (SHUT_WR)."""
    srv = Server(which, RESPONSE_TIMEOUT=3, REQUEST_TIMEOUT=2)
    out = Out()
    out.append(f"start {short(srv.stats())}")
    cases = (
        ("plain CL short", head("/plain", "POST", "Content-Length: 100\r\n") + b"x" * 10),
        ("stream CL short", head("/recv", "POST", "Content-Length: 100\r\n") + b"x" * 10),
        ("plain chunked no end", head("/plain", "POST", "Transfer-Encoding: chunked\r\n")
         + b"a\r\n0123456789\r\n"),
        ("stream chunked no end", head("/recv", "POST", "Transfer-Encoding: chunked\r\n")
         + b"a\r\n0123456789\r\n"),
        ("head without end", b"GET / HTTP/1.1\r\nHost: x\r\n"),
        ("expect, no body", head("/plain", "POST", "Content-Length: 100\r\nExpect: 100-continue\r\n")),
    )
    for name, data in cases:
        s = srv.conn()
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        t = time.monotonic()
        r = read_all(s, 8)
        s.close()
        out.append(f"{name:24} {status_of(r):26} closed after {time.monotonic() - t:.2f}s")
    time.sleep(1)
    st = srv.stats()
    out.append(f"end   {short(st)} events {[e.split(' ', 1)[1] for e in st['ev']]}")
    return finish(srv, out)


def scen_keepalive10k(which, _):
    """One connection, 10,000 tiny requests; objects counted on it while it stays open."""
    srv = Server(which)
    s = srv.conn()
    out = Out()
    out.append(f"start {short(srv.stats())}")
    req = head("/")
    for rnd in range(3):
        got = 0
        for _ in range(100):
            s.sendall(req * 100)
            want = 100
            buf = b""
            while buf.count(b"HTTP/1.1 200") < want:
                buf += s.recv(1 << 20)
            got += buf.count(b"HTTP/1.1 200")
        out.append(f"round {rnd}: {got} answers; {short(srv.stats())}")
    s.close()
    return finish(srv, out)


def scen_nonreader(which, _):
    """Clients that never read a 8 MB file / file_stream / respond() with Range, then reset."""
    srv = Server(which, RESPONSE_TIMEOUT=60)
    out = Out()
    out.append(f"start {short(srv.stats())}")
    paths = (("/file_stream", "Range: bytes=0-8000000\r\n"),
             ("/file", "Range: bytes=0-8000000\r\n"), ("/respond", ""))
    only = os.environ.get("S5_NR_PATHS")
    for path, extra in [p for p in paths if not only or p[0] in only.split(",")]:
        socks = []
        for _ in range(20):
            s = srv.conn(rcvbuf=4096)
            s.sendall(head(path, extra=extra))
            socks.append(s)
        time.sleep(2)
        st = srv.stats()
        out.append(f"{path:12} 20 stalled: {short(st)}")
        for line in st.get("top", []):
            out.append(f"    {line}")
        for s in socks:
            rst(s)
        time.sleep(1)
        out.append(f"{path:12} after resets: {short(srv.stats())}")
    return finish(srv, out)


def scen_idle500(which, _):
    """500 idle connections (half after one request), KEEP_ALIVE_TIMEOUT = 2."""
    srv = Server(which, KEEP_ALIVE_TIMEOUT=2)
    out = Out()
    out.append(f"start {short(srv.stats())}")
    socks = []
    for i in range(500):
        s = srv.conn()
        if i % 2:
            s.sendall(head("/"))
            read_head(s)
        socks.append(s)
    out.append(f"500 open {short(srv.stats())}")
    closed = 0
    t = time.monotonic()
    for s in socks:
        took, _, how = wait_closed(s, max(0.1, 8 - (time.monotonic() - t)))
        closed += how != "open"
        s.close()
    out.append(f"closed by server: {closed}/500 within {time.monotonic() - t:.1f}s")
    time.sleep(0.5)
    out.append(f"end   {short(srv.stats())}")
    return finish(srv, out)


SCENARIOS = {"rude": scen_rude, "resp_timeout": scen_resp_timeout, "pipeline": scen_pipeline,
             "pipeline_rude": scen_pipeline_rude,
             "ws_frags": scen_ws_frags, "cycles": scen_cycles,
             "promoted": scen_promoted,
             "halfclose_body": scen_halfclose_body,
             "keepalive10k": scen_keepalive10k, "nonreader": scen_nonreader,
             "idle500": scen_idle500}

if __name__ == "__main__":
    which = sys.argv[1]
    args = sys.argv[2:] or list(SCENARIOS)
    rude_names = [a for a in args if a in RUDE]
    for name in [a for a in args if a in SCENARIOS] or (["rude"] if rude_names else []):
        print(f"== {which} {name}", flush=True)
        SCENARIOS[name](which, rude_names)
