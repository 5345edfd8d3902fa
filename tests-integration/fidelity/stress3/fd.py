"""At the descriptor limit (run the server with `ulimit -n 64`): hold N connections,
ask for a file, see the held ones, CPU, then recover.  python fd.py PORT SERVER_PID N
"""

import socket
import sys
import time

port = int(sys.argv[1])
pid = int(sys.argv[2])
n = int(sys.argv[3])
path = sys.argv[4] if len(sys.argv) > 4 else "/file"


def cpu(p):
    tot = 0
    for q in [p] + [int(x) for x in open(f"/proc/{p}/task/{p}/children").read().split()]:
        f = open(f"/proc/{q}/stat").read().rsplit(")", 1)[1].split()
        tot += int(f[11]) + int(f[12])
    return tot


def get(s, path):
    s.settimeout(3)
    try:
        s.sendall(b"GET %s HTTP/1.1\r\nHost: x\r\n\r\n" % path.encode())
        b = s.recv(300)
        return b.split(b"\r\n")[0] if b else b"EOF"
    except Exception as e:
        return repr(e)


first = socket.create_connection(("127.0.0.1", port))
print("first:", get(first, "/"))
conns = []
for i in range(n):
    try:
        conns.append(socket.create_connection(("127.0.0.1", port), timeout=2))
    except Exception as e:
        print("connect", i, e)
        break
c0 = cpu(pid)
t0 = time.time()
time.sleep(0.5)
print("on first, at the limit:", get(first, path))
# which of the held connections still work?
ok = 0
res = {}
for c in conns[-20:]:
    r = get(c, "/")
    res[r] = res.get(r, 0) + 1
print("last 20 held conns:", res)
time.sleep(2)
print(f"cpu ticks while at limit {cpu(pid) - c0} over {time.time() - t0:.1f}s")
for c in conns:
    c.close()
time.sleep(1)
new = socket.create_connection(("127.0.0.1", port))
print("after release: new conn", get(new, "/"), "file", get(new, path))
