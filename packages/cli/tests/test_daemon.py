"""Daemon management as Sanic's: PID files under ~/.local/state/sanic named after the app,
Sanic's messages, and only the process named by the PID (file) is signalled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hurtle_cli.daemon import (
    DaemonError,
    announce,
    daemon_command,
    daemonize,
    default_pidfile,
    log_started,
    read_pid,
    write_pidfile,
)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    return tmp_path


def test_the_runtime_dir_comes_first_when_there_is_one(tmp_path, monkeypatch) -> None:
    runtime = tmp_path / "run-user"
    runtime.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert default_pidfile("AppName") == runtime / "sanic" / "AppName.pid"
    monkeypatch.setenv("XDG_RUNTIME_DIR", "")
    assert default_pidfile("AppName") == tmp_path / ".local" / "state" / "sanic" / "AppName.pid"


@pytest.fixture
def sleeper():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(5)


def test_default_pidfile_is_named_after_the_app_in_the_state_folder(home) -> None:
    assert default_pidfile("AppName") == home / ".local" / "state" / "sanic" / "AppName.pid"


def test_pidfile_has_sanics_lines_and_both_forms_are_read(tmp_path) -> None:
    path = tmp_path / "a.pid"
    write_pidfile(path, "AppName")
    lines = path.read_text().splitlines()
    assert lines[0] == "sanic" and lines[-1] == "name=AppName"
    assert read_pid(path) == int(lines[1].removeprefix("pid="))
    path.write_text("sanic\npid=4242\n")
    assert read_pid(path) == 4242
    for other in ("4242\n", "pid=4242\n", "sanic\npid=0\n", "sanic\n", ""):
        path.write_text(other)
        assert read_pid(path) is None, other


def test_status_then_stop_by_app_name(sleeper, capsys) -> None:
    pidfile = default_pidfile("Demo")
    pidfile.write_text(f"sanic\npid={sleeper.pid}\nstarted=1\nname=Demo\n")
    assert daemon_command("status", [], app_name="Demo") == 0
    assert capsys.readouterr().out == f"Process {sleeper.pid} is running\n"
    assert daemon_command("stop", [], app_name="Demo") == 0
    assert capsys.readouterr().out == (
        f"Sent SIGTERM to process {sleeper.pid}\nRemoved PID file: {pidfile}\n"
    )
    assert sleeper.wait(timeout=10) != 0
    assert not pidfile.exists()


def test_a_stale_pidfile_is_reported_and_removed(sleeper, capsys) -> None:
    pidfile = default_pidfile("Gone")
    sleeper.kill()
    sleeper.wait(5)
    pidfile.write_text(f"sanic\npid={sleeper.pid}\n")
    assert daemon_command("status", [], app_name="Gone") == 1
    assert capsys.readouterr().out == (
        f"Process {sleeper.pid} is NOT running\nRemoved stale PID file: {pidfile}\n"
    )
    assert daemon_command("status", [], app_name="Gone") == 1
    assert capsys.readouterr().err == f"PID file not found: {pidfile}\n"


def test_kill_by_pid_and_by_pidfile(sleeper, tmp_path, capsys) -> None:
    assert daemon_command("status", ["--pid", str(sleeper.pid)]) == 0
    pidfile = tmp_path / "custom.pid"
    pidfile.write_text(f"sanic\npid={sleeper.pid}\n")
    assert daemon_command("kill", ["--pidfile", str(pidfile)]) == 0
    assert f"Sent SIGKILL to process {sleeper.pid}" in capsys.readouterr().out
    assert sleeper.wait(timeout=10) == -9
    assert not pidfile.exists()


def test_restart_says_it_is_not_available(tmp_path, capsys) -> None:
    """As Sanic: a notice and status 0, once the PID file is found."""
    assert daemon_command("restart", ["--pid", "1"]) == 0
    assert "not available yet" in capsys.readouterr().out
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


def test_pid_zero_or_negative_is_never_signalled(capsys, monkeypatch) -> None:
    """os.kill(0 or -N) would reach a whole process group."""
    import os

    sent: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "kill", lambda pid, sig: sent.append((pid, sig)))
    assert daemon_command("kill", ["--pid", "0"]) == 1
    assert daemon_command("status", ["--pid", "-1"]) == 1
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


def test_a_second_daemon_of_a_running_app_is_refused_before_forking(sleeper, capsys) -> None:
    default_pidfile("Busy").write_text(f"sanic\npid={sleeper.pid}\n")
    with pytest.raises(DaemonError, match=f"already running with PID {sleeper.pid}"):
        daemonize("Busy")
    assert "Starting Sanic in daemon mode..." in capsys.readouterr().out


def test_an_unknown_user_is_refused_before_forking() -> None:
    with pytest.raises(DaemonError, match="User 'no-such-user-here' does not exist"):
        daemonize("Someone", user="no-such-user-here")


def test_an_exited_but_unreaped_process_is_not_running() -> None:
    import time

    from hurtle_cli.daemon import is_alive

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        deadline = time.monotonic() + 20
        while is_alive(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not is_alive(proc.pid)
        assert Path(f"/proc/{proc.pid}").exists()  # a zombie: exited, not reaped yet
    finally:
        proc.wait(5)


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
    import os

    with caplog.at_level("INFO", logger="sanic.root"):
        log_started(tmp_path / "a.pid", "App", str(tmp_path / "a.log"))
    (record,) = [r for r in caplog.records if r.name == "sanic.root"]
    assert record.getMessage() == "Sanic daemon started"
    assert (record.daemon_pid, record.daemon_pidfile, record.daemon_logfile, record.daemon_name) == (
        os.getpid(), str(tmp_path / "a.pid"), str(tmp_path / "a.log"), "App"
    )
