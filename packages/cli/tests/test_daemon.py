"""Daemon management finds the process by PID or PID file and signals only it."""

from __future__ import annotations

import subprocess
import sys

from hurtle_cli.daemon import daemon_command, default_pidfile


def test_default_pidfile_is_derived_from_target() -> None:
    path = default_pidfile("path.to.server:app")
    assert path.name == "sanic-path.to.server_app.pid"


def test_status_and_stop_of_a_real_process(tmp_path, capsys) -> None:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    pidfile = tmp_path / "app.pid"
    pidfile.write_text(f"{proc.pid}\n")
    try:
        assert daemon_command("status", ["--pidfile", str(pidfile)]) == 0
        assert "running" in capsys.readouterr().out
        assert daemon_command("stop", ["--pid", str(proc.pid)]) == 0
        assert proc.wait(timeout=10) != 0
        assert daemon_command("status", ["--pid", str(proc.pid)]) == 1
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)


def test_missing_pid_is_explained(tmp_path, capsys) -> None:
    assert daemon_command("status", ["--pidfile", str(tmp_path / "none.pid")]) == 1
    assert "no PID" in capsys.readouterr().err
