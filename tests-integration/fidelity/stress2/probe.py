import atexit
import contextlib
import json
import os
import signal
import socket
import struct
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
HUR = os.environ.get("HURTLE_PY", os.path.join(HERE, "../../../.venv/bin/python"))
REF = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
SCRATCH = os.environ.get("S2_SCRATCH", "/tmp/stress2")
os.makedirs(SCRATCH, exist_ok=True)
APP = os.path.join(HERE, "app.py")


class Server:
    def __init__(self, which, port, env=None, single=True):
        self.which = which
        self.port = port
        self.log = open(os.path.join(SCRATCH, f"log-{which}-{port}.txt"), "w+")
        e = {**os.environ, "S2_PORT": str(port), "S2_SINGLE": "1" if single else "0", **(env or {})}
        self.proc = subprocess.Popen(
            [HUR if which == "hurtle" else REF, APP],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env=e,
            start_new_session=True,
            cwd=SCRATCH,
        )
        atexit.register(lambda: self.proc.poll() is None and self.stop())
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                self.stats()
                time.sleep(0.3)
                if self.proc.poll() is not None:
                    raise RuntimeError("server exited (port taken?)")
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("no start")

    def get(self, path, timeout=10):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while True:
            c = s.recv(65536)
            if not c:
                break
            data += c
        s.close()
        return data

    def stats(self):
        d = self.get("/stats")
        return json.loads(d.split(b"\r\n\r\n", 1)[1])

    def short(self):
        s = self.stats()
        return f"fds={s['fds']} tasks={s['tasks']} rss={s['rss_kb'] // 1024}MB"

    def logtext(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def stop(self, timeout=20):
        t = time.monotonic()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGINT)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)
            return "KILLED after %.1fs" % (time.monotonic() - t)
        return f"exited {self.proc.returncode} after {time.monotonic() - t:.1f}s"


def conn(port, timeout=10):
    return socket.create_connection(("127.0.0.1", port), timeout=timeout)


def rst(s):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


def smallbuf(port):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect(("127.0.0.1", port))
    s.settimeout(10)
    return s


def read_until_close(s, limit=30):
    n = 0
    t = time.monotonic()
    s.settimeout(limit)
    try:
        while True:
            c = s.recv(1 << 20)
            if not c:
                return n, "eof", time.monotonic() - t
            n += len(c)
    except ConnectionResetError:
        return n, "reset", time.monotonic() - t
    except TimeoutError:
        return n, "timeout", time.monotonic() - t
