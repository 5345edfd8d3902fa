"""drive.py PYTHON OUT: run app.py single-process (or `python -m sanic` with T_CLI), send the
T_SCEN scenarios over raw sockets and a websockets client, stop it with SIGINT; its output
goes to OUT.out / OUT.err, its exit code to OUT.rc. Loopback only, every wait bounded, only
its own child is signalled (killed if it has not stopped after 15 s)."""

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
    cmd = [
        python,
        "-m",
        "sanic",
        "app:app",
        "--port",
        str(port),
        "--host",
        "127.0.0.1",
    ] + os.environ["T_CLI"].split()
buf = bytearray()
leader = reader = None
stdout = open(out + ".out", "wb")
if os.environ.get("T_PTY"):  # standard output (only) on a pseudo-terminal
    leader, follower = pty.openpty()
    stdout = follower
# T_MERGE=1: standard error into standard output, to compare the order of all lines.
stderr = subprocess.STDOUT if os.environ.get("T_MERGE") else open(out + ".err", "wb")
if stderr is subprocess.STDOUT:
    open(out + ".err", "wb").close()
child = subprocess.Popen(cmd, cwd=here, env=env, stdout=stdout, stderr=stderr)
if leader is not None:
    os.close(follower)

    def pump() -> None:
        while True:
            try:
                data = os.read(leader, 65536)
            except OSError:
                return
            if not data:
                return
            buf.extend(data)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()


def conn():
    for _ in range(100):
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=6)
        except OSError:
            time.sleep(0.1)


def readall(c, limit=6):
    c.settimeout(limit)
    data = b""
    try:
        while True:
            d = c.recv(65536)
            if not d:
                break
            data += d
    except OSError:
        pass
    return data


def req(raw, wait=0.3):
    c = conn()
    c.sendall(raw)
    readall(c)
    c.close()
    time.sleep(wait)


def get(path, extra=""):
    req(f"GET {path} HTTP/1.1\r\nHost: x\r\n{extra}Connection: close\r\n\r\n".encode())


time.sleep(1.5)
S = os.environ.get("T_SCEN", "all").split(",")
if "all" in S or "access" in S:
    get("/ok")
    get("/missing")
    get("/boom")
    get("/503")
    get("/quiet")
    get("/stream")
    req(b"POST /ok HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    req(b"HEAD /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    req(b"POST /ok HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + b"x" * 5000)
    # keep-alive: two requests on one connection, then the client closes
    c = conn()
    c.sendall(b"GET /ok HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.2)
    c.recv(65536)
    c.sendall(b"GET /ok?second=1 HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.2)
    c.recv(65536)
    c.close()
    time.sleep(0.3)
    # HTTP/1.0
    req(b"GET /ok HTTP/1.0\r\n\r\n")
if "all" in S or "errors" in S:
    get("/mw")
    get("/sig")
    get("/task")
if "all" in S or "timeout" in S:
    # request timeout: partial head, then wait
    c = conn()
    c.sendall(b"GET /ok HTTP/1.1\r\nHo")
    readall(c, 4)
    c.close()
    time.sleep(0.3)
    # response timeout
    get("/slow")
    time.sleep(0.3)
if "big" in S:
    req(b"POST /post HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + b"x" * 5000)
    req(
        b"POST /post HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"1388\r\n"
        + b"x" * 5000
        + b"\r\n0\r\n\r\n"
    )
    req(b"POST /spost HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + b"x" * 5000)
    req(
        b"POST /spost HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"1388\r\n"
        + b"x" * 5000
        + b"\r\n0\r\n\r\n"
    )
    c = conn()
    c.sendall(b"POST /post HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
    readall(c, 4)
    c.close()
    time.sleep(0.3)
    c = conn()
    c.sendall(b"POST /spost HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc")
    readall(c, 4)
    c.close()
    time.sleep(0.3)
if "stream_err" in S:
    get("/stream_boom")
    get("/stream_eof_boom")
    get("/respond_then_return")
if "sizes" in S:
    req(b"HEAD /head_ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    for path in ["/head_ok", "/empty", "/redirect", "/file", "/file_stream", "/json_big"]:
        get(path)
    get("/file", "If-Modified-Since: Fri, 01 Jan 2100 00:00:00 GMT\r\n")
    get("/file", "Range: bytes=0-9\r\n")
    req(b"HEAD /file HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
if "ka" in S:
    c = conn()
    c.sendall(b"GET /ok HTTP/1.1\r\nHost: x\r\n\r\n")
    readall(c, 4)
    c.close()
    time.sleep(0.3)
    c = conn()
    time.sleep(2.5)
    c.close()
if "all" in S or "disconnect" in S:
    c = conn()
    c.sendall(b"GET /hang HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.5)
    c.close()
    time.sleep(2.5)
if "all" in S or "ws" in S:
    import websockets.sync.client as wsc

    try:
        with wsc.connect(f"ws://127.0.0.1:{port}/ws") as w:
            w.recv()
            w.send("x")
    except Exception as e:
        print("ws1", e)
    time.sleep(0.5)
    try:
        with wsc.connect(f"ws://127.0.0.1:{port}/wsboom") as w:
            w.recv()
    except Exception as e:
        print("ws2", type(e).__name__)
    time.sleep(0.5)
time.sleep(0.5)
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
open(out + ".rc", "w").write(str(child.returncode))
