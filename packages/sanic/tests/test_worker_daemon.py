"""``sanic.worker.daemon.Daemon``: Sanic's class for background runs, black-box facts."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sanic.worker.daemon import Daemon, DaemonError, PidfileInfo


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    return tmp_path


def test_default_pidfile_is_named_after_the_app(home) -> None:
    assert Daemon.get_pidfile_path("My App/x") == (
        home / ".local" / "state" / "sanic" / "My_App_x.pid"
    )


def test_pidfile_info_reads_only_a_daemons_pidfile(tmp_path) -> None:
    written = tmp_path / "app.pid"
    written.write_text("sanic\npid=123\nstarted=5\nname=AppName\n")
    assert Daemon.read_pidfile_info(written) == PidfileInfo(123, 5, "AppName")
    assert Daemon.read_pidfile(written) == 123
    bare = tmp_path / "bare.pid"
    bare.write_text("123\n")
    assert Daemon.read_pidfile_info(bare) is None and Daemon.read_pidfile(bare) is None
    assert Daemon.read_pidfile(tmp_path / "missing.pid") is None


def test_validate_refuses_an_unknown_user_and_a_running_daemon(tmp_path) -> None:
    with pytest.raises(DaemonError, match="User 'no-such-user-here' does not exist"):
        Daemon(name="Foo", user="no-such-user-here").validate()
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        pidfile = tmp_path / "busy.pid"
        pidfile.write_text(f"sanic\npid={proc.pid}\n")
        with pytest.raises(DaemonError, match=f"already running with PID {proc.pid}"):
            Daemon(pidfile=str(pidfile), name="Busy").validate()
    finally:
        proc.kill()
        proc.wait(5)
    Daemon(pidfile=str(tmp_path / "free.pid"), name="Free").validate()  # nothing in the way
