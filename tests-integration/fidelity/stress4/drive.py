"""Fourth round of misbehaving-client probes: python drive.py hurtle|sanic [SCENARIO ...].

Each scenario starts `app.py` single process on its own port (config from `S4_*`),
drives it over raw loopback sockets, prints what it saw, then stops the server with
SIGTERM to its PID and prints the exit status, the time to exit and any log lines.
HURTLE_PY / SANIC_PY pick the interpreters. Every loop is bounded in count and time.
"""

import contextlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
HUR = os.environ.get("HURTLE_PY", os.path.join(HERE, "../../../.venv/bin/python"))
REF = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
SCRATCH = os.environ.get("S4_SCRATCH", "/tmp/stress4")
os.makedirs(SCRATCH, exist_ok=True)
QUIET = ("Starting worker", "Goin' Fast", "Sanic v", "mode:", "server:", "python:",
         "platform:", "packages:", "auto-reload", "Hurtle v", "Stopping worker")


class Server:
    def __init__(self, which, port, **cfg):
        self.port = port
        self.logf = os.path.join(SCRATCH, f"log-{which}-{port}.txt")
        env = {**os.environ, "S4_PORT": str(port), **{f"S4_{k}": str(v) for k, v in cfg.items()}}
        self.proc = subprocess.Popen(
            [HUR if which == "hurtle" else REF, os.path.join(HERE, "app.py")],
            stdout=open(self.logf, "w"), stderr=subprocess.STDOUT, env=env, cwd=SCRATCH,
            start_new_session=True)  # Sanic kills its process group at a second signal
        deadline = time.monotonic() + 30
        while True:
            try:
                self.stats()
                break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError("server did not start") from None
                time.sleep(0.1)
        time.sleep(1)  # Sanic installs its signal handlers after it answers

    tls = None

    def conn(self, rcvbuf=None):
        s = socket.socket()
        if rcvbuf:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        s.settimeout(10)
        s.connect(("127.0.0.1", self.port))
        if self.tls:
            s = self.tls.wrap_socket(s, server_hostname="localhost")
        return s

    def get(self, path):
        s = self.conn()
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = read_all(s)
        s.close()
        return data

    def stats(self):
        return json.loads(self.get("/stats").split(b"\r\n\r\n", 1)[1])

    def short(self):
        s = self.stats()
        return f"fds={s['fds']} tasks={s['tasks']} rss={s['rss_kb'] // 1024}MB"

    def stop(self):
        t = time.monotonic()
        os.kill(self.proc.pid, signal.SIGTERM)
        try:
            rc = self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.kill(self.proc.pid, signal.SIGKILL)
            rc = "KILLED"
            self.proc.wait(5)
        took = time.monotonic() - t
        with open(self.logf) as f:
            lines = [ln.rstrip() for ln in f if ln.strip() and not any(q in ln for q in QUIET)]
        return rc, took, lines


def read_all(s, limit=60.0):
    data = b""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        try:
            c = s.recv(1 << 20)
        except (TimeoutError, ConnectionResetError) as e:
            return data + f"<{type(e).__name__}>".encode()
        if not c:
            break
        data += c
    return data


def tail(data):
    return data.rsplit(b"\r\n", 1)[-1][:20]


def status_of(data):
    return data.split(b"\r\n", 1)[0][:40].decode(errors="replace") if data else "<nothing>"


def wait_closed(s, limit):
    """Seconds until the server closed `s` (EOF or reset), discarding what arrives."""
    t = time.monotonic()
    s.setblocking(False)
    got = 0
    while time.monotonic() - t < limit:
        r, _, _ = select.select([s], [], [], 0.05)
        if r:
            try:
                c = s.recv(1 << 20)
            except ConnectionResetError:
                return time.monotonic() - t, got, "reset"
            if not c:
                return time.monotonic() - t, got, "EOF"
            got += len(c)
    return None, got, "open"


PORT = [int(os.environ.get("S4_BASEPORT", "28400"))]


def server(which, **cfg):
    PORT[0] += 1
    return Server(which, PORT[0], **cfg)


def finish(srv, out):
    rc, took, lines = srv.stop()
    out.append(f"SIGTERM: exit {rc} after {took:.1f}s")
    out.extend("  log: " + ln[:160] for ln in lines[:12])
    if len(lines) > 12:
        out.append(f"  log: ... {len(lines)} lines")


# --- scenarios -------------------------------------------------------------------


def s_halfclose(which, out):
    """A full request then shutdown(SHUT_WR): the whole response must still arrive."""
    srv = server(which)
    for path in ("/big/8388608", "/respond", "/sleep/0.5"):
        s = srv.conn()
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        s.shutdown(socket.SHUT_WR)
        time.sleep(1.0)  # let the server stall on the full buffers first
        d = read_all(s, 20)
        head, _, body = d.partition(b"\r\n\r\n")
        close = b"connection: close" in head.lower()
        out.append(f"{path}: {status_of(d)} body {len(body)} bytes, close field {close}")
        s.close()
    time.sleep(0.5)
    out.append(f"after: {srv.short()} ev={srv.stats()['ev']}")
    finish(srv, out)


def s_trickle_body(which, out):
    """A plain route's body trickled, then stalled (REQUEST_TIMEOUT=1, RESPONSE_TIMEOUT=2)."""
    srv = server(which, REQUEST_TIMEOUT=1, RESPONSE_TIMEOUT=2, KEEP_ALIVE_TIMEOUT=5)
    s = srv.conn()
    t = time.monotonic()
    s.sendall(b"POST /plain HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n\r\n")
    for _ in range(12):
        time.sleep(0.4)
        try:
            s.sendall(b"a")
        except OSError as e:
            out.append(f"trickle: send failed {type(e).__name__} at {time.monotonic() - t:.1f}s")
            break
    d = read_all(s, 10)
    out.append(f"trickle 12 bytes / 0.4s: {status_of(d)} after {time.monotonic() - t:.1f}s")
    s.close()
    for label, first in (("stall after head", b""), ("stall after 5 bytes", b"aaaaa")):
        s = srv.conn()
        t = time.monotonic()
        s.sendall(b"POST /plain HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n\r\n" + first)
        d = read_all(s, 10)
        out.append(f"{label}: {status_of(d)} after {time.monotonic() - t:.1f}s")
        s.close()
    # a chunked body trickled one chunk at a time
    s = srv.conn()
    t = time.monotonic()
    s.sendall(b"POST /plain HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
    for _ in range(8):
        time.sleep(0.4)
        s.sendall(b"1\r\na\r\n")
    s.sendall(b"0\r\n\r\n")
    d = read_all(s, 3)
    out.append(f"chunked 8 chunks / 0.4s: {status_of(d)} {tail(d)!r} after {time.monotonic() - t:.1f}s")
    s.close()
    time.sleep(0.3)
    out.append(f"after: {srv.short()} ev={srv.stats()['ev']}")
    finish(srv, out)


def s_expect_stall(which, out):
    """`Expect: 100-continue` then no body; a body over REQUEST_MAX_SIZE announced; a
    stream route whose body stalls (REQUEST_TIMEOUT=1, RESPONSE_TIMEOUT=2)."""
    srv = server(which, REQUEST_TIMEOUT=1, RESPONSE_TIMEOUT=2, KEEP_ALIVE_TIMEOUT=5,
                 REQUEST_MAX_SIZE=1000)
    cases = [
        ("expect, no body (plain)", b"POST /plain HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
         b"Content-Length: 5\r\n\r\n"),
        ("expect, no body (stream)", b"POST /slowstream HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
         b"Content-Length: 5\r\n\r\n"),
        ("stream, 2 of 5 bytes", b"POST /slowstream HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nab"),
        ("Content-Length over the limit", b"POST /plain HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\nab"),
        ("chunked over the limit, then stall", b"POST /plain HTTP/1.1\r\nHost: x\r\n"
         b"Transfer-Encoding: chunked\r\n\r\n7d0\r\n" + b"a" * 1500),
    ]
    for label, raw in cases:
        s = srv.conn()
        t = time.monotonic()
        s.sendall(raw)
        d = read_all(s, 15)
        statuses = [ln.decode() for ln in d.split(b"\r\n") if ln.startswith(b"HTTP/1.1")]
        out.append(f"{label}: {statuses} closed after {time.monotonic() - t:.1f}s")
        s.close()
    time.sleep(0.3)
    out.append(f"after: {srv.short()} ev={srv.stats()['ev'][-4:]}")
    finish(srv, out)


def s_slow_stream(which, out):
    """A 40 MB upload sent as fast as possible to a stream handler reading slowly."""
    for q in (100, 2):
        srv = server(which, REQUEST_BUFFER_QUEUE_SIZE=q, RESPONSE_TIMEOUT=60,
                     REQUEST_MAX_SIZE=200_000_000)
        base = srv.stats()["rss_kb"]
        size = 20 << 20
        s = srv.conn()
        s.sendall(b"POST /slowstream HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: %d\r\n\r\n" % size)
        peak = [0]
        stop = threading.Event()

        def sample(srv=srv, peak=peak, stop=stop):
            while not stop.is_set():
                with contextlib.suppress(OSError, ValueError):
                    peak[0] = max(peak[0], srv.stats()["rss_kb"])
                time.sleep(0.3)

        th = threading.Thread(target=sample)
        th.start()
        t = time.monotonic()
        chunk = b"u" * (1 << 20)
        sent = 0
        s.settimeout(20)
        try:
            for _ in range(20):
                s.sendall(chunk)
                sent += len(chunk)
        except OSError as e:
            out.append(f"q={q}: send {type(e).__name__} after {sent >> 20} MB")
        d = read_all(s, 30)
        stop.set()
        th.join()
        out.append(f"q={q}: {status_of(d)} {tail(d)!r} after "
                   f"{time.monotonic() - t:.1f}s, RSS peak +{(peak[0] - base) // 1024} MB")
        s.close()
        # the same, the client reset at 10 MB
        s = srv.conn()
        s.sendall(b"POST /slowstream HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: %d\r\n\r\n" % size)
        for _ in range(10):
            s.sendall(chunk)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\0\0\0\0\0\0\0")
        s.close()
        time.sleep(3)
        st = srv.stats()
        out.append(f"q={q} reset at 10 MB, 3 s later: fds={st['fds']} tasks={st['tasks']} ev={st['ev'][-2:]}")
        finish(srv, out)


def s_headers(which, out):
    """Many header fields, cookies and query parameters (default limits, then raised)."""
    for limit in (None, 1 << 20):
        cfg = {"REQUEST_MAX_HEADER_SIZE": limit} if limit else {}
        srv = server(which, **cfg)
        base = srv.stats()["rss_kb"]
        cases = [
            ("1,300 fields", b"".join(b"a: b\r\n" for _ in range(1300)), b"/headers"),
            ("7,000 fields", b"".join(b"a%d: b\r\n" % i for i in range(7000)), b"/headers"),
            ("2,000 cookies in one line", b"Cookie: " + b"; ".join(b"c%d=v" % i for i in range(2000)) + b"\r\n", b"/headers"),
            ("2,000 cookie lines", b"".join(b"Cookie: c%d=v\r\n" % i for i in range(2000)), b"/headers"),
            ("1,500 query params", b"", b"/headers?" + b"&".join(b"a=%d" % i for i in range(1500))),
        ]
        if limit:
            cases += [
                ("60,000 fields", b"".join(b"a%d: b\r\n" % i for i in range(60000)), b"/headers"),
                ("60,000 cookies", b"Cookie: " + b"; ".join(b"c%d=v" % i for i in range(60000)) + b"\r\n", b"/headers"),
                ("60,000 query params", b"", b"/headers?" + b"&".join(b"a%d=%d" % (i, i) for i in range(60000))),
            ]
        for label, fields, target in cases:
            s = srv.conn()
            t = time.monotonic()
            try:
                s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\n" + fields + b"Connection: close\r\n\r\n")
            except OSError as e:
                out.append(f"  ({type(e).__name__} while sending)")
            d = read_all(s, 20)
            body = d.partition(b"\r\n\r\n")[2][:60]
            out.append(f"limit={limit} {label} ({len(fields) + len(target)} B): {status_of(d)} {body!r} {time.monotonic() - t:.2f}s")
            s.close()
        out.append(f"  RSS +{(srv.stats()['rss_kb'] - base) // 1024} MB")
        finish(srv, out)


def s_chunk_ext(which, out):
    """A chunk-size line whose extension keeps growing, trickled 4 KB every 20 ms."""
    srv = server(which, REQUEST_TIMEOUT=3, RESPONSE_TIMEOUT=3)
    s = srv.conn()
    t = time.monotonic()
    s.sendall(b"POST /plain HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=")
    sent = 0
    err = ""
    for _ in range(1000):  # up to 4 MB, 20 s
        r, _, _ = select.select([s], [], [], 0.02)
        if r:
            break
        try:
            s.sendall(b"e" * 4096)
            sent += 4096
        except OSError as e:
            err = type(e).__name__
            break
    d = read_all(s, 5)
    out.append(f"extension: {status_of(d)} after {sent // 1024} KB, {time.monotonic() - t:.1f}s {err}")
    s.close()
    out.append(f"after: {srv.short()}")
    finish(srv, out)


def ws_connect(srv, path, rcvbuf=None):
    s = srv.conn(rcvbuf=rcvbuf)
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    h = b""
    while b"\r\n\r\n" not in h:
        h += s.recv(1)
    return s, status_of(h)


def s_ws_nonreader(which, out):
    """A websocket client that never reads while the handler sends 1 MB (or 1 KB) messages."""
    srv = server(which, WEBSOCKET_PING_INTERVAL=100)
    for size in (1 << 20, 1024):
        base = srv.stats()
        s, st = ws_connect(srv, f"/wspush?size={size}", rcvbuf=4096)
        time.sleep(4)
        mid = srv.stats()
        out.append(f"size={size}: {st}; after 4 s RSS +{(mid['rss_kb'] - base['rss_kb']) // 1024} MB, "
                   f"tasks {base['tasks']} -> {mid['tasks']}")
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\0\0\0\0\0\0\0")
        s.close()
        time.sleep(1.5)
        st2 = srv.stats()
        out.append(f"  reset, 1.5 s later: fds {base['fds']} -> {st2['fds']} tasks -> {st2['tasks']} ev={st2['ev'][-1:]}")
    s, _ = ws_connect(srv, "/wspush?size=65536", rcvbuf=4096)
    time.sleep(1)
    out.append("SIGTERM with a non-reading websocket client:")
    finish(srv, out)
    s.close()


def s_ws_pingflood(which, out):
    """A websocket client sending pings (or small messages) as fast as it can, reading nothing."""
    import struct

    srv = server(which, WEBSOCKET_PING_INTERVAL=100)
    for kind in ("ping", "text"):
        base = srv.stats()
        s, st = ws_connect(srv, "/wsread", rcvbuf=4096)
        opcode = 0x89 if kind == "ping" else 0x81
        payload = b"p" * 125
        frame = bytes([opcode, 0x80 | 125]) + b"\0\0\0\0" + payload  # zero mask
        burst = frame * 8000  # 1 MB
        s.setblocking(False)
        sent = 0
        t = time.monotonic()
        stalled = None
        while time.monotonic() - t < 10 and sent < (200 << 20):
            try:
                n = s.send(burst)
                sent += n
                if n < len(burst):
                    burst2 = burst[n:]
                    while burst2 and time.monotonic() - t < 10:
                        _, w, _ = select.select([], [s], [], 0.5)
                        if not w:
                            break
                        burst2 = burst2[s.send(burst2):]
                        sent += 0
            except BlockingIOError:
                _, w, _ = select.select([], [s], [], 0.5)
                if not w and stalled is None:
                    stalled = time.monotonic() - t
                    break
            except OSError as e:
                out.append(f"  {kind}: {type(e).__name__}")
                break
        mid = srv.stats()
        out.append(f"{kind} flood: {st}; {sent >> 20} MB sent in {time.monotonic() - t:.1f}s"
                   f" (stalled at {stalled}), RSS +{(mid['rss_kb'] - base['rss_kb']) // 1024} MB,"
                   f" tasks {base['tasks']} -> {mid['tasks']}")
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()
        time.sleep(1.5)
        st2 = srv.stats()
        out.append(f"  reset, 1.5 s later: fds {base['fds']} -> {st2['fds']}, tasks -> {st2['tasks']},"
                   f" RSS +{(st2['rss_kb'] - base['rss_kb']) // 1024} MB, ev={st2['ev'][-1:]}")
    finish(srv, out)


def s_tiny_chunks(which, out):
    """A chunked body of one-byte chunks (24 MB on the wire, 4M chunks) to a plain route and
    to a slow stream route, sent as fast as the server takes it; RSS sampled meanwhile."""
    srv = server(which, RESPONSE_TIMEOUT=120, REQUEST_BUFFER_QUEUE_SIZE=2)
    for path in os.environ.get("S4_TINY_PATHS", "/plain /slowstream").split():
        base = srv.stats()["rss_kb"]
        s = srv.conn()
        s.sendall(b"POST %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n" % path.encode())
        peak = [0]
        stop = threading.Event()

        def sample(srv=srv, peak=peak, stop=stop):
            while not stop.is_set():
                with contextlib.suppress(OSError, ValueError):
                    peak[0] = max(peak[0], srv.stats()["rss_kb"])
                time.sleep(0.3)

        th = threading.Thread(target=sample)
        th.start()
        t = time.monotonic()
        burst = b"1\r\na\r\n" * (1 << 18)  # 1.5 MB, 262,144 chunks
        s.settimeout(30)
        sent = 0
        try:
            for _ in range(16):
                s.sendall(burst)
                sent += 1
            s.sendall(b"0\r\n\r\n")
        except OSError as e:
            out.append(f"{path}: send {type(e).__name__} after {sent * 1.5:.0f} MB")
        d = read_all(s, 60)
        stop.set()
        th.join()
        out.append(f"{path}: {status_of(d)} {tail(d)!r} after {time.monotonic() - t:.1f}s,"
                   f" RSS peak +{(peak[0] - base) // 1024} MB, after +{(srv.stats()['rss_kb'] - base) // 1024} MB")
        s.close()
    finish(srv, out)


def s_shutdown_inflight(which, out):
    """SIGTERM while requests that can finish within GRACEFUL_SHUTDOWN_TIMEOUT=4 are in flight."""
    srv = server(which, GRACEFUL_SHUTDOWN_TIMEOUT=4)
    held = {}
    s = srv.conn()
    s.sendall(b"GET /sleep/1.5 HTTP/1.1\r\nHost: x\r\n\r\nGET /sleep/0.1 HTTP/1.1\r\nHost: x\r\n\r\n")
    held["1.5 s handler + pipelined request"] = s
    s = srv.conn()
    s.sendall(b"GET /paced HTTP/1.1\r\nHost: x\r\n\r\n")
    held["2 s paced stream"] = s
    s = srv.conn()
    s.sendall(b"POST /plain HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nabc")
    held["body finished during the grace"] = s
    s = srv.conn()
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.1)
    s.recv(4096)
    held["keep-alive, next request during the grace"] = s
    s = srv.conn()
    s.sendall(b"GET /sleep/1.0 HTTP/1.1\r\nHost: x\r\n\r\n")
    held["1 s handler, next request after it"] = s
    s, _ = ws_connect(srv, "/wsread")
    held["websocket, reading"] = s
    time.sleep(0.3)
    rc_holder = {}
    th = threading.Thread(target=lambda: rc_holder.update(r=srv.stop()))
    th.start()
    t = time.monotonic()
    time.sleep(0.5)
    with contextlib.suppress(OSError):
        held["body finished during the grace"].sendall(b"def")
    with contextlib.suppress(OSError):
        held["keep-alive, next request during the grace"].sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    with contextlib.suppress(OSError):
        held["websocket, reading"].sendall(bytes([0x81, 0x82, 0, 0, 0, 0]) + b"hi")
    second_sent = False
    got = {k: b"" for k in held}
    results = {}
    pend = dict(held)
    for s in held.values():
        s.settimeout(0.5)
    while pend and time.monotonic() - t < 12:
        if not second_sent and time.monotonic() - t > 1.2:
            second_sent = True
            with contextlib.suppress(OSError):
                held["1 s handler, next request after it"].sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        r, _, _ = select.select(list(pend.values()), [], [], 0.1)
        for s in r:
            k = next(k for k, v in pend.items() if v is s)
            try:
                c = s.recv(1 << 20)
            except (ConnectionResetError, TimeoutError):
                c = None
            if not c:
                n = got[k].count(b"HTTP/1.1 ")
                cl = b"connection: close" in got[k].lower()
                results[k] = (f"{'reset' if c is None else 'EOF'} at {time.monotonic() - t:.1f}s,"
                              f" {n} responses ({status_of(got[k])}), close field {cl}, {len(got[k])} B")
                del pend[k]
            else:
                got[k] += c
    th.join()
    for k in held:
        out.append(f"{k}: {results.get(k, 'still open at 12 s')}")
    rc, took, lines = rc_holder["r"]
    out.append(f"SIGTERM: exit {rc} after {took:.1f}s")
    out.extend("  log: " + ln[:160] for ln in lines[:15])
    for s in held.values():
        s.close()


def tls_server(which, **cfg):
    import ssl

    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("localhost")
    cf, kf = os.path.join(SCRATCH, "cert.pem"), os.path.join(SCRATCH, "key.pem")
    cert.private_key_and_cert_chain_pem.write_to_path(cf)
    cert.private_key_pem.write_to_path(kf)
    os.environ["S4_TLS"] = f"{cf}:{kf}"
    Server.tls = ssl.create_default_context()
    Server.tls.check_hostname = False
    Server.tls.verify_mode = ssl.CERT_NONE
    try:
        return server(which, **cfg)
    finally:
        del os.environ["S4_TLS"]


def s_tls(which, out):
    """Over TLS: slow readers, a non-reading websocket client, half-close, resets."""
    import struct

    srv = tls_server(which, RESPONSE_TIMEOUT=5, WEBSOCKET_PING_INTERVAL=100)
    try:
        for path in ("/respond", "/big/8388608", "ws"):
            base = srv.stats()
            if path == "ws":
                s, st = ws_connect(srv, "/wspush?size=65536", rcvbuf=4096)
            else:
                s = srv.conn(rcvbuf=4096)
                s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            time.sleep(3)
            mid = srv.stats()
            out.append(f"{path} not read 3 s: RSS +{(mid['rss_kb'] - base['rss_kb']) // 1024} MB,"
                       f" tasks {base['tasks']} -> {mid['tasks']}, ev={mid['ev'][-1:]}")
            socket.socket.setsockopt(s, socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            socket.socket.close(s)
            s.close()
            time.sleep(1.5)
            st2 = srv.stats()
            out.append(f"  reset, 1.5 s later: fds {base['fds']} -> {st2['fds']}, tasks -> {st2['tasks']},"
                       f" RSS +{(st2['rss_kb'] - base['rss_kb']) // 1024} MB, ev={st2['ev'][-1:]}")
        for path in ("/sleep/0.5", "/big/2000000"):
            s = srv.conn()
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            socket.socket.shutdown(s, socket.SHUT_WR)  # a TCP FIN without close_notify
            d = read_all(s, 10)
            body = d.partition(b"\r\n\r\n")[2]
            out.append(f"half-close {path}: {status_of(d)}, {len(body)} body bytes")
            s.close()
        time.sleep(0.5)
        out.append(f"after: {srv.short()} ev={srv.stats()['ev'][-3:]}")
    finally:
        Server.tls = None
    finish(srv, out)


def s_shutdown_stubborn(which, out):
    """SIGTERM (GRACEFUL_SHUTDOWN_TIMEOUT=2) with a handler that swallows its cancellation;
    then SIGTERM with GRACEFUL_SHUTDOWN_TIMEOUT=0 and a 1 s handler in flight."""
    for grace, path in ((2, "/stubborn"), (0, "/sleep/1.0")):
        srv = server(which, GRACEFUL_SHUTDOWN_TIMEOUT=grace)
        s = srv.conn()
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        time.sleep(0.3)
        t = time.monotonic()
        th = threading.Thread(target=lambda srv=srv: out.append(("stop", srv.stop())))
        th.start()
        s.settimeout(25)
        d = read_all(s, 25)
        out.append(f"grace={grace} {path}: client got {status_of(d)} at {time.monotonic() - t:.1f}s")
        th.join()
        rc, took, lines = next(x for x in out if isinstance(x, tuple))[1]
        out[:] = [x for x in out if not isinstance(x, tuple)]
        out.append(f"SIGTERM: exit {rc} after {took:.1f}s")
        out.extend("  log: " + ln[:160] for ln in lines[:12])
        s.close()


def s_many_slow(which, out):
    """200 clients that never read a `respond()` stream and 200 that never read a 1 MB body;
    a separate client times `GET /` meanwhile; then all reset. Three rounds."""
    srv = server(which, RESPONSE_TIMEOUT=60)
    base = srv.stats()
    for rnd in (1, 2, 3):
        many_slow_round(srv, base, rnd, out)
    finish(srv, out)


def many_slow_round(srv, base, rnd, out):
    import struct

    socks = []
    for i in range(400):
        s = srv.conn(rcvbuf=4096)
        s.sendall(b"GET /respond HTTP/1.1\r\nHost: x\r\n\r\n" if i % 2 else
                  b"GET /big/1048576 HTTP/1.1\r\nHost: x\r\n\r\n")
        socks.append(s)
    time.sleep(2)
    worst = 0.0
    for _ in range(20):
        t = time.monotonic()
        srv.get("/")
        worst = max(worst, time.monotonic() - t)
    mid = srv.stats()
    out.append(f"round {rnd}: 400 stalled: RSS +{(mid['rss_kb'] - base['rss_kb']) // 1024} MB, fds {base['fds']} -> {mid['fds']},"
               f" tasks {base['tasks']} -> {mid['tasks']}; 20 GET / worst {worst * 1000:.0f} ms")
    for s in socks:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        s.close()
    time.sleep(2)
    st = srv.stats()
    out.append(f"all reset, 2 s later: RSS +{(st['rss_kb'] - base['rss_kb']) // 1024} MB, fds {st['fds']},"
               f" tasks {st['tasks']}, respond events {sum('respond' in e for e in st['ev'])} of the last 30")


def s_double_signal(which, out):
    """A second SIGTERM (or SIGINT) 1 s (S4_SECOND_AFTER) into the grace, a 2 s handler in
    flight (GRACEFUL_SHUTDOWN_TIMEOUT=6)."""
    for sig in (signal.SIGTERM, signal.SIGINT):
        srv = server(which, GRACEFUL_SHUTDOWN_TIMEOUT=6)
        s = srv.conn()
        s.sendall(b"GET /sleep/2.0 HTTP/1.1\r\nHost: x\r\n\r\n")
        time.sleep(0.3)
        t = time.monotonic()
        os.kill(srv.proc.pid, sig)
        time.sleep(float(os.environ.get("S4_SECOND_AFTER", "1.0")))
        with contextlib.suppress(ProcessLookupError):
            os.kill(srv.proc.pid, sig)
        d = read_all(s, 10)
        got = f"client got {status_of(d)} at {time.monotonic() - t:.1f}s"
        try:
            rc = srv.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.kill(srv.proc.pid, signal.SIGKILL)
            rc = "KILLED"
            srv.proc.wait(5)
        out.append(f"{sig.name} twice: {got}; exit {rc} after {time.monotonic() - t:.1f}s")
        with open(srv.logf) as f:
            lines = [ln.rstrip() for ln in f if ln.strip() and not any(q in ln for q in QUIET)]
        out.extend("  log: " + ln[:160] for ln in lines[:10])
        s.close()


def s_ws_idle_many(which, out):
    """200 websocket clients that never answer pings (WEBSOCKET_PING_INTERVAL and
    WEBSOCKET_PING_TIMEOUT 1 s): when each is closed, what is left, what is logged."""
    srv = server(which, WEBSOCKET_PING_INTERVAL=1, WEBSOCKET_PING_TIMEOUT=1)
    base = srv.stats()
    socks = []
    t = time.monotonic()
    for _ in range(200):
        s, _st = ws_connect(srv, "/wsread")
        socks.append(s)
    opened = time.monotonic() - t
    closed = []
    pend = {s.fileno(): s for s in socks}
    for s in socks:
        s.setblocking(False)
    while pend and time.monotonic() - t < 15:
        r, _, _ = select.select(list(pend), [], [], 0.1)
        for fd in r:
            try:
                c = pend[fd].recv(65536)
            except ConnectionResetError:
                c = b""
            if not c:
                closed.append(time.monotonic() - t)
                del pend[fd]
    time.sleep(0.5)
    st = srv.stats()
    out.append(f"opened in {opened:.1f}s; {len(closed)} closed by the server, "
               f"{min(closed, default=0):.1f}-{max(closed, default=0):.1f}s after the first; "
               f"still open {len(pend)}; fds {base['fds']} -> {st['fds']}, tasks -> {st['tasks']}")
    for s in socks:
        s.close()
    rc, took, lines = srv.stop()
    out.append(f"SIGTERM: exit {rc} after {took:.1f}s; {len(lines)} log lines, "
               f"{sum('pong' in ln for ln in lines)} about the pong")
    out.extend("  log: " + ln[:160] for ln in lines[:3])


def s_slow_progress(which, out):
    """A client reading an 8 MB body at about 400 KB/s (`raw`, `respond()`) with
    KEEP_ALIVE_TIMEOUT=1 and RESPONSE_TIMEOUT=3: is a reader that makes progress cut?"""
    srv = server(which, KEEP_ALIVE_TIMEOUT=1, RESPONSE_TIMEOUT=3)
    for path in ("/big/8388608", "/respond"):
        s = srv.conn(rcvbuf=65536)
        t = time.monotonic()
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        got = 0
        end = "open at 40 s"
        s.settimeout(1)
        while time.monotonic() - t < 40:
            try:
                c = s.recv(40000)
            except TimeoutError:
                continue
            except ConnectionResetError:
                end = "reset"
                break
            if not c:
                end = "EOF"
                break
            got += len(c)
            if got > 8_400_000 and path == "/big/8388608":
                end = "whole"
                break
            time.sleep(0.1)
        out.append(f"{path}: {end} after {time.monotonic() - t:.1f}s, {got} bytes read")
        s.close()
    time.sleep(0.5)
    out.append(f"after: {srv.short()} ev={srv.stats()['ev'][-2:]}")
    finish(srv, out)


def s_idle_many(which, out):
    """800 connections: 400 that never send, 400 idle after one request; KEEP_ALIVE_TIMEOUT=2."""
    srv = server(which, KEEP_ALIVE_TIMEOUT=2, REQUEST_TIMEOUT=4)
    base = srv.stats()
    socks = []
    t = time.monotonic()
    for i in range(800):
        s = srv.conn()
        if i % 2:
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        socks.append(s)
    for i, s in enumerate(socks):
        if i % 2:
            d = b""
            while b"ok" not in d:
                d += s.recv(4096)
    t_last = time.monotonic()
    mid = srv.stats()
    closed = {}
    pending = {s.fileno(): (i, s) for i, s in enumerate(socks)}
    for s in socks:
        s.setblocking(False)
    while pending and time.monotonic() - t_last < 12:
        r, _, _ = select.select(list(pending), [], [], 0.1)
        for fd in r:
            i, s = pending[fd]
            try:
                c = s.recv(4096)
            except ConnectionResetError:
                c = b""
            if not c:
                closed[i] = time.monotonic() - t_last
                del pending[fd]
    never = sorted(v for i, v in closed.items() if not i % 2)
    after = sorted(v for i, v in closed.items() if i % 2)

    def span(v):
        return f"{len(v)} closed, {v[0]:.2f}-{v[-1]:.2f}s" if v else "none closed"

    out.append(f"opened in {t_last - t:.1f}s; fds {base['fds']} -> {mid['fds']}, tasks {base['tasks']} -> {mid['tasks']}")
    out.append(f"never sent: {span(never)}; after a request: {span(after)}; still open {len(pending)}")
    for s in socks:
        s.close()
    time.sleep(0.5)
    out.append(f"after: {srv.short()}")
    finish(srv, out)


def s_slow_reader_timeouts(which, out):
    """A client that never reads a 1 MB or 8 MB response (RESPONSE_TIMEOUT=6, KEEP_ALIVE_TIMEOUT=2)."""
    srv = server(which, RESPONSE_TIMEOUT=6, KEEP_ALIVE_TIMEOUT=2, GRACEFUL_SHUTDOWN_TIMEOUT=3)
    base = srv.stats()
    for path in ("/big/1048576", "/big/8388608", "/respond"):
        s = srv.conn(rcvbuf=4096)
        t = time.monotonic()
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        fds = []
        for _ in range(6):
            time.sleep(2)
            fds.append(srv.stats()["fds"])
        took, got, how = wait_closed(s, 10)
        tt = f"{time.monotonic() - t:.1f}s" if took is not None else "never (16 s)"
        out.append(f"{path}: server fds every 2 s {fds} (base {base['fds']}); drained then {how} at {tt}, read {got}")
        s.close()
    time.sleep(0.5)
    out.append(f"after: {srv.short()} ev={srv.stats()['ev']}")
    finish(srv, out)


def s_shutdown_all(which, out):
    """SIGTERM with all of the above in flight (GRACEFUL_SHUTDOWN_TIMEOUT=3)."""
    srv = server(which, GRACEFUL_SHUTDOWN_TIMEOUT=3, RESPONSE_TIMEOUT=60, KEEP_ALIVE_TIMEOUT=60,
                 REQUEST_TIMEOUT=60, REQUEST_BUFFER_QUEUE_SIZE=2, REQUEST_MAX_SIZE=200_000_000)
    held = {}
    s = srv.conn(rcvbuf=4096)
    s.sendall(b"GET /respond HTTP/1.1\r\nHost: x\r\n\r\n")
    held["slow reader /respond"] = s
    s = srv.conn(rcvbuf=4096)
    s.sendall(b"GET /big/8388608 HTTP/1.1\r\nHost: x\r\n\r\n")
    held["slow reader /big 8 MB"] = s
    s = srv.conn()
    s.sendall(b"GET /sleep/1.5 HTTP/1.1\r\nHost: x\r\n\r\n")
    held["in-flight 1.5 s handler"] = s
    s = srv.conn()
    s.sendall(b"GET /sleep/1.5 HTTP/1.1\r\nHost: x\r\n\r\n")
    s.shutdown(socket.SHUT_WR)
    held["half-closed 1.5 s handler"] = s
    s = srv.conn()
    s.sendall(b"POST /plain HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
    held["body stalled"] = s
    s = srv.conn()
    s.sendall(b"POST /slowstream HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n")
    s.setblocking(False)
    with contextlib.suppress(BlockingIOError):
        for _ in range(20):
            s.send(b"u" * (1 << 20))
    held["stream upload, reading paused"] = s
    s = srv.conn()
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.1)
    s.recv(4096)
    held["idle keep-alive"] = s
    held["never sent"] = srv.conn()
    held["half a head"] = srv.conn()
    held["half a head"].sendall(b"GET / HTTP/1.1\r\nHo")
    ws, _ = ws_connect(srv, "/wspush?size=65536", rcvbuf=4096)
    held["websocket non-reader"] = ws
    time.sleep(0.5)
    rc_holder = {}

    def stop():
        rc_holder["r"] = srv.stop()

    th = threading.Thread(target=stop)
    th.start()
    t = time.monotonic()
    for s in held.values():
        s.setblocking(True)
        s.settimeout(0.5)
    results = {}
    pend = dict(held)
    got = {k: b"" for k in held}
    while pend and time.monotonic() - t < 15:
        r, _, _ = select.select(list(pend.values()), [], [], 0.1)
        for s in r:
            k = next(k for k, v in pend.items() if v is s)
            try:
                c = s.recv(1 << 20)
            except (ConnectionResetError, TimeoutError):
                c = None
            if not c:
                results[k] = f"{'reset' if c is None else 'EOF'} at {time.monotonic() - t:.1f}s, {status_of(got[k])}, {len(got[k])} B"
                del pend[k]
            else:
                got[k] += c
    th.join()
    for k in held:
        out.append(f"{k}: {results.get(k, 'still open at 15 s')}")
    rc, took, lines = rc_holder["r"]
    out.append(f"SIGTERM: exit {rc} after {took:.1f}s")
    out.extend("  log: " + ln[:160] for ln in lines[:15])
    for s in held.values():
        s.close()


SCENARIOS = {k[2:]: v for k, v in globals().items() if k.startswith("s_")}

if __name__ == "__main__":
    which = sys.argv[1]
    for name in sys.argv[2:] or SCENARIOS:
        out = []
        t = time.monotonic()
        try:
            SCENARIOS[name](which, out)
        except Exception as e:  # a probe's failure is a result
            out.append(f"PROBE ERROR {type(e).__name__}: {e}")
        print(f"== {which} {name} ({time.monotonic() - t:.0f}s)")
        for ln in out:
            print("  " + ln)
        sys.stdout.flush()
