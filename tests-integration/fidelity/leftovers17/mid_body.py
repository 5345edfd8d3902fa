"""Probe: a client sends a head with Content-Length: 1000, 10 bytes of body, then closes.

python mid_body.py PYTHON served|asgi /upload|/stream|/slow [sanic CLI options]; CATCH=Exception|RequestCancelled|CancelledError
sets what the app's error handler is registered for; RESET=1 leaves with a reset;
APP=module serves another app (sentry_left_app). /slow: the whole body, then the client leaves -- runs mid_body_app under that interpreter
(sanic CLI single process, or uvicorn), prints the app's events and its log lines."""

import os
import socket
import struct
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
python, mode, path = sys.argv[1], sys.argv[2], sys.argv[3]
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
events = tempfile.NamedTemporaryFile(delete=False, suffix=".events").name
env = dict(os.environ, EVENTS=events, PYTHONPATH=here + os.pathsep + os.environ.get("PYTHONPATH", ""))
if mode == "served":
    cmd = [python, "-m", "sanic", os.environ.get("APP", "mid_body_app") + ":app", "--port", str(port), "--single-process", *sys.argv[4:]]
else:
    cmd = [python, "-m", "uvicorn", os.environ.get("APP", "mid_body_app") + ":app", "--port", str(port), "--log-level", "info"]
server = subprocess.Popen(cmd, cwd=here, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
try:
    for _ in range(100):  # at most 10 s
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    open(events, "w").close()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
        if path == "/slow":  # a whole body; the client leaves while the handler awaits
            c.sendall(b"POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n" + b"x" * 10)
        else:
            c.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n".encode() + b"x" * 10)
        time.sleep(0.3)
        if os.environ.get("RESET"):  # leave with a reset (RST), not a FIN
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    time.sleep(0.7)
finally:
    server.terminate()
    out = server.communicate(timeout=10)[0]
print("events:", open(events).read().splitlines())
os.unlink(events)
lines = [line for line in out.splitlines() if line.strip()]
start = next((i for i, line in enumerate(lines) if "Starting worker" in line or "Uvicorn running" in line or "Goin' Fast" in line), 0)
print("log after start:")
for line in lines[start + 1 :]:
    if "Stopping" in line or "Shutting down" in line or "Finished server process" in line or "Waiting for application shutdown" in line:
        break
    print("  ", line[:200])
