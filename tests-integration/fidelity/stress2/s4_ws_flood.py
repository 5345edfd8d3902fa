import os
import select
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import socket

from probe import Server, rst

which = sys.argv[1]
single = sys.argv[2] == "1" if len(sys.argv) > 2 else True
port = 18500 + (1 if which == "hurtle" else 2) + (0 if single else 10)
srv = Server(
    which, port, {"S2_WEBSOCKET_PING_INTERVAL": "100", "S2_WEBSOCKET_PING_TIMEOUT": "100"}, single
)
print(which, "single" if single else "workers", "start", srv.short())


def wsconn(path, rcvbuf=None):
    s = socket.socket()
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.connect(("127.0.0.1", port))
    s.settimeout(5)
    s.sendall(
        (
            f"GET {path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    d = b""
    while b"\r\n\r\n" not in d:
        d += s.recv(1)
    assert d.startswith(b"HTTP/1.1 101"), d
    return s


FRAME = bytes([0x82, 0x80 | 10]) + b"\0\0\0\0" + b"0123456789"
BATCH = FRAME * 1000
for path in ["/wsslow", "/wsnoread", "/ws"]:
    srv.get("/clear")
    base = srv.stats()
    s = wsconn(path, 4096)
    s.setblocking(False)
    sent = 0
    t = time.monotonic()
    peak = 0
    last_progress = t
    while time.monotonic() - t < 6:
        try:
            n = s.send(BATCH)
            sent += n
            last_progress = time.monotonic()
        except OSError as e:
            if not isinstance(e, BlockingIOError):
                print("   client send:", repr(e))
                break
            select.select([], [s], [], 0.2)
        else:
            pass
        if int((time.monotonic() - t) * 2) != int((time.monotonic() - t - 0.001) * 2):
            pass
    mid = srv.stats()
    stalled = time.monotonic() - last_progress
    rst(s)
    time.sleep(1)
    end = srv.stats()
    print(
        f"{path} flood of 16-byte frames for 6s: client pushed {sent // 1024} KB ({sent // len(FRAME)} frames), stalled for last {stalled:.1f}s | rss {base['rss_kb'] // 1024}->{mid['rss_kb'] // 1024}MB fds {base['fds']}->{mid['fds']} tasks {base['tasks']}->{mid['tasks']} | after reset: fds={end['fds']} tasks={end['tasks']} rss={end['rss_kb'] // 1024}MB"
    )
    print("    handler:", end["events"][-2:])
# ping never answered
print(srv.stop())
port += 50
srv = Server(
    which, port, {"S2_WEBSOCKET_PING_INTERVAL": "1", "S2_WEBSOCKET_PING_TIMEOUT": "1"}, single
)
s = wsconn("/wsidle")
t = time.monotonic()
got = b""
s.settimeout(10)
try:
    while True:
        c = s.recv(4096)
        if not c:
            break
        got += c
except Exception as e:
    got += repr(e).encode()
print(f"never answers pings (1s/1s): closed after {time.monotonic() - t:.1f}s; frames {got[:40]!r}")
time.sleep(0.5)
print("    handler:", srv.stats()["events"][-2:], srv.short())
s.close()
print(srv.stop())
