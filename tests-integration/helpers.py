"""Shared helpers for integration tests: free ports, app subprocesses, raw HTTP."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port(host: str = "127.0.0.1") -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def wait_for_port(host: str, port: int, proc: subprocess.Popen, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read() if proc.stdout else ""
            raise RuntimeError(f"server exited with {proc.returncode} before listening:\n{out}")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listening on {host}:{port} after {timeout}s")


@contextlib.contextmanager
def running(
    args: list[str], host: str, port: int, *, cwd: Path | None = None,
    env: dict[str, str] | None = None, timeout: float = 20.0,
) -> Iterator[subprocess.Popen]:
    """Run ``python args...`` until it listens on host:port; stop it (by its PID) after."""
    proc = subprocess.Popen(
        [sys.executable, *args], cwd=cwd or ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, env={**os.environ, **(env or {})},
        start_new_session=True,
    )
    try:
        wait_for_port(host, port, proc, timeout)
        yield proc
    finally:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)


def raw_request(host: str, port: int, data: bytes, timeout: float = 5.0) -> bytes:
    """Send bytes, read until the server closes (or timeout), return what came back."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def server_output(proc: subprocess.Popen) -> str:
    """What a stopped server started by ``running`` printed (its pipe closed)."""
    if proc.stdout is None:
        return ""
    with proc.stdout:
        return proc.stdout.read()


def uvicorn_app(where: Path, source: str, host: str = "127.0.0.1") -> tuple[list[str], int]:
    """Write ``source`` as ``uvapp.py`` in ``where``; the ``running`` arguments that serve
    its ``app`` under uvicorn on a free port of ``host``, and the port."""
    (where / "uvapp.py").write_text(textwrap.dedent(source))
    port = free_port(host)
    return ["-m", "uvicorn", "uvapp:app", "--host", host, "--port", str(port)], port


def run_checked(*args: str, timeout: float = 600) -> str:
    """Run a command; its stdout, or an AssertionError showing both streams."""
    done = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def plugin_venv(where: Path, no_deps: list[str], extras: tuple[str, ...] | list[str] = ()) -> str:
    """A scratch venv with every workspace package (editable), the plugin packages
    ``no_deps`` installed without their dependencies (so the real ``sanic`` never comes
    in) and ``extras``; returns its python. Checks that no ``sanic`` distribution got in.
    """
    import shutil

    uv = shutil.which("uv")
    if uv is None:
        raise AssertionError("this test needs `uv` on PATH to build its scratch venv")
    venv = where / "venv"
    run_checked(uv, "venv", "-q", "--python", sys.executable, str(venv))
    python = str(venv / "bin" / "python")
    editable = [arg for pkg in sorted((ROOT / "packages").iterdir()) for arg in ("-e", str(pkg))]
    run_checked(uv, "pip", "install", "-q", "--python", python, *editable)
    run_checked(uv, "pip", "install", "-q", "--python", python, "--no-deps", *no_deps)
    if extras:
        run_checked(uv, "pip", "install", "-q", "--python", python, *extras)
    installed = run_checked(uv, "pip", "list", "--python", python)
    names = [line.split()[0] for line in installed.splitlines()[2:] if line.strip()]
    assert "sanic" not in names, "the real sanic was installed into the plugin venv"
    return python


def poll_text(url: str, expected: str, timeout: float = 30.0) -> str:
    """GET ``url`` until its body is ``expected`` (or ``timeout``); the last body seen."""
    import httpx

    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            last = httpx.get(url, timeout=5).text
        except httpx.HTTPError:
            last = "<no answer>"
        if last == expected:
            return last
        time.sleep(0.1)
    return last


def edit_until(path: Path, text: str, url: str, expected: str, attempts: int = 6,
               each: float = 5.0) -> str:
    """Write ``text`` to ``path`` until ``url`` answers ``expected``; the last body seen.

    A reloader compares modification times with those it saw first; on a loaded machine its
    first look can come after an edit, which it then takes as the starting point. Writing
    the file again (a new mtime) after ``each`` seconds without the change covers that,
    ``attempts`` times at most.
    """
    last = ""
    for _ in range(attempts):
        path.write_text(text)
        last = poll_text(url, expected, timeout=each)
        if last == expected:
            break
    return last
