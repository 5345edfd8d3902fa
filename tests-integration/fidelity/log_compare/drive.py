"""drive.py PYTHON OUT: run app.py (or the `sanic` CLI) with PYTHON, send five requests,
stop it with SIGINT; its output goes to OUT.out / OUT.err, its exit code to OUT.rc.

Settings come from the environment (see app.py: T_FMT, T_ACC, T_EXTRA, T_DEBUG, T_ACCESS,
T_MODE, T_NOMOTD; T_CLI="ARGS" runs `python -m sanic app:app ARGS`; T_PTY=1 puts standard
output on a pseudo-terminal). Loopback only; every wait is bounded; only the child it
started is signalled (and killed if it does not stop within 15 s).
"""

import os
import pty
import signal
import socket
import subprocess
import sys
import threading
import time

python, out = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
env = dict(os.environ, T_PORT=str(port), PYTHONUNBUFFERED="1")
cmd = [python, "app.py"]
if os.environ.get("T_CLI"):
    cmd = [python, "-m", "sanic", "app:app", "--port", str(port), "--host", "127.0.0.1"]
    cmd += os.environ["T_CLI"].split()
buf = bytearray()
leader = follower = None
if os.environ.get("T_PTY"):
    leader, follower = pty.openpty()
    stdout = follower
else:
    stdout = open(out + ".out", "wb")
child = subprocess.Popen(cmd, cwd=here, env=env, stdout=stdout, stderr=open(out + ".err", "wb"))
reader = None
if follower is not None:
    os.close(follower)

    def read() -> None:
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:
                return
            if not data:
                return
            buf.extend(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()


def request(path: str) -> None:
    for _ in range(100):
        try:
            conn = socket.create_connection(("127.0.0.1", port), timeout=5)
            break
        except OSError:
            time.sleep(0.1)
    else:
        return
    conn.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    try:
        while conn.recv(65536):
            pass
    except OSError:
        pass
    conn.close()


time.sleep(1.2)
for path in ["/ok?q=1&r=2", "/missing", "/boom", "/stream", "/json"]:
    request(path)
    time.sleep(0.15)
time.sleep(0.3)
child.send_signal(signal.SIGINT)
try:
    child.wait(15)
except subprocess.TimeoutExpired:
    child.kill()
    child.wait()
if reader is not None:
    reader.join(3)
    with open(out + ".out", "wb") as f:
        f.write(bytes(buf).replace(b"\r\n", b"\n"))
with open(out + ".rc", "w") as f:
    f.write(str(child.returncode))
