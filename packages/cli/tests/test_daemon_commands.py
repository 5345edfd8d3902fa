"""The ``sanic`` command's daemon side as Sanic's: ``--daemon`` start-up checks and
messages, ``status``/``stop``/``kill``/``restart`` output and exit statuses, and only the
process named by the PID (file) is ever signalled."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hurtle_cli.daemon import Daemon
from hurtle_cli.daemon_commands import announce, daemon_command, log_started
from hurtle_cli.main import main


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    return tmp_path


@pytest.fixture
def sleeper():
    code = "import time; print('up', flush=True); time.sleep(30)"
    proc = subprocess.Popen([sys.executable, "-c", code, "sanic"], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline() == b"up\n"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(5)
    proc.stdout.close()


SERVE_MODULE = """
from hurtle_app import Sanic


class App(Sanic):
    def prepare(self, **kwargs):
        raise AssertionError("prepared: the daemon checks should have stopped it")


app = App("DaemonChecks")
"""


@pytest.fixture
def target(importable) -> str:
    return importable("daemon_checks", SERVE_MODULE, "DaemonChecks") + ":app"


@pytest.mark.parametrize("option", ["--pidfile=x.pid", "--logfile=x.log"])
def test_pidfile_and_logfile_require_daemon(target, option) -> None:
    # As Sanic: the exit message (printed to stderr by the interpreter, status 1).
    with pytest.raises(SystemExit) as exited:
        main([target, option])
    assert exited.value.code == "Error: --pidfile and --logfile require --daemon"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--dev"], "Daemon mode is not compatible with --dev or --auto-reload"),
        (["--auto-reload"], "Daemon mode is not compatible with --dev or --auto-reload"),
        (["--dev", "--no-repl"], "Daemon mode is not compatible with --dev or --auto-reload"),
        (["--repl"], "Daemon mode is not compatible with --repl"),
    ],
)
def test_a_daemon_has_no_reloader_and_no_console(target, options, message, caplog, capsys):
    with caplog.at_level("ERROR", logger="sanic.error"):
        assert main([target, "--daemon", *options]) == 1
    assert [(r.name, r.getMessage()) for r in caplog.records] == [("sanic.error", message)]
    assert "Starting Sanic in daemon mode" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--pidfile=/no/such/dir/a.pid"], "PID file directory does not exist: /no/such/dir"),
        (["--logfile=/no/such/dir/a.log"], "Log file directory does not exist: /no/such/dir"),
        (["--user=no-such-user-here"], "User 'no-such-user-here' does not exist"),
        (["--group=no-such-group-here"], "Group 'no-such-group-here' does not exist"),
    ],
)
def test_what_would_fail_in_the_background_is_logged_before_forking(
    target, options, message, caplog, capsys
) -> None:
    with caplog.at_level("ERROR", logger="sanic.error"):
        assert main([target, "--daemon", *options]) == 1
    assert [(r.name, r.getMessage()) for r in caplog.records] == [
        ("sanic.error", f"Daemon error: {message}")
    ]
    assert not Path("/no/such/dir").exists()
    assert capsys.readouterr().out.startswith("Starting Sanic in daemon mode...\n  PID file: ")


def test_a_second_daemon_of_a_running_app_is_refused_before_forking(
    target, sleeper, caplog, capsys
) -> None:
    Daemon.get_pidfile_path("DaemonChecks").write_text(f"sanic\npid={sleeper.pid}\n")
    with caplog.at_level("ERROR", logger="sanic.error"):
        assert main([target, "--daemon"]) == 1
    assert f"Daemon error: Daemon already running with PID {sleeper.pid}" in caplog.text
    assert capsys.readouterr().out == (
        "Starting Sanic in daemon mode...\n"
        f"  PID file: {Daemon.get_pidfile_path('DaemonChecks')}\n"
    )
    assert sleeper.poll() is None


def test_status_then_stop_by_app_name(sleeper, capsys) -> None:
    pidfile = Daemon.get_pidfile_path("Demo")
    pidfile.write_text(f"sanic\npid={sleeper.pid}\nstarted=1\nname=Demo\n")
    pidfile.with_suffix(".lock").write_text("")
    assert daemon_command("status", [], app_name="Demo") == 0
    assert capsys.readouterr().out == f"Process {sleeper.pid} is running\n"
    assert daemon_command("stop", [], app_name="Demo") == 0
    assert capsys.readouterr().out == (
        f"Sent SIGTERM to process {sleeper.pid}\nRemoved PID file: {pidfile}\n"
    )
    assert sleeper.wait(timeout=10) != 0
    assert not pidfile.exists()
    assert not pidfile.with_suffix(".lock").exists()


def test_a_stale_pidfile_is_reported_and_removed(sleeper, capsys) -> None:
    pidfile = Daemon.get_pidfile_path("Gone")
    sleeper.kill()
    sleeper.wait(5)
    pidfile.write_text(f"sanic\npid={sleeper.pid}\n")
    assert daemon_command("status", [], app_name="Gone") == 1
    assert capsys.readouterr().out == (
        f"Process {sleeper.pid} is NOT running\nRemoved stale PID file: {pidfile}\n"
    )
    assert daemon_command("status", [], app_name="Gone") == 1
    assert capsys.readouterr().err == f"PID file not found: {pidfile}\n"


def test_kill_by_pid_and_by_pidfile_removes_the_pid_and_lock_files(
    sleeper, tmp_path, capsys
) -> None:
    """A SIGKILLed daemon cannot clean up: kill removes its lock file too, so that the next
    start does not trip over it."""
    assert daemon_command("status", ["--pid", str(sleeper.pid)]) == 0
    assert capsys.readouterr().out == f"Process {sleeper.pid} is running\n"
    pidfile = tmp_path / "custom.pid"
    pidfile.write_text(f"sanic\npid={sleeper.pid}\n")
    (tmp_path / "custom.lock").write_text("")
    assert daemon_command("kill", ["--pidfile", str(pidfile)]) == 0
    assert capsys.readouterr().out == (
        f"Sent SIGKILL to process {sleeper.pid}\nRemoved PID file: {pidfile}\n"
    )
    assert sleeper.wait(timeout=10) == -9
    assert not pidfile.exists()
    assert not (tmp_path / "custom.lock").exists()


def test_restart_is_announced_as_not_implemented_yet(tmp_path, capsys) -> None:
    """As Sanic: the notice and status 0, once the process is named."""
    assert daemon_command("restart", ["--pid", "1"]) == 0
    assert capsys.readouterr().out == (
        "Restart is not yet implemented. Coming in a future release.\n"
    )
    assert daemon_command("restart", ["--pidfile", str(tmp_path / "none.pid")]) == 1
    assert capsys.readouterr().err == f"PID file not found: {tmp_path / 'none.pid'}\n"


def test_a_pidfile_sanic_did_not_write_is_refused_and_not_signalled(
    sleeper, tmp_path, capsys
) -> None:
    pidfile = tmp_path / "other.pid"
    pidfile.write_text(f"{sleeper.pid}\n")
    for action in ("kill", "status"):
        assert daemon_command(action, ["--pidfile", str(pidfile)]) == 1
        assert capsys.readouterr().err == f"Invalid PID file: {pidfile}\n"
    assert sleeper.poll() is None
    assert pidfile.exists()


def test_kill_of_a_missing_process_says_not_found(sleeper, tmp_path, capsys) -> None:
    sleeper.kill()
    sleeper.wait(5)
    pidfile = tmp_path / "gone.pid"
    pidfile.write_text(f"sanic\npid={sleeper.pid}\n")
    assert daemon_command("kill", ["--pidfile", str(pidfile)]) == 1
    assert capsys.readouterr().err == f"Process {sleeper.pid} not found\n"
    assert pidfile.exists()
    assert daemon_command("kill", ["--pid", str(sleeper.pid)]) == 1
    assert capsys.readouterr().err == f"Process {sleeper.pid} not found\n"


def test_pid_zero_or_negative_is_never_signalled(tmp_path, capsys, monkeypatch) -> None:
    """os.kill(0 or -N) would reach a whole process group."""
    sent: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: sent.append((pid, sig)))
    assert daemon_command("kill", ["--pid", "0"]) == 1
    assert daemon_command("status", ["--pid", "-1"]) == 1
    pidfile = tmp_path / "group.pid"
    pidfile.write_text("sanic\npid=0\n")
    assert daemon_command("kill", ["--pidfile", str(pidfile)]) == 1
    assert sent == []
    assert capsys.readouterr().out == "Process -1 is NOT running\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "one of the arguments --pid --pidfile is required"),
        (["--pid", "1", "--pidfile", "x"], "argument --pidfile: not allowed with argument --pid"),
        (["--pid", "abc"], "argument --pid: invalid int value: 'abc'"),
    ],
)
def test_pid_or_pidfile_exactly_one(argv, message, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        daemon_command("status", argv)
    assert exited.value.code == 2
    assert capsys.readouterr().err == f"sanic: error: {message}\n"


def test_the_terminal_is_told_where_the_log_file_is(tmp_path, capsys) -> None:
    announce(tmp_path / "a.pid", str(tmp_path / "a.log"))
    assert capsys.readouterr().out.splitlines() == [
        "Starting Sanic in daemon mode...",
        f"  PID file: {tmp_path / 'a.pid'}",
        f"  Logs: {tmp_path / 'a.log'}",
    ]
    announce(tmp_path / "a.pid", None)
    assert "Logs" not in capsys.readouterr().out


def test_the_daemon_log_starts_with_its_pid_and_files(tmp_path, caplog) -> None:
    with caplog.at_level("INFO", logger="sanic.root"):
        log_started(tmp_path / "a.pid", "App", str(tmp_path / "a.log"))
    (record,) = [r for r in caplog.records if r.name == "sanic.root"]
    assert record.getMessage() == "Sanic daemon started"
    assert (record.daemon_pid, record.daemon_pidfile, record.daemon_logfile, record.daemon_name) == (
        os.getpid(), str(tmp_path / "a.pid"), str(tmp_path / "a.log"), "App"
    )


def test_help_shows_the_daemon_commands(capsys) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "sanic path.to.server status|stop|restart" in out
    assert "sanic status|kill|restart (--pid PID | --pidfile PATH)" in out
