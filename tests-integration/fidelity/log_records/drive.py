"""drive.py PYTHON OUT: run app.py ($R_MODE ...) on a free loopback port, send the requests
of the mode, stop it with SIGINT (killed after 15 s); records in OUT, stdout/err in OUT.out."""

import os
import signal
import socket
import subprocess
import sys
import time

python, out = sys.argv[1], sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
env = dict(os.environ, R_PORT=str(port), R_OUT=out, PYTHONUNBUFFERED="1")
log = open(out + ".out", "wb")
child = subprocess.Popen([python, "app.py"], cwd=here, env=env, stdout=log, stderr=log)


def conn():
    for _ in range(60):
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            time.sleep(0.1)
    raise SystemExit("no server")


def req(raw: bytes, wait: float = 0.3) -> None:
    c = conn()
    c.sendall(raw)
    c.settimeout(5)
    try:
        while c.recv(65536):
            pass
    except OSError:
        pass
    c.close()
    time.sleep(wait)


def get(path: str) -> None:
    req(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())


mode = os.environ.get("R_MODE", "main")
time.sleep(1.5)
if child.poll() is None and mode in ("main", "ass"):
    for p in [
        "/ok",
        "/mw",
        "/rmw",
        "/eh",
        "/sig",
        "/task",
        "/none",
        "/dict",
        "/missing",
        "/quiet",
        "/slow",
    ]:
        get(p)
    req(b"POST /post HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + b"x" * 5000)
    import websockets.sync.client as wsc

    try:
        with wsc.connect(f"ws://127.0.0.1:{port}/wsboom") as w:
            w.recv()
    except Exception:
        pass
    time.sleep(0.5)
if child.poll() is None and mode in ("more", "bss_task", "stop_fail"):
    for p in [
        "/ok",
        "/sync_none",
        "/eh_none",
        "/mw_dict",
        "/lsig",
        "/stream_boom",
        "/longtask",
        "/cancelled",
        "/ok",
    ]:
        get(p)
    req(b"POST /post HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n")
    req(
        b"POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"1388\r\n"
        + b"x" * 5000
        + b"\r\n0\r\n\r\n"
    )
if child.poll() is None and mode == "more3":
    for p in ["/hsig", "/rsig", "/inline", "/sync_boom", "/exc_group", "/ok"]:
        get(p)
if child.poll() is None and mode == "more4":
    for p in ["/task_named", "/nothere", "/sexc400", "/respond_mw"]:
        get(p)
    req(b"POST /spost HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + b"x" * 5000)
    c = conn()
    c.sendall(b"POST /spost HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
    time.sleep(0.3)
    c.close()
    time.sleep(0.3)
if child.poll() is None and mode == "gone":
    import struct

    for raw in [
        b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n",
        b"POST /spost HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc",
    ]:
        for reset in (False, True):
            c = conn()
            c.sendall(raw)
            time.sleep(0.3)
            if reset:  # RST rather than FIN
                c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            c.close()
            time.sleep(2.5)
if child.poll() is None and mode == "grace":
    # a slow handler still running when the stop's grace runs out
    c = conn()
    c.sendall(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.3)
    child.send_signal(signal.SIGINT)
    time.sleep(3)
    c.close()
if child.poll() is None and mode == "order":
    get("/longtask")
if child.poll() is None and mode == "stop":
    get("/stop")
    time.sleep(1)
if child.poll() is None:
    child.send_signal(signal.SIGINT)
try:
    child.wait(15)
except subprocess.TimeoutExpired:
    child.kill()
    child.wait()
with open(out, "a") as f:
    f.write(f"RC {child.returncode}\n")
