import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import socket
import subprocess

from probe import Server, conn, read_until_close, smallbuf

which = sys.argv[1]
single = sys.argv[2] == "1"
_s = socket.socket()
_s.bind(("127.0.0.1", 0))
port = _s.getsockname()[1]
_s.close()
srv = Server(which, port, {"S2_GRACEFUL_SHUTDOWN_TIMEOUT": "3"}, single)
stalled = []
for path in ["/respond", "/bigtext", "/bigstream"]:
    s = smallbuf(port)
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    stalled.append(s)
idle = conn(port)
time.sleep(1)
t = time.monotonic()
print(which, "single" if single else "workers", "/stop ->", srv.get("/stop")[:15])
try:
    srv.proc.wait(20)
    print(
        "  process exited",
        srv.proc.returncode,
        f"{time.monotonic() - t:.1f}s after app.stop() with 3 stalled readers + 1 idle",
    )
except subprocess.TimeoutExpired:
    print("  still running 20s after app.stop()")
    print(srv.stop())
for s in stalled:
    print("  stalled client then reads", read_until_close(s, 3)[:2])
print("  idle client:", read_until_close(idle, 3)[:2])
log = srv.logtext().splitlines()
print(
    "\n".join(
        "  | " + line[:150]
        for line in log
        if "ERROR" in line
        or "WARN" in line
        or "Error" in line
        or "stopped" in line
        or "Traceback" in line
    )
)
