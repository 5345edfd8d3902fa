"""A slow reader (SO_RCVBUF 4 KB, RATE bytes a second) of an 8 MB `/raw`, `/file`,
`/fstream` or `/respond`: what ends it.  python slow.py PORT PATH RATE SECONDS
"""

import json
import socket
import sys
import time

port = int(sys.argv[1])
path = sys.argv[2]
rate = int(sys.argv[3])
dur = float(sys.argv[4])


def stats():
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    b = b""
    while True:
        x = s.recv(65536)
        if not x:
            break
        b += x
    return json.loads(b.split(b"\r\n\r\n", 1)[1])


st0 = stats()
s = socket.create_connection(("127.0.0.1", port))
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
s.sendall(b"GET %s HTTP/1.1\r\nHost: x\r\n\r\n" % path.encode())
t = time.time()
got = 0
end = "open"
s.settimeout(0.25)
while time.time() - t < dur:
    if rate:
        try:
            b = s.recv(rate // 4)
            if not b:
                end = "EOF"
                break
            got += len(b)
        except TimeoutError:
            pass
    time.sleep(0.25)
mid = stats()
slow_got = got
s.settimeout(1.0)
try:
    t2 = time.time()
    while end == "open":
        if time.time() - t2 > 6:
            end = "still sending after 6s fast read"
            break
        b = s.recv(1 << 20)
        if not b:
            end = "EOF"
            break
        got += len(b)
except TimeoutError:
    end = "open(idle 1s)"
except ConnectionResetError:
    end = "RST"
el = time.time() - t
print(
    f"{path} rate={rate}B/s {dur}s: slow-read {slow_got}, total {got} then {end} at {el:.1f}s; server during: fds {mid['fds']} tasks {mid['tasks']} rss {st0['rss_kb']}->{mid['rss_kb']} ev {mid['ev'][-1:]}"
)
s.close()
time.sleep(0.5)
st2 = stats()
print("   after close: fds", st2["fds"], "tasks", st2["tasks"], "rss", st2["rss_kb"])
