"""drive.py PYTHON OUTPREFIX [cli]: start app.py, send requests, stop with SIGINT."""
import base64
import os
import signal
import socket
import subprocess
import sys
import time

py, prefix = sys.argv[1], sys.argv[2]
cli = len(sys.argv) > 3 and sys.argv[3] == "cli"
here = os.path.dirname(os.path.abspath(__file__))
port = int(os.environ.setdefault("L3_PORT", str(8931 if "st-ref" in py else 8932)))
env = dict(os.environ, PYTHONUNBUFFERED="1")
if cli:
    extra = os.environ.get("L3_CLI", "--single-process").split()
    cmd = [py, "-m", "sanic", "app:app", "--host", "127.0.0.1", "--port", str(port), *extra]
else:
    cmd = [py, "app.py"]
out, err = open(prefix + ".out", "w"), open(prefix + ".err", "w")
proc = subprocess.Popen(cmd, cwd=here, stdout=out, stderr=err, env=env)


def up():
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return True
        except OSError:
            time.sleep(0.1)
    return False


def req(raw, wait=3.0):
    s = socket.create_connection(("127.0.0.1", port), 5)
    s.settimeout(wait)
    s.sendall(raw)
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    except OSError:
        pass
    s.close()
    time.sleep(0.3)
    return data


def get(path):
    return req(f"GET {path} HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n".encode())


if up():
    time.sleep(1.0)
    for p in ("/", "/err", "/nope", "/stream", "/json"):
        get(p)
    # a client that leaves during a slow handler
    s = socket.create_connection(("127.0.0.1", port), 5)
    s.sendall(b"GET /slow HTTP/1.1\r\nHost: h\r\n\r\n")
    time.sleep(0.3)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    s.close()
    time.sleep(1.6)
    # websocket: echo then a close frame 1000
    key = base64.b64encode(b"0123456789abcdef").decode()
    s = socket.create_connection(("127.0.0.1", port), 5)
    s.sendall(f"GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    time.sleep(0.3)
    s.sendall(bytes([0x81, 0x82, 1, 2, 3, 4, ord("h") ^ 1, ord("i") ^ 2]))
    time.sleep(0.3)
    s.sendall(bytes([0x88, 0x82, 1, 2, 3, 4, 0x03 ^ 1, 0xE8 ^ 2]))
    time.sleep(0.5)
    s.close()
    time.sleep(0.5)
    if os.environ.get("L3_EXTRA"):
        for path in ("/slowstream", "/bigstream"):
            s = socket.create_connection(("127.0.0.1", port), 5)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: h\r\n\r\n".encode())
            time.sleep(0.4)
            s.recv(100)
            s.close()
            time.sleep(2.5)
        get("/logexc")
        s = socket.create_connection(("127.0.0.1", port), 5)
        s.sendall(f"GET /wserr HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
        time.sleep(0.8)
        s.close()
        time.sleep(0.5)
proc.send_signal(signal.SIGINT)
try:
    rc = proc.wait(15)
except subprocess.TimeoutExpired:
    proc.kill()
    rc = proc.wait()
open(prefix + ".rc", "w").write(str(rc))
