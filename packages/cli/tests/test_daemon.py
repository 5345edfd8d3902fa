"""``hurtle_cli.daemon``: the daemon as Sanic 25.12's (where PID files go, what validate
refuses, the lock file, reading PID files, dropping privileges)."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hurtle_cli.daemon import (
    Daemon,
    DaemonError,
    PidfileInfo,
    is_sanic_process,
    process_exists,
    runtime_dir,
    sanitize_name,
)


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    return tmp_path


def start_sleeper(*argv: str) -> subprocess.Popen:
    """A process sleeping 30 s, once it runs its own command line (it says so).

    Its command line is ``sleeper -c CODE ARGV...``: the interpreter's path is left out of it
    (``executable=``), since a venv's path may itself name Sanic or Hurtle."""
    code = "import time; print('up', flush=True); time.sleep(30)"
    proc = subprocess.Popen(
        ["sleeper", "-c", code, *argv], executable=sys.executable, stdout=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stdout.readline() == b"up\n"
    return proc


def stop_sleeper(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(5)
    if proc.stdout is not None:
        proc.stdout.close()


@pytest.fixture
def sleeper():
    """A live process whose command line names Sanic (as a daemon's does)."""
    proc = start_sleeper("sanic")
    yield proc
    stop_sleeper(proc)


def test_the_runtime_dir_comes_first_then_state_then_cache_then_cwd(
    home, tmp_path, monkeypatch
) -> None:
    runtime = tmp_path / "run-user"
    runtime.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert runtime_dir() == runtime / "sanic"
    assert (runtime / "sanic").stat().st_mode & 0o777 == 0o700
    monkeypatch.setenv("XDG_RUNTIME_DIR", "")
    assert runtime_dir() == home / ".local" / "state" / "sanic"
    # A file where a folder should be: that candidate cannot be created, the next is used.
    (home / ".local" / "state" / "sanic").rmdir()
    (home / ".local" / "state").rmdir()
    (home / ".local" / "state").write_text("")
    assert runtime_dir() == home / ".cache" / "sanic"
    (home / ".cache" / "sanic").rmdir()
    (home / ".cache").rmdir()
    (home / ".cache").write_text("")
    monkeypatch.chdir(tmp_path / "run-user")
    assert runtime_dir() == tmp_path / "run-user"


@pytest.mark.parametrize(
    ("name", "file_name"),
    [
        ("MyApp123", "MyApp123"),
        ("my-app_v1.2", "my-app_v1.2"),
        ("my app/x:y", "my_app_x_y"),
        ("._my.app_.", "my.app"),  # never a hidden file, no trailing dot
        ("-x-", "-x-"),
        ("Überapp", "Überapp"),
        ("", "sanic"),
        ("._._", "sanic"),
    ],
)
def test_an_app_name_becomes_a_file_name(name, file_name, home) -> None:
    assert sanitize_name(name) == file_name
    assert Daemon.get_pidfile_path(name) == home / ".local" / "state" / "sanic" / f"{file_name}.pid"


def test_no_pid_file_unless_asked_and_auto_is_the_apps_default() -> None:
    assert Daemon().pidfile is None
    assert Daemon(name="My App").pidfile is None
    auto = Daemon(name="My App", pidfile="auto")
    assert auto.name == "My_App"
    assert auto.pidfile == Daemon.get_pidfile_path("My_App")
    assert Daemon(name="My App", pidfile="").pidfile == auto.pidfile
    anonymous = [Daemon(pidfile="auto").pidfile for _ in range(2)]
    assert anonymous[0] != anonymous[1]
    assert all(p.name.startswith("sanic-") and p.suffix == ".pid" for p in anonymous)
    given = Daemon(pidfile="run/app.pid", logfile="app.log", user="u", group="g")
    assert (given.pidfile, given.logfile, given.user, given.group) == (
        Path("run/app.pid"), Path("app.log"), "u", "g"
    )


def test_pidfile_info_is_read_only() -> None:
    info = PidfileInfo(pid=5)
    assert (info.started, info.name) == (None, None)
    with pytest.raises(AttributeError):
        info.pid = 6  # type: ignore[misc]


@pytest.mark.parametrize(
    ("content", "info"),
    [
        ("sanic\npid=123\nstarted=1700000000\nname=App\n", PidfileInfo(123, 1700000000, "App")),
        ("sanic\npid=123\n", PidfileInfo(123)),
        ("sanic\r\n pid = 123 \r\nstarted=soon\nname=\n", PidfileInfo(123)),
        ("sanic\nname=a=b\npid=1\npid=2\n", PidfileInfo(2, None, "a=b")),
        ("123\n", None),
        ("not_sanic\npid=123\n", None),
        ("sanic\npid=abc\n", None),
        ("sanic\nstarted=5\n", None),
        ("", None),
    ],
)
def test_reading_a_pid_file(tmp_path, content, info) -> None:
    path = tmp_path / "app.pid"
    path.write_text(content)
    assert Daemon.read_pidfile_info(path) == info
    assert Daemon.read_pidfile(path) == (info.pid if info else None)


def test_a_missing_or_undecodable_pid_file_reads_as_none(tmp_path) -> None:
    assert Daemon.read_pidfile_info(tmp_path / "missing.pid") is None
    (tmp_path / "bin.pid").write_bytes(b"sanic\npid=1\n\xff")
    assert Daemon.read_pidfile_info(tmp_path / "bin.pid") is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"user": "no-such-user-here"}, "User 'no-such-user-here' does not exist"),
        ({"user": "0"}, "User '0' does not exist"),  # names only, as Sanic
        ({"group": "no-such-group-here"}, "Group 'no-such-group-here' does not exist"),
        ({"pidfile": "/no/such/dir/a.pid"}, "PID file directory does not exist: /no/such/dir"),
        ({"logfile": "/no/such/dir/a.log"}, "Log file directory does not exist: /no/such/dir"),
        ({"lockfile": "/no/such/dir/a.lock"}, "Lock file directory does not exist: /no/such/dir"),
        # The user comes first, then the PID file's folder, then the log file's.
        ({"user": "no-such-user-here", "pidfile": "/no/a.pid"}, "User 'no-such-user-here'"),
        ({"pidfile": "/no/a.pid", "logfile": "/nor/a.log"}, "PID file directory"),
    ],
)
def test_validate_refuses_what_would_fail_once_detached(kwargs, message) -> None:
    with pytest.raises(DaemonError) as raised:
        Daemon(**kwargs).validate()
    assert str(raised.value).startswith(message)


def test_validate_refuses_a_folder_it_cannot_write(tmp_path, monkeypatch) -> None:
    readonly = tmp_path / "ro"
    readonly.mkdir()
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != readonly)
    with pytest.raises(DaemonError, match=f"^Cannot write to PID file directory: {readonly}$"):
        Daemon(pidfile=str(readonly / "a.pid")).validate()
    with pytest.raises(DaemonError, match=f"^Cannot write to Log file directory: {readonly}$"):
        Daemon(logfile=str(readonly / "a.log")).validate()


def test_a_user_brings_its_group_and_a_group_overrides_it() -> None:
    import grp
    import pwd

    root = pwd.getpwuid(0)
    daemon = Daemon(user=root.pw_name)
    daemon.validate()
    assert (daemon._uid, daemon._gid) == (0, root.pw_gid)
    group = grp.getgrgid(0).gr_name
    daemon = Daemon(group=group)
    daemon.validate()
    assert (daemon._uid, daemon._gid) == (None, 0)


def test_a_live_sanic_process_in_the_pid_file_is_already_running(tmp_path, sleeper) -> None:
    pidfile = tmp_path / "busy.pid"
    pidfile.write_text(f"sanic\npid={sleeper.pid}\n")
    with pytest.raises(DaemonError, match=f"^Daemon already running with PID {sleeper.pid}$"):
        Daemon(pidfile=str(pidfile)).validate()


def test_a_pid_reused_by_another_program_or_gone_is_stale(tmp_path) -> None:
    other = start_sleeper()
    try:
        pidfile = tmp_path / "app.pid"
        pidfile.write_text(f"sanic\npid={other.pid}\n")
        Daemon(pidfile=str(pidfile)).validate()  # not a Sanic process: not in the way
    finally:
        stop_sleeper(other)
    pidfile.write_text(f"sanic\npid={other.pid}\n")
    Daemon(pidfile=str(pidfile)).validate()


def test_the_lock_file_beside_the_pid_file_keeps_a_second_daemon_out(tmp_path) -> None:
    """Even when the PID file says nothing (removed, or not written yet), the lock held by a
    running daemon refuses a second one, before anything is forked."""
    pidfile = tmp_path / "app.pid"
    lock = tmp_path / "app.lock"
    held = os.open(lock, os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        daemon = Daemon(pidfile=str(pidfile))
        with pytest.raises(DaemonError, match=f"^Daemon already running \\(lock held\\): {lock}$"):
            daemon.daemonize()
        assert daemon.pid is None  # still the caller: no fork happened
    finally:
        os.close(held)


def test_the_pid_file_is_never_found_empty_while_it_is_rewritten(tmp_path) -> None:
    """SIGHUP rewrites the PID file. ``sanic status``/``stop`` or a supervisor reading it
    meanwhile must find it whole: written in place, it was empty between its truncation
    and the write, and read as "Invalid PID file"."""
    daemon = Daemon(pidfile=str(tmp_path / "app.pid"), name="App")
    daemon._write_pidfile()
    seen: list[int | None] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            seen.append(Daemon.read_pidfile(tmp_path / "app.pid"))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for _ in range(200):
            daemon._write_pidfile()
    finally:
        done.set()
        reader.join(10)
    assert seen and set(seen) == {os.getpid()}
    assert [p.name for p in tmp_path.iterdir()] == ["app.pid"]  # no temporary file left


def test_a_lock_file_in_a_missing_folder_is_refused(tmp_path) -> None:
    with pytest.raises(DaemonError, match="Lock file directory does not exist"):
        Daemon(pidfile=str(tmp_path / "a.pid"), lockfile=str(tmp_path / "no" / "a.lock")).validate()


def test_process_exists_only_for_live_processes_this_user_may_signal(monkeypatch) -> None:
    assert process_exists(os.getpid()) is True
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        deadline = time.monotonic() + 20
        while process_exists(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process_exists(proc.pid) is False  # exited, not reaped yet
    finally:
        proc.wait(5)
    assert process_exists(proc.pid) is False
    assert process_exists(0) is False and process_exists(-1) is False

    def denied(pid: int, sig: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "kill", denied)
    assert process_exists(1) is False  # as Sanic: a process we may not signal is not ours


def test_a_sanic_process_is_told_by_its_command_line(sleeper) -> None:
    assert is_sanic_process(sleeper.pid) is True
    other = start_sleeper()
    try:
        assert is_sanic_process(other.pid) is False
    finally:
        stop_sleeper(other)
    assert is_sanic_process(2**22 + 12345) is True  # /proc cannot tell: trust the PID file


def test_dropping_privileges_needs_root_and_says_so(monkeypatch, caplog) -> None:
    calls: list[tuple] = []
    daemon = Daemon(user="someone")
    daemon._uid, daemon._gid = 1234, 5678
    monkeypatch.setattr(os, "getuid", lambda: 1000)
    with caplog.at_level("WARNING", logger="sanic.root"):
        daemon.drop_privileges()
    assert "Privilege drop requested but not running as root" in caplog.text

    monkeypatch.setattr(os, "getuid", lambda: 0)
    monkeypatch.setattr(os, "setgid", lambda gid: calls.append(("setgid", gid)))
    monkeypatch.setattr(os, "initgroups", lambda user, gid: calls.append(("initgroups", user, gid)))
    monkeypatch.setattr(os, "setuid", lambda uid: calls.append(("setuid", uid)))
    daemon.drop_privileges()
    assert calls == [("setgid", 5678), ("initgroups", "someone", 5678), ("setuid", 1234)]

    def refused(_: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "setuid", refused)
    with pytest.raises(DaemonError, match="^Cannot change user to 'someone'. Are you root\\?$"):
        daemon.drop_privileges()
    monkeypatch.setattr(os, "setgid", refused)
    with pytest.raises(DaemonError, match="^Cannot change group to '5678'. Are you root\\?$"):
        daemon.drop_privileges()


def test_nothing_to_drop_without_a_validated_user_or_group(monkeypatch) -> None:
    monkeypatch.setattr(os, "setuid", lambda uid: pytest.fail("setuid called"))
    Daemon().drop_privileges()
    Daemon(user="root").drop_privileges()  # not validated: nothing resolved


DAEMON_SCRIPT = """
import os, signal, sys, time
from hurtle_cli.daemon import Daemon

report = sys.argv[1]
daemon = Daemon(pidfile="app.pid", logfile="app.log", name="Demo App")
daemon.daemonize()
print("in the log")
pidfile = daemon.pidfile
fields = [os.getcwd(), oct(os.umask(0o022)), str(os.getpid()), pidfile.read_text(),
         str(pidfile.with_suffix(".lock").exists())]
pidfile.unlink()
os.kill(os.getpid(), signal.SIGHUP)
time.sleep(0.2)
fields.append(str(pidfile.exists()))
with open(report + ".tmp", "w") as out:
    out.write("|".join(fields))
os.rename(report + ".tmp", report)
"""


def test_daemonize_detaches_and_cleans_up_after_itself(tmp_path) -> None:
    """Relative paths mean the folder the command ran in; the daemon runs in "/" with
    umask 022, output to the log file; SIGHUP rewrites the PID file; at exit the PID and
    lock files are removed."""
    report = tmp_path / "report.txt"
    started = subprocess.run([sys.executable, "-c", DAEMON_SCRIPT, str(report)], cwd=tmp_path,
                             capture_output=True, text=True, timeout=30)
    assert started.returncode == 0, started.stderr
    deadline = time.monotonic() + 20
    while not report.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    cwd, umask, pid, content, locked, rewritten = report.read_text().split("|")
    try:
        assert (cwd, umask, locked) == ("/", "0o22", "True")
        assert content.startswith(f"sanic\npid={pid}\nstarted=")
        assert content.endswith("\nname=Demo_App\n")
        assert rewritten == "True"
        # The daemon removes the PID file, then the lock file: wait for both.
        leftovers = (tmp_path / "app.pid", tmp_path / "app.lock")
        while any(f.exists() for f in leftovers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not (tmp_path / "app.pid").exists()
        assert not (tmp_path / "app.lock").exists()
        assert (tmp_path / "app.log").read_text() == "in the log\n"
    finally:
        if process_exists(int(pid)):
            os.kill(int(pid), 9)
