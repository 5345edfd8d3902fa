import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from probe import Server, read_until_close, smallbuf

which = sys.argv[1]
single = sys.argv[2] == "1" if len(sys.argv) > 2 else True
env = {
    "S2_RESPONSE_TIMEOUT": "4",
    "S2_KEEP_ALIVE_TIMEOUT": "3",
    "S2_GRACEFUL_SHUTDOWN_TIMEOUT": "5",
}
port = 18000 + (1 if which == "hurtle" else 2) + (0 if single else 10)
srv = Server(which, port, env, single)
print(which, "single" if single else "workers", "start", srv.short())
for path in ["/bigtext", "/bigfile", "/bigstream", "/respond"]:
    base = srv.stats()
    s = smallbuf(port)
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    time.sleep(2)
    mid = srv.stats()
    # wait to see whether the server gives up on the stalled client
    closed_at = None
    t0 = time.monotonic()
    while time.monotonic() - t0 < 15:
        st = srv.stats()
        if st["fds"] <= base["fds"]:
            closed_at = time.monotonic() - t0 + 2
            break
        time.sleep(0.5)
    after = srv.stats()
    # now drain: how many bytes do we get?
    n, how, dt = read_until_close(s, 3)
    s.close()
    time.sleep(0.3)
    end = srv.stats()
    print(
        f"{path}: base fds={base['fds']} tasks={base['tasks']} rss={base['rss_kb'] // 1024}MB | stalled 2s: fds={mid['fds']} tasks={mid['tasks']} rss={mid['rss_kb'] // 1024}MB | server closed at {closed_at and round(closed_at, 1)}s | client then read {n} bytes ({how}) | end fds={end['fds']} tasks={end['tasks']} rss={end['rss_kb'] // 1024}MB"
    )
    print("   events:", end["events"][-2:])
    srv.get("/clear")
# stop with stalled client
s = smallbuf(port)
s.sendall(b"GET /respond HTTP/1.1\r\nHost: x\r\n\r\n")
time.sleep(1)
print("stop with stalled /respond client:", srv.stop(30))
log = srv.logtext()
print("log tail:\n" + "\n".join(log.splitlines()[-15:]))
s.close()
