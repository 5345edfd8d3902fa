import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import select

from probe import Server, conn, read_until_close

which = sys.argv[1]
single = sys.argv[2] == "1" if len(sys.argv) > 2 else True
port = 18400 + (1 if which == "hurtle" else 2) + (0 if single else 10)
srv = Server(which, port, {"S2_KEEP_ALIVE_TIMEOUT": "3"}, single)
print(which, "single" if single else "workers", "start", srv.short())
base = srv.stats()
idle = [conn(port) for _ in range(500)]
for s in idle[:250]:
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
for s in idle[:250]:
    s.recv(4096)
mid = srv.stats()
t = time.monotonic()
ok = 0
for _i in range(200):
    if srv.get("/").startswith(b"HTTP/1.1 200"):
        ok += 1
dt = time.monotonic() - t
print(
    f"500 idle (250 after one request): fds {base['fds']}->{mid['fds']} tasks {base['tasks']}->{mid['tasks']} rss {base['rss_kb'] // 1024}->{mid['rss_kb'] // 1024}MB; 200 new requests ok={ok} in {dt:.2f}s"
)
# keep-alive precision: when do idle ones close?
t0 = time.monotonic()
closes = []

pending = set(idle)
while pending and time.monotonic() - t0 < 10:
    r, _, _ = select.select(list(pending), [], [], 0.5)
    for s in r:
        try:
            d = s.recv(10)
        except OSError:
            d = b""
        if not d:
            closes.append(time.monotonic() - t0)
            pending.discard(s)
print(
    f"KEEP_ALIVE_TIMEOUT=3: closed {len(closes)}/500, first at {min(closes):.2f}s last at {max(closes):.2f}s (from end of traffic)"
)
for s in idle:
    s.close()
time.sleep(0.5)
print("after:", srv.short())
# precision with a single connection
for _k in range(3):
    s = conn(port)
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    s.recv(4096)
    t = time.monotonic()
    s.settimeout(10)
    d = s.recv(10)
    print(f"  single idle after a response: closed after {time.monotonic() - t:.2f}s ({d!r})")
    s.close()
s = conn(port)
t = time.monotonic()
s.settimeout(10)
d = s.recv(10)
print(f"  fresh connection, nothing sent: closed after {time.monotonic() - t:.2f}s ({d!r})")
s.close()
# back to back on one connection
s = conn(port)


def burst(n):
    req = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
    buf = b""
    for _i in range(n):
        s.sendall(req)
        while buf.count(b"ok") < 1:
            buf += s.recv(65536)
        buf = buf[buf.index(b"ok") + 2 :]


st0 = srv.stats()
t = time.monotonic()
burst(10000)
st1 = srv.stats()
d1 = time.monotonic() - t
burst(40000)
st2 = srv.stats()
d2 = time.monotonic() - t
print(
    f"one connection back to back: start fds={st0['fds']} tasks={st0['tasks']} rss={st0['rss_kb']}KB | 10k ({d1:.1f}s) fds={st1['fds']} tasks={st1['tasks']} rss={st1['rss_kb']}KB | 50k ({d2:.1f}s) fds={st2['fds']} tasks={st2['tasks']} rss={st2['rss_kb']}KB"
)
s.close()
print(srv.stop())
srv = Server(which, port + 50, {"S2_KEEP_ALIVE": "0"}, single)
s = conn(port + 50)
s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
n, how, dt = read_until_close(s, 5)
s.close()
s = conn(port + 50)
s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
d = b""
s.settimeout(5)
while True:
    c = s.recv(4096)
    if not c:
        break
    d += c
print(
    "KEEP_ALIVE=False: two pipelined ->",
    n,
    "bytes",
    how,
    f"{dt:.2f}s; response head:",
    d.split(b"\r\n\r\n")[0].replace(b"\r\n", b" | "),
)
base = srv.stats()
for _i in range(1000):
    srv.get("/")
print("KEEP_ALIVE=False 1000 requests:", base["fds"], base["tasks"], "->", srv.short())
print(srv.stop())
