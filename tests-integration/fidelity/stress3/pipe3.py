"""Pipelined floods (`post1k`, `404`, `405`, `expect`, `chunked`), read or not, while
another connection pings: RSS, fds, Tasks, ping latency.  python pipe3.py PORT KIND N 0|1
"""

import json
import socket
import sys
import threading
import time

port = int(sys.argv[1])
kind = sys.argv[2]
N = int(sys.argv[3])
read = sys.argv[4] == "1"


def req(data, timeout=10):
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(timeout)
    t = time.perf_counter()
    s.sendall(data)
    buf = b""
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            buf += b
    except TimeoutError:
        buf += b"<timeout>"
    s.close()
    return time.perf_counter() - t, buf


def stats():
    return json.loads(
        req(b"GET /stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[1].split(
            b"\r\n\r\n", 1
        )[1]
    )


lat = []
stop = False


def pinger():
    while not stop:
        dt, r = req(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        lat.append(dt)
        time.sleep(0.01)


one = {
    "post1k": b"POST /form HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
    + b"a="
    + b"b" * 998,
    "404": b"GET /nope HTTP/1.1\r\nHost: x\r\n\r\n",
    "405": b"DELETE / HTTP/1.1\r\nHost: x\r\n\r\n",
    "expect": b"POST /form HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\na=b",
    "chunked": b"POST /form HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n"
    + b"1\r\na\r\n" * 200
    + b"0\r\n\r\n",
}[kind]
s0 = stats()
th = threading.Thread(target=pinger)
th.start()
s = socket.create_connection(("127.0.0.1", port))
s.setblocking(False)
data = one * N
sent = 0
buf = bytearray()
t = time.perf_counter()
peak = 0
last = 0
while time.perf_counter() - t < 8:
    if sent < len(data):
        try:
            sent += s.send(data[sent : sent + (1 << 20)])
        except BlockingIOError:
            pass
    if read:
        try:
            b = s.recv(1 << 20)
            if not b:
                break
            buf += b
        except BlockingIOError:
            time.sleep(0.001)
    else:
        time.sleep(0.01)
    if time.perf_counter() - last > 1:
        last = time.perf_counter()
        peak = max(peak, stats()["rss_kb"])
    if read and sent >= len(data) and buf.count(b"HTTP/1.1 ") >= N:
        break
el = time.perf_counter() - t
mid = stats()
print(
    f"{kind} N={N} read={read}: sent {sent}/{len(data)} answered {buf.count(b'HTTP/1.1 ')} in {el:.2f}s; rss {s0['rss_kb']} peak {peak} fds {mid['fds']} tasks {mid['tasks']}; pings {len(lat)} max {max(lat):.3f}s"
)
s.close()
time.sleep(1)
stop = True
th.join()
a = stats()
print(f"   after: fds {a['fds']} tasks {a['tasks']} rss {a['rss_kb']}")
