"""What the config2 process probes share: the two interpreters, a free port, a bounded
connect, a GET read to the end, the environment of a case, and stopping a child."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHONS = {"sanic": "/tmp/st-ref/bin/python", "hurtle": str(HERE.parents[2] / ".venv/bin/python")}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def connect(port: int, tries: int = 150) -> socket.socket | None:
    """A connection to the loopback port, retried every 0.1 s while the server starts."""
    for _ in range(tries):
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            time.sleep(0.1)
    return None


def get(port: int, path: str, extra: str = "") -> bytes | None:
    """The whole answer to one GET (``extra``: more header lines), or None if no server."""
    conn = connect(port)
    if conn is None:
        return None
    conn.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n{extra}Connection: close\r\n\r\n".encode())
    data = b""
    try:
        while chunk := conn.recv(65536):
            data += chunk
    except OSError:
        pass
    conn.close()
    return data


def case_env(case: dict) -> dict:
    """This environment without any SANIC_ variable, then the case's variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANIC_")}
    env.update(case)
    return env


def stop(child: subprocess.Popen) -> tuple[bytes, bytes]:
    """SIGINT the child if it runs, then its output; killed if not done within 15 s."""
    if child.poll() is None:
        child.send_signal(signal.SIGINT)
    try:
        out, err = child.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
    return out or b"", err or b""
