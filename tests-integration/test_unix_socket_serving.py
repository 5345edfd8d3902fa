"""``app.run(unix=...)`` for real: the socket file, its takeover by a new server (a restart
without a gap, as Sanic 25.12) and its removal at shutdown, with worker processes."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

APP = """
import sys
from sanic import Sanic
from sanic.response import text

app = Sanic("UnixServing")

@app.get("/")
async def index(request):
    return text(sys.argv[1])

@app.get("/where")
async def where(request):
    return text(str(request.conn_info.server))

if __name__ == "__main__":
    app.run(unix={path!r}, workers=2, motd=False)
"""


def _get(path: str, target: str = "/") -> str:
    transport = httpx.HTTPTransport(uds=path)
    with httpx.Client(transport=transport, timeout=5) as client:
        return client.get(f"http://localhost{target}").text


def _wait_for(path: str, name: str, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read() if proc.stdout else ""
            raise RuntimeError(f"server exited with {proc.returncode}:\n{out}")
        with contextlib.suppress(httpx.HTTPError, OSError):
            if _get(path) == name:
                return
        time.sleep(0.1)
    raise TimeoutError(f"{name} never answered on {path}")


@contextlib.contextmanager
def _server(script: Path, name: str) -> Iterator[subprocess.Popen]:
    proc = subprocess.Popen(
        [sys.executable, str(script), name], cwd=script.parent, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


def _stop(proc: subprocess.Popen) -> int:
    os.killpg(proc.pid, signal.SIGINT)
    return proc.wait(timeout=30)


def test_a_new_server_takes_the_path_over_and_the_old_one_leaves_it(tmp_path: Path) -> None:
    path = str(tmp_path / "app.sock")
    script = tmp_path / "unix_app.py"
    script.write_text(textwrap.dedent(APP).format(path=path))
    with _server(script, "old") as old:
        _wait_for(path, "old", old)
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o666
        assert _get(path, "/where") == path  # not the temporary name it was bound under
        with _server(script, "new") as new:
            _wait_for(path, "new", new)  # the new server answers at once on the same path
            assert _stop(old) == 0
            assert _get(path) == "new"  # the old one's shutdown left the new one's file
            assert _stop(new) == 0
    assert not os.path.lexists(path)  # removed by the server that stopped last
    assert os.listdir(tmp_path) == ["unix_app.py"]


def test_a_relative_path_is_named_in_full_by_every_worker(tmp_path: Path) -> None:
    # As Sanic: `unix="app.sock"` is the file in the folder the server started from, and
    # handlers see its absolute path in conn_info.server (and the socket's own name).
    script = tmp_path / "unix_app.py"
    script.write_text(textwrap.dedent(APP).format(path="app.sock"))
    path = str(tmp_path / "app.sock")
    with _server(script, "rel") as proc:
        _wait_for(path, "rel", proc)
        seen = {_get(path, "/where") for _ in range(6)}
        assert _stop(proc) == 0
    assert seen == {path}
    assert not os.path.lexists(path)
