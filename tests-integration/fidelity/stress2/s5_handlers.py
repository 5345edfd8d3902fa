import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from probe import Server, conn

which = sys.argv[1]
single = sys.argv[2] == "1" if len(sys.argv) > 2 else True
port = 18800 + (1 if which == "hurtle" else 2) + (0 if single else 10)
srv = Server(
    which,
    port,
    {
        "S2_KEEP_ALIVE_TIMEOUT": "1",
        "S2_REQUEST_TIMEOUT": "1",
        "S2_RESPONSE_TIMEOUT": "1",
        "S2_GRACEFUL_SHUTDOWN_TIMEOUT": "3",
    },
    single,
)
print(which, "single" if single else "workers", "start", srv.short())
for path in ["/nonresp", "/none", "/baddel"]:
    n0 = len(srv.logtext())
    d = srv.get(path)
    time.sleep(0.3)
    head, _, body = d.partition(b"\r\n\r\n")
    log = [line for line in srv.logtext()[n0:].splitlines() if line.strip()]
    print(f"{path}: {head.split(chr(13).encode())[0].decode()} body={body[:150]!r}")
    for line in log[:3] + (["..."] if len(log) > 6 else []) + log[-3:]:
        print("    log:", line[:200])
base = srv.stats()
for _i in range(1000):
    srv.get("/leak")
for _i in range(1000):
    srv.get("/leak2")
st = srv.stats()
print(
    f"1000 x /leak (ensure_future forever) + 1000 x /leak2 (app.add_task forever): tasks {base['tasks']}->{st['tasks']} fds {base['fds']}->{st['fds']} rss {base['rss_kb'] // 1024}->{st['rss_kb'] // 1024}MB"
)
# blocking handler vs other connections' timeouts
idle = conn(port)
idle.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
idle.recv(4096)
partial = conn(port)
partial.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
res = {}


def blocker():
    res["block"] = srv.get("/block?t=2")[:15]


th = threading.Thread(target=blocker)
th.start()
time.sleep(0.3)
during = conn(port)
t = time.monotonic()
during.sendall(b"GET /sleep?t=0.1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
partial.sendall(b"Host2: y\r\n\r\n")
th.join()


def rd(s):
    s.settimeout(5)
    d = b""
    try:
        while True:
            c = s.recv(4096)
            if not c:
                break
            d += c
    except Exception as e:
        d += repr(e).encode()
    return d


print("block 2s: blocker got", res["block"])
print("   request sent during the block:", rd(during)[:15], f"after {time.monotonic() - t:.1f}s")
print("   head finished during the block (REQUEST_TIMEOUT=1):", rd(partial)[:40])
print("   idle keep-alive conn (KEEP_ALIVE_TIMEOUT=1):", rd(idle)[:30])
print(srv.stop(20))
log = srv.logtext().splitlines()
print("\n".join(line[:160] for line in log[-8:]))
