"""``sanic.worker.daemon``: Sanic's module for background runs offers Sanic's names, and
they behave as Sanic's (the behaviour itself is tested in hurtle-cli)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sanic.worker.daemon import (
    Daemon,
    DaemonError,
    PidfileInfo,
    _get_default_runtime_dir,
    _is_sanic_process,
    _process_exists,
    _sanitize_name,
)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    return tmp_path


def test_default_pidfiles_go_to_the_state_folder_named_after_the_app(home) -> None:
    assert _get_default_runtime_dir() == home / ".local" / "state" / "sanic"
    assert _sanitize_name("._My App/x_.") == "My_App_x"
    assert Daemon.get_pidfile_path("My App/x") == (
        home / ".local" / "state" / "sanic" / "My_App_x.pid"
    )
    assert Daemon(name="My App/x", pidfile="auto").pidfile == Daemon.get_pidfile_path("My_App_x")
    assert Daemon(name="My App/x").pidfile is None


def test_pidfile_info_reads_only_a_daemons_pidfile(tmp_path) -> None:
    written = tmp_path / "app.pid"
    written.write_text("sanic\npid=123\nstarted=5\nname=AppName\n")
    assert Daemon.read_pidfile_info(written) == PidfileInfo(123, 5, "AppName")
    assert Daemon.read_pidfile(written) == 123
    bare = tmp_path / "bare.pid"
    bare.write_text("123\n")
    assert Daemon.read_pidfile_info(bare) is None and Daemon.read_pidfile(bare) is None
    assert Daemon.read_pidfile(tmp_path / "missing.pid") is None


def test_a_running_daemon_is_a_live_sanic_process(tmp_path) -> None:
    code = "import time; print('up', flush=True); time.sleep(30)"
    proc = subprocess.Popen([sys.executable, "-c", code, "sanic"], stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == b"up\n"
        assert _process_exists(proc.pid) and _is_sanic_process(proc.pid)
        pidfile = tmp_path / "busy.pid"
        pidfile.write_text(f"sanic\npid={proc.pid}\n")
        with pytest.raises(DaemonError, match=f"already running with PID {proc.pid}"):
            Daemon(pidfile=str(pidfile), name="Busy").validate()
    finally:
        proc.kill()
        proc.wait(5)
        proc.stdout.close()
    assert not _process_exists(proc.pid)
    Daemon(pidfile=str(pidfile), name="Busy").validate()  # stale: nothing in the way
    assert _process_exists(os.getpid())


def test_validate_refuses_an_unknown_user_and_a_missing_folder() -> None:
    with pytest.raises(DaemonError, match="User 'no-such-user-here' does not exist"):
        Daemon(name="Foo", user="no-such-user-here").validate()
    with pytest.raises(DaemonError, match="PID file directory does not exist: /no/such"):
        Daemon(pidfile="/no/such/a.pid").validate()


def test_patching_path_or_the_platform_here_reaches_the_daemon_code() -> None:
    # tests written for Sanic patch these names of sanic.worker.daemon
    from unittest.mock import MagicMock, patch

    with patch("sanic.worker.daemon.Path") as path:
        cmdline = MagicMock()
        cmdline.exists.return_value = True
        cmdline.read_bytes.return_value = b"python\x00-m\x00flask\x00app"
        path.return_value = cmdline
        assert _is_sanic_process(12345) is False
        cmdline.read_bytes.return_value = b"python\x00-m\x00sanic\x00app"
        assert _is_sanic_process(12345) is True
    with patch("sanic.worker.daemon.OS_IS_WINDOWS", True):
        with pytest.raises(DaemonError, match="not supported on Windows"):
            Daemon()
    assert Daemon().pidfile is None  # both restored


def test_sanic_cli_parser_after_attach(monkeypatch) -> None:
    from sanic.cli.app import SanicCLI

    monkeypatch.setattr(sys, "argv", ["sanic", "app:app", "--daemon"])
    cli = SanicCLI()
    cli.attach()
    args = cli.parser.parse_args(["app:app", "--daemon", "--pidfile=/tmp/x.pid", "--user=nobody"])
    assert (args.daemon, args.pidfile, args.daemon_user) == (True, "/tmp/x.pid", "nobody")

    monkeypatch.setattr(sys, "argv", ["sanic", "kill", "--pid", "12"])
    cli = SanicCLI()
    cli.attach()
    args = cli.parser.parse_args(["--pid", "12"])
    assert (args.pid, args.pidfile) == (12, None)
    with pytest.raises(SystemExit):
        cli.parser.parse_args([])  # --pid or --pidfile is required
