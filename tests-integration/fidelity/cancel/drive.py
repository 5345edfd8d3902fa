"""Run app.py under one interpreter per scenario and print what was seen.

python drive.py PYTHON [SCENARIO ...]   (loopback only; each server is ended by PID)
"""

import base64
import os
import re
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    def __init__(self, python, env, app=os.path.join(HERE, "app.py")):
        self.dir = tempfile.mkdtemp(prefix="cx-", dir="/tmp/cancel")
        self.log = os.path.join(self.dir, "records")
        self.err = open(os.path.join(self.dir, "stderr"), "w+")
        self.port = free_port()
        e = dict(os.environ, CX_LOG=self.log, PYTHONUNBUFFERED="1")
        e.update({"CX_" + k: str(v) for k, v in env.items()})
        self.t0 = time.monotonic()
        self.proc = subprocess.Popen(
            [python, app, str(self.port)],
            env=e,
            stdout=self.err,
            stderr=subprocess.STDOUT,
        )
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        time.sleep(0.2)

    def conn(self, rst=False):
        s = socket.create_connection(("127.0.0.1", self.port), 2)
        if rst:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return s

    def term(self, wait=15):
        t = time.monotonic()
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(wait)
        except subprocess.TimeoutExpired:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)
            return "KILLED"
        return f"exit {self.proc.returncode} after {time.monotonic() - t:.1f}s"

    def records(self):
        try:
            with open(self.log) as f:
                return f.read().splitlines()
        except FileNotFoundError:
            return []

    def stderr(self):
        self.err.seek(0)
        out = []
        for line in self.err.read().splitlines():
            line = re.sub(r"^\[[^\]]*\] \[\d+\] ", "", line)
            line = re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[,.]?\d*", "TS", line)
            line = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:P", line)
            line = re.sub(r"\x1b\[[0-9;]*m", "", line)
            if line.strip():
                out.append(line[:160])
        return out


def read_all(s, limit=8.0):
    s.settimeout(limit)
    data = b""
    t = time.monotonic()
    try:
        while time.monotonic() - t < limit:
            b = s.recv(65536)
            if not b:
                return data, f"EOF after {time.monotonic() - t:.1f}s"
            data += b
    except ConnectionResetError:
        return data, f"RST after {time.monotonic() - t:.1f}s"
    except TimeoutError:
        return data, "timeout"
    return data, "limit"


def head(data):
    first = data.split(b"\r\n", 1)[0].decode("latin-1")
    tail = data[-60:] if len(data) < 400 else data[-40:]
    return f"{first!r} {len(data)} bytes, ends {tail!r}"


def get(path):
    return f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode()


def ws_handshake(path):
    key = base64.b64encode(os.urandom(16)).decode()
    return (
        f"GET {path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
    ).encode()


def ws_frame(payload: bytes):
    mask = os.urandom(4)
    body = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return bytes([0x81, 0x80 | len(payload)]) + mask + body


SCENARIOS = {}


def scenario(env=None):
    def deco(fn):
        SCENARIOS[fn.__name__] = (fn, env or {})
        return fn

    return deco


@scenario()
def disc_sleep_fin(srv):
    s = srv.conn()
    s.sendall(get("/sleep?t=2"))
    time.sleep(0.5)
    s.close()
    time.sleep(2.5)


@scenario()
def disc_sleep_rst(srv):
    s = srv.conn(rst=True)
    s.sendall(get("/sleep?t=2"))
    time.sleep(0.5)
    s.close()
    time.sleep(2.5)


@scenario()
def disc_respond_rst(srv):
    s = srv.conn(rst=True)
    s.sendall(get("/respond?n=100&d=0.02"))
    time.sleep(0.5)
    s.recv(1000)
    s.close()
    time.sleep(2)


@scenario()
def disc_respond_fin(srv):
    s = srv.conn()
    s.sendall(get("/respond?n=100&d=0.02"))
    time.sleep(0.5)
    s.shutdown(socket.SHUT_WR)
    time.sleep(2.5)
    d, how = read_all(s, 3)
    print("client:", head(d), how)


@scenario()
def disc_stream_fin(srv):
    s = srv.conn()
    s.sendall(b"POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" + b"a" * 100)
    time.sleep(0.5)
    s.close()
    time.sleep(1.5)


@scenario()
def disc_stream_rst(srv):
    s = srv.conn(rst=True)
    s.sendall(
        b"POST /stream HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\naaaaa\r\n"
    )
    time.sleep(0.5)
    s.close()
    time.sleep(1.5)


@scenario({"RESPONSE_TIMEOUT": 1})
def rt_handler(srv):
    s = srv.conn()
    s.sendall(get("/sleep?t=3"))
    d, how = read_all(s, 5)
    print("client:", head(d), how)
    time.sleep(2.5)


@scenario({"RESPONSE_TIMEOUT": 1})
def rt_respond(srv):
    s = srv.conn()
    s.sendall(get("/respond?n=60&d=0.05"))
    d, how = read_all(s, 6)
    print("client:", head(d), how)
    time.sleep(0.5)


@scenario({"RESPONSE_TIMEOUT": 1})
def rt_stream(srv):
    s = srv.conn()
    s.sendall(b"POST /stream HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" + b"a" * 100)
    d, how = read_all(s, 4)
    print("client:", head(d), how)
    time.sleep(0.5)


@scenario({"RESPONSE_TIMEOUT": 1})
def rt_stream_slow_handler(srv):
    s = srv.conn()
    s.sendall(b"POST /stream?d=3 HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n" + b"a" * 10)
    d, how = read_all(s, 5)
    print("client:", head(d), how)
    time.sleep(2.5)


@scenario({"REQUEST_TIMEOUT": 1, "RESPONSE_TIMEOUT": 3})
def req_timeout_body(srv):
    s = srv.conn()
    s.sendall(b"POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + b"a" * 10)
    d, how = read_all(s, 6)
    print("client:", head(d), how)


@scenario({"REQUEST_TIMEOUT": 1})
def req_timeout_head(srv):
    s = srv.conn()
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    d, how = read_all(s, 4)
    print("client:", head(d), how)


@scenario({"KEEP_ALIVE_TIMEOUT": 1})
def keep_alive(srv):
    s = srv.conn()
    s.sendall(get("/"))
    time.sleep(0.2)
    d, how = read_all(s, 4)
    print("client:", head(d), how)


@scenario({"GRACEFUL_SHUTDOWN_TIMEOUT": 2})
def stop_sigterm_inflight(srv):
    a = srv.conn()
    a.sendall(get("/sleep?t=1"))
    b = srv.conn()
    b.sendall(get("/sleep?t=10"))
    c = srv.conn()
    c.sendall(get("/respond?n=400&d=0.05"))
    idle = srv.conn()
    idle.sendall(get("/"))
    time.sleep(0.3)
    print("term:", srv.term())
    for name, s in (("short", a), ("long", b), ("respond", c), ("idle", idle)):
        d, how = read_all(s, 3)
        print(f"client {name}:", head(d), how)


@scenario({"GRACEFUL_SHUTDOWN_TIMEOUT": 2})
def stop_app_stop_inflight(srv):
    b = srv.conn()
    b.sendall(get("/sleep?t=10"))
    a = srv.conn()
    a.sendall(get("/sleep?t=1"))
    time.sleep(0.3)
    s = srv.conn()
    s.sendall(get("/stop"))
    d, how = read_all(s, 3)
    print("client stop:", head(d), how)
    for name, c in (("short", a), ("long", b)):
        d, how = read_all(c, 4)
        print(f"client {name}:", head(d), how)
    time.sleep(1)
    print("process:", srv.proc.poll())


@scenario()
def tasks(srv):
    s = srv.conn()
    s.sendall(get("/tasks"))
    d, how = read_all(s, 1)
    print("client:", head(d))


@scenario()
def ws_vanish_fin(srv):
    s = srv.conn()
    s.sendall(ws_handshake("/ws"))
    time.sleep(0.3)
    s.sendall(ws_frame(b"hi"))
    time.sleep(0.3)
    s.close()
    time.sleep(1)


@scenario()
def ws_vanish_rst(srv):
    s = srv.conn(rst=True)
    s.sendall(ws_handshake("/ws"))
    time.sleep(0.3)
    s.close()
    time.sleep(1)


@scenario()
def wssleep_vanish(srv):
    s = srv.conn()
    s.sendall(ws_handshake("/wssleep"))
    time.sleep(0.3)
    s.close()
    time.sleep(1)


@scenario({"GRACEFUL_SHUTDOWN_TIMEOUT": 2})
def ws_stop(srv):
    s = srv.conn()
    s.sendall(ws_handshake("/ws"))
    w = srv.conn()
    w.sendall(ws_handshake("/wssleep"))
    time.sleep(0.3)
    print("term:", srv.term())
    for name, c in (("ws", s), ("wssleep", w)):
        d, how = read_all(c, 3)
        print(f"client {name}:", head(d), how)


@scenario({"REQUEST_TIMEOUT": 1})
def errors_mw(srv):
    for raw in (
        b"garbage\r\n\r\n",
        get("/missing"),
        b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"a" * 9000 + b"\r\n\r\n",
        b"POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\n",
    ):
        s = srv.conn()
        s.sendall(raw)
        d, how = read_all(s, 3)
        print("client:", head(d), how)


@scenario({"RESPONSE_TIMEOUT": 1})
def errors_mw2(srv):
    for raw in (
        b"POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"POST /nothere HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab",
        b"POST /body HTTP/1.1\r\nHost: x\r\nExpect: bogus\r\nContent-Length: 1\r\n\r\na",
        b"GET /sleep?t=3 HTTP/1.1\r\nHost: x\r\n\r\n",
    ):
        s = srv.conn()
        s.sendall(raw)
        d, how = read_all(s, 2)
        print("client:", head(d), how)


@scenario({"GRACEFUL_SHUTDOWN_TIMEOUT": 6})
def ws_stop_long_grace(srv):
    s = srv.conn()
    s.sendall(ws_handshake("/ws"))
    time.sleep(0.3)
    print("term:", srv.term())
    d, how = read_all(s, 3)
    print("client ws:", head(d), how)


@scenario({"GRACEFUL_SHUTDOWN_TIMEOUT": 6})
def ws_stop_answering(srv):
    import threading

    s = srv.conn()
    s.sendall(ws_handshake("/ws"))
    time.sleep(0.3)
    got = []

    def answer():
        s.settimeout(8)
        data = b""
        t = time.monotonic()
        try:
            while b"\x88" not in data.split(b"\r\n\r\n", 1)[-1]:
                b = s.recv(4096)
                if not b:
                    break
                data += b
            got.append(f"close frame after {time.monotonic() - t:.1f}s")
            mask = b"\0\0\0\0"
            s.sendall(bytes([0x88, 0x82]) + mask + b"\x03\xe8")
            rest, how = read_all(s, 4)
            got.append(how)
            s.close()
        except OSError as e:
            got.append(repr(e))

    th = threading.Thread(target=answer)
    th.start()
    print("term:", srv.term())
    th.join(10)
    print("client:", got)


@scenario()
def tasks_stubborn(srv):
    s = srv.conn()
    s.sendall(get("/stubborn"))
    d, how = read_all(s, 1)
    print("client:", head(d))
    print("term:", srv.term(40))


@scenario()
def tasks_slow_cleanup(srv):
    s = srv.conn()
    s.sendall(get("/stubborn?only=1"))
    d, how = read_all(s, 1)
    print("client:", head(d))
    print("term:", srv.term(40))


@scenario({"RESPONSE_TIMEOUT": 1})
def rt_respond_idle(srv):
    s = srv.conn()
    s.sendall(get("/respond?n=3&d=2"))
    d, how = read_all(s, 8)
    print("client:", head(d), how)


@scenario({"GRACEFUL_SHUTDOWN_TIMEOUT": 3})
def stop_keepalive_heads(srv):
    a = srv.conn()
    a.sendall(get("/sleep?t=1"))
    time.sleep(0.3)
    print("term:", srv.term())
    d, how = read_all(a, 3)
    print("client:", d.split(b"\r\n\r\n")[0].decode().replace("\r\n", " | "), how)


def main(scenarios=SCENARIOS, app=os.path.join(HERE, "app.py")):
    python = sys.argv[1]
    names = sys.argv[2:] or list(scenarios)
    os.makedirs("/tmp/cancel", exist_ok=True)
    for name in names:
        fn, env = scenarios[name]
        print(f"=== {name} {env}")
        srv = Server(python, env, app)
        try:
            fn(srv)
        finally:
            print("term:", srv.term())
        for line in srv.records():
            print("  rec:", line)
        for line in srv.stderr():
            print("  log:", line)


if __name__ == "__main__":
    main()
