import collections
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import socket

from probe import Server, conn, rst, smallbuf

which = sys.argv[1]
single = sys.argv[2] == "1" if len(sys.argv) > 2 else True
N = int(os.environ.get("N", "1000"))
port = 18100 + (1 if which == "hurtle" else 2) + (0 if single else 10)
srv = Server(which, port, {"S2_RESPONSE_TIMEOUT": "5"}, single)
print(which, "single" if single else "workers", "start", srv.short())
WSH = (
    b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)


def recv_head(s):
    d = b""
    while b"\r\n\r\n" not in d:
        c = s.recv(4096)
        if not c:
            break
        d += c
    return d


def halfclose(i):
    s = conn(port)
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    s.shutdown(socket.SHUT_WR)
    d = s.recv(4096)
    s.close()
    return d[:12]


def halfclose_sleep(i):
    s = conn(port)
    s.sendall(b"GET /sleep?t=0.01 HTTP/1.1\r\nHost: x\r\n\r\n")
    s.shutdown(socket.SHUT_WR)
    d = s.recv(4096)
    s.close()
    return d[:12]


def rst_midbody(i):
    s = conn(port)
    s.sendall(b"POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" + b"a" * 1000)
    time.sleep(0.001)
    rst(s)


def rst_stream(i):
    s = conn(port)
    s.sendall(b"POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" + b"a" * 1000)
    time.sleep(0.003)
    rst(s)


def rst_sleep(i):
    s = conn(port)
    s.sendall(b"GET /sleep?t=0.2 HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.003)
    rst(s)


def rst_bigstream(i):
    s = smallbuf(port)
    s.sendall(b"GET /bigstream HTTP/1.1\r\nHost: x\r\n\r\n")
    s.recv(4096)
    rst(s)


def rst_respond(i):
    s = smallbuf(port)
    s.sendall(b"GET /respond HTTP/1.1\r\nHost: x\r\n\r\n")
    s.recv(4096)
    rst(s)


def rst_bigtext(i):
    s = smallbuf(port)
    s.sendall(b"GET /bigtext HTTP/1.1\r\nHost: x\r\n\r\n")
    s.recv(4096)
    rst(s)


def rst_ws(i):
    s = conn(port)
    s.sendall(WSH)
    h = recv_head(s)
    # masked binary frame announcing 100000 bytes, send 100
    s.sendall(bytes([0x82, 0xFF]) + (100000).to_bytes(8, "big") + b"\0\0\0\0" + b"z" * 100)
    time.sleep(0.002)
    rst(s)
    return h[:12]


CASES = [
    halfclose,
    halfclose_sleep,
    rst_midbody,
    rst_stream,
    rst_sleep,
    rst_respond,
    rst_bigstream,
    rst_ws,
    rst_bigtext,
]
only = os.environ.get("ONLY")
for case in CASES:
    if only and case.__name__ not in only.split(","):
        continue
    srv.get("/clear")
    base = srv.stats()
    loglen = len(srv.logtext())
    n = N if case is not rst_bigtext else N // 10
    t = time.monotonic()
    res = collections.Counter()
    for i in range(n):
        try:
            res[str(case(i))] += 1
        except Exception as e:
            res[type(e).__name__] += 1
    dt = time.monotonic() - t
    time.sleep(1.0)
    end = srv.stats()
    evs = collections.Counter(
        " ".join(e.split()[:2] + e.split()[3:4] + e.split()[-1:]) for e in end["events"]
    )
    newlog = srv.logtext()[loglen:]
    lines = [line for line in newlog.splitlines() if line.strip()]
    kinds = collections.Counter(
        line[:90]
        for line in lines
        if "ERROR" in line or "WARNING" in line or "Traceback" in line or "Error" in line
    )
    print(
        f"{case.__name__} x{n} ({dt:.1f}s): client {dict(res)} | base fds={base['fds']} tasks={base['tasks']} rss={base['rss_kb'] // 1024}MB -> fds={end['fds']} tasks={end['tasks']} rss={end['rss_kb'] // 1024}MB | log lines {len(lines)}"
    )
    print("    handler saw (last 30):", dict(evs))
    for k, v in list(kinds.items())[:6]:
        print("    log:", v, k)
print(srv.stop())
