"""Tiny pipelined GETs in one write, the client reading (optionally with a small
SO_RCVBUF): responses per second.  python pipe2.py PORT N RCVBUF
"""

import socket
import sys
import time

port = int(sys.argv[1])
N = int(sys.argv[2])
rcv = int(sys.argv[3])
s = socket.create_connection(("127.0.0.1", port))
if rcv:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcv)
data = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" * N
s.setblocking(False)
sent = 0
buf = bytearray()
t = time.perf_counter()
marks = []
deadline = time.time() + 15
while time.time() < deadline:
    if sent < len(data):
        try:
            sent += s.send(data[sent : sent + (1 << 20)])
        except BlockingIOError:
            pass
    try:
        b = s.recv(1 << 20)
        if not b:
            break
        buf += b
    except BlockingIOError:
        time.sleep(0.0005)
    n = (
        buf.count(b"HTTP/1.1 200")
        if len(marks) < 1000 and int(time.perf_counter() - t) >= len(marks)
        else None
    )
    if n is not None:
        marks.append(n)
    if buf.endswith(b"ok") and buf.count(b"HTTP/1.1 200") >= N:
        break
print(
    f"N={N} rcvbuf={rcv} answered={buf.count(b'HTTP/1.1 200')} in {time.perf_counter() - t:.2f}s per-second marks {marks}"
)
