"""The ``sanic`` command as a real subprocess (``python -m hurtle_cli``): targets, workers,
static folders, unix sockets, TLS, and the messages for the mistakes people make.

Each server runs on a free loopback port (or a unix socket in tmp_path) and is stopped by
its PID; every wait is bounded.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import trustme
from helpers import edit_until, free_port, poll_text, running

from hurtle_cli.daemon import process_exists

CLI = ["-m", "hurtle_cli"]

APP = """
import os
from sanic import Sanic
from hurtle_http.response import json, text

app = Sanic("CliApp")

@app.get("/")
async def index(request):
    return json({"pid": os.getpid(), "app": request.app.name})

def create_app():
    made = Sanic("Made")

    @made.get("/")
    async def made_index(request):
        return text("made by the factory")

    return made

not_an_app = 42

@app.command
async def greet(name: str, times: int = 1):
    print(" ".join(["hello " + name] * int(times)), "from", app.name)
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "cli_app.py").write_text(APP)
    return tmp_path


def sanic(project: Path, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *CLI, *args], cwd=project, capture_output=True,
                          text=True, timeout=timeout)



def _json_when_up(port: int, timeout: float = 20.0) -> object:
    """The JSON a daemonised app answers on ``/`` once it is up (None if it never is)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            return httpx.get(f"http://127.0.0.1:{port}/", timeout=2).json()
        time.sleep(0.1)
    return None

def test_module_target_finds_app_and_serves_with_two_workers(project: Path) -> None:
    port = free_port()
    args = [*CLI, "cli_app", "--port", str(port), "-w", "2", "--no-motd"]
    pids: set[int] = set()
    with running(args, "127.0.0.1", port, cwd=project) as proc:
        # Fresh connections until both workers answered (the second may still be starting).
        deadline = time.monotonic() + 20
        with httpx.Client(timeout=10, limits=httpx.Limits(max_keepalive_connections=0)) as c:
            while len(pids) < 2 and time.monotonic() < deadline:
                body = c.get(f"http://127.0.0.1:{port}/").json()
                assert body["app"] == "CliApp"
                pids.add(body["pid"])
                time.sleep(0.02)
    output = proc.stdout.read() if proc.stdout else ""
    assert len(pids) == 2 and proc.pid not in pids
    assert "Goin' Fast" not in output  # --no-motd
    assert proc.returncode == 0


@contextlib.contextmanager
def running_on_unix(args: list[str], path: Path, cwd: Path) -> Iterator[subprocess.Popen]:
    proc = subprocess.Popen([sys.executable, *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 20
        while not path.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        yield proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=5)


def test_factory_served_on_a_unix_socket(project: Path) -> None:
    sock = project / "app.sock"
    args = [*CLI, "cli_app:create_app", "--factory", "--unix", str(sock)]
    with running_on_unix(args, sock, project) as proc:
        transport = httpx.HTTPTransport(uds=str(sock))
        with httpx.Client(transport=transport, timeout=10) as client:
            answer = client.get("http://localhost/").text
    output = proc.stdout.read() if proc.stdout else ""
    assert answer == "made by the factory"
    assert f"Goin' Fast @ {sock} http://..." in output  # the banner says where, as Sanic
    assert not sock.exists()  # removed on shutdown


def test_simple_serves_a_folder_in_debug_with_access_logs(project: Path) -> None:
    static = project / "public"
    static.mkdir()
    (static / "index.html").write_text("<h1>home</h1>")
    (static / "notes.txt").write_text("plain notes")
    (static / "docs").mkdir()
    (static / "docs" / "guide.txt").write_text("a guide")
    port = free_port()
    with running([*CLI, "./public", "--simple", "-p", str(port), "--debug"], "127.0.0.1",
                 port, cwd=project) as proc:
        home = httpx.get(f"http://127.0.0.1:{port}/", timeout=10)
        notes = httpx.get(f"http://127.0.0.1:{port}/notes.txt", timeout=10)
        missing = httpx.get(f"http://127.0.0.1:{port}/nope.txt", timeout=10)
        listing = httpx.get(f"http://127.0.0.1:{port}/docs/", timeout=10)
    output = proc.stdout.read() if proc.stdout else ""
    assert (home.status_code, home.text) == (200, "<h1>home</h1>")
    assert (notes.status_code, notes.text) == (200, "plain notes")
    assert missing.status_code == 404
    # A folder without index.html gets a listing, as Sanic's simple server gives.
    assert listing.status_code == 200 and "guide.txt" in listing.text
    assert "mode: debug" in output
    assert f"GET http://127.0.0.1:{port}/notes.txt 200 11" in output  # debug shows access


def test_tls_folder_in_a_single_process(project: Path) -> None:
    authority = trustme.CA()
    leaf = authority.issue_cert("127.0.0.1")
    certs = project / "certs"
    certs.mkdir()
    leaf.private_key_pem.write_to_path(str(certs / "privkey.pem"))
    leaf.cert_chain_pems[0].write_to_path(str(certs / "fullchain.pem"))
    verify = ssl.create_default_context()
    authority.configure_trust(verify)
    port = free_port()
    args = [*CLI, "cli_app:app", "--tls", "certs", "-p", str(port), "--single-process"]
    with running(args, "127.0.0.1", port, cwd=project) as proc:
        body = httpx.get(f"https://127.0.0.1:{port}/", verify=verify, timeout=10).json()
    output = proc.stdout.read() if proc.stdout else ""
    assert body["pid"] == proc.pid  # no worker processes
    assert f"https://127.0.0.1:{port}" in output


def test_mistakes_exit_non_zero_with_a_message_that_says_what_to_do(project: Path) -> None:
    missing = sanic(project, "no_such_module:app")
    assert missing.returncode == 1
    assert "No module named 'no_such_module'" in missing.stderr
    no_attr = sanic(project, "cli_app:nope")
    assert no_attr.returncode == 1
    assert "has no attribute 'nope'" in no_attr.stderr and "cli_app:app" in no_attr.stderr
    not_app = sanic(project, "cli_app:not_an_app")
    assert not_app.returncode == 1
    assert "is an int, not a Sanic app" in not_app.stderr
    not_dir = sanic(project, "./absent", "--simple")
    assert not_dir.returncode == 1
    assert "not a directory" in not_dir.stderr
    production_tls = sanic(project, "cli_app:app", "--auto-tls")
    assert production_tls.returncode == 1
    assert "needs dev=True or debug=True" in production_tls.stderr
    assert "Traceback" not in production_tls.stderr
    clash = sanic(project, "cli_app:app", "-w", "2", "--single-process")
    assert clash.returncode == 2
    assert "not allowed with argument" in clash.stderr


INSPECTED = """
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("Inspected")
app.config.INSPECTOR = True
app.config.INSPECTOR_HOST = "127.0.0.1"
app.config.INSPECTOR_PORT = {inspector_port}

@app.get("/")
async def index(request):
    return text("ok")
"""


def _worker_acked(inspector_port: int, timeout: float = 30.0) -> bool:
    """Whether the inspector on ``inspector_port`` shows Sanic-Server-0-0 ACKED in time."""
    from hurtle_inspector import InspectorClient, InspectorError

    client = InspectorClient("127.0.0.1", inspector_port)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(InspectorError):
            workers = client.info()["workers"]
            if workers.get("Sanic-Server-0-0", {}).get("state") == "ACKED":
                return True
        time.sleep(0.1)
    return False


def test_seed_style_inspect_options_talk_to_the_running_instance(project: Path) -> None:
    port, inspector_port = free_port(), free_port()
    (project / "inspected.py").write_text(INSPECTED.format(inspector_port=inspector_port))
    serve = [*CLI, "inspected", "-p", str(port), "--no-motd"]
    with running(serve, "127.0.0.1", inspector_port, cwd=project) as proc:
        # The inspector process can be up before the worker has acknowledged start-up
        # (both start together): wait for the worker, as a user would see it, first.
        assert _worker_acked(inspector_port)
        human = sanic(project, "inspected", "--inspect")
        raw = sanic(project, "inspected", "--inspect-raw")
        shutdown = sanic(project, "inspected", "--trigger-shutdown")
        proc.wait(timeout=30)
    assert human.returncode == 0, human.stderr
    assert f"Inspecting @ http://127.0.0.1:{inspector_port}" in human.stdout
    assert "Sanic-Server-0-0" in human.stdout
    info = json.loads(raw.stdout)
    assert info["info"]["app"] == "Inspected"
    assert info["info"]["mode"] == "production, single worker"
    assert info["workers"]["Sanic-Server-0-0"]["state"] == "ACKED"
    assert shutdown.returncode == 0
    assert proc.returncode == 0  # the instance shut down cleanly when told to
    not_enabled = sanic(project, "cli_app", "--inspect")
    assert not_enabled.returncode == 1
    assert "INSPECTOR = True" in not_enabled.stderr


def test_exec_runs_an_app_command_with_its_options(project: Path) -> None:
    ran = sanic(project, "cli_app:app", "exec", "greet", "--name", "ann", "--times=2")
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "hello ann hello ann from CliApp"
    listing = sanic(project, "cli_app", "exec")
    assert listing.returncode == 0
    assert "greet" in listing.stdout
    unknown = sanic(project, "cli_app", "exec", "greet", "--name=ann", "--bogus=1")
    assert unknown.returncode == 2
    assert "unrecognized arguments: --bogus=1" in unknown.stderr


def test_daemon_serves_in_the_background_and_is_stopped_by_app_name(
    project: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_RUNTIME_DIR": ""}
    pidfile = home / ".local" / "state" / "sanic" / "CliApp.pid"
    port = free_port()

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *CLI, "cli_app:app", *args], cwd=project,
                              env=env, capture_output=True, text=True, timeout=30)

    started = cli("-p", str(port), "--no-motd", "-D")
    daemon_pid = None
    try:
        assert started.returncode == 0, started.stderr
        assert f"PID file: {pidfile}" in started.stdout
        body = _json_when_up(port)
        assert body is not None and body["app"] == "CliApp"
        daemon_pid = int(pidfile.read_text().split("pid=")[1].split()[0])
        assert cli("status").stdout == f"Process {daemon_pid} is running\n"
        again = cli("-p", str(free_port()), "-D")
        assert again.returncode == 1
        assert f"Daemon already running with PID {daemon_pid}" in again.stderr
        stopped = cli("stop")
        assert stopped.returncode == 0
        assert f"Sent SIGTERM to process {daemon_pid}" in stopped.stdout
        assert not pidfile.exists()
        assert not pidfile.with_suffix(".lock").exists()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if not process_exists(daemon_pid):
                break
            time.sleep(0.1)
        else:
            pytest.fail(f"the daemon {daemon_pid} did not stop")
        assert cli("status").returncode == 1
    finally:
        if daemon_pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(daemon_pid, signal.SIGTERM)


def test_a_daemon_with_relative_files_keeps_them_where_it_started(
    project: Path, tmp_path: Path
) -> None:
    """--pidfile/--logfile relative to the folder the command ran in (the daemon itself
    runs in "/"); the lock file beside the PID file refuses a second daemon even when the
    PID file is gone; SIGHUP writes the PID file again; SIGTERM stops the daemon, which
    removes its PID and lock files."""
    port = free_port()
    env = {**os.environ, "HOME": str(tmp_path / "home")}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, *CLI, "cli_app:app", *args], cwd=project,
                              env=env, capture_output=True, text=True, timeout=30)

    started = cli("-p", str(port), "-D", "--pidfile", "run.pid", "--logfile", "run.log")
    pidfile, lock = project / "run.pid", project / "run.lock"
    daemon_pid = None
    try:
        assert started.returncode == 0, started.stderr
        assert started.stdout == (
            "Starting Sanic in daemon mode...\n  PID file: run.pid\n  Logs: run.log\n"
        )
        body = _json_when_up(port)
        assert body is not None and body["app"] == "CliApp"
        daemon_pid = int(pidfile.read_text().split("pid=")[1].split()[0])
        assert lock.exists()
        assert "Sanic daemon started" in (project / "run.log").read_text()
        assert os.readlink(f"/proc/{daemon_pid}/cwd") == "/"
        pidfile.unlink()
        again = cli("-p", str(free_port()), "-D", "--pidfile", "run.pid")
        assert again.returncode == 1
        assert f"Daemon error: Daemon already running (lock held): {lock}" in again.stderr
        deadline = time.monotonic() + 20
        os.kill(daemon_pid, signal.SIGHUP)
        while not pidfile.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert f"pid={daemon_pid}\n" in pidfile.read_text()
        os.kill(daemon_pid, signal.SIGTERM)
        while process_exists(daemon_pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not process_exists(daemon_pid)
        assert not pidfile.exists() and not lock.exists()
    finally:
        if daemon_pid is not None and process_exists(daemon_pid):
            os.kill(daemon_pid, signal.SIGKILL)


def test_an_address_in_use_is_one_line_not_a_traceback(project: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = sanic(project, "cli_app:app", "-p", str(port), "--no-motd")
    assert done.returncode == 1
    assert "Startup failed:" in done.stderr and "Address already in use" in done.stderr
    assert f"127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr
    # sanic-org/sanic#3100: no hint about app.run outside `if __name__ == "__main__"`,
    # which is not what happened on the command line.
    assert "__main__" not in done.stderr



@pytest.mark.parametrize("mode", [[], ["--single-process"], ["--debug"]])
def test_an_address_that_cannot_be_bound_is_logged_as_sanic_does(
    project: Path, mode: list[str]
) -> None:
    # 192.0.2.1 (TEST-NET-1) is no address of this machine: bind() fails with
    # EADDRNOTAVAIL. As Sanic, the reason is an ERROR record of the main process (the
    # log format and handlers of the other start-up lines), not a bare line on stderr;
    # with --debug too (it was a traceback).
    import errno

    done = sanic(project, "cli_app:app", "-H", "192.0.2.1", "-p", str(free_port()),
                 "--no-motd", *mode)
    assert done.returncode == 1
    expected = (f"ERROR: Startup failed due to OS error: "
                f"{os.strerror(errno.EADDRNOTAVAIL)} (errno {errno.EADDRNOTAVAIL})")
    logged = [line for line in done.stderr.splitlines() if expected in line]
    assert logged and logged[0].startswith("Main "), done.stderr
    assert "Traceback" not in done.stderr

@pytest.mark.parametrize("mode", [[], ["--single-process"]])
def test_a_unix_socket_in_a_missing_folder_is_one_logged_line(project: Path,
                                                              mode: list[str]) -> None:
    # Sanic logs `Startup failed due to OS error: ...` and no traceback; Hurtle printed
    # its runner's traceback (the OSError carries no errno) under the same line.
    done = sanic(project, "cli_app:app", "-u", "nodir/app.sock", "--no-motd", *mode)
    assert done.returncode == 1
    expected = (f"ERROR: Startup failed due to OS error: Socket folder does not exist: "
                f"{project / 'nodir'}")
    assert expected in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


SERVED = """
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("Edited")
app.config.RELOADER_INTERVAL = 0.2

@app.get("/")
async def index(request):
    return text("version {version}")
"""


def test_auto_reload_shows_a_broken_edit_once_then_serves_the_fix(project: Path) -> None:
    port = free_port()
    served = project / "served.py"
    served.write_text(SERVED.format(version=1))
    url = f"http://127.0.0.1:{port}/"
    args = [*CLI, "served:app", "-p", str(port), "-r", "--no-motd"]
    with running(args, "127.0.0.1", port, cwd=project) as proc:
        first = poll_text(url, "version 1")
        # The worker is stopped for the restart and its replacement cannot load the module.
        broken = edit_until(served, SERVED.format(version=2) + "\ndef broken(:\n", url,
                            "<no answer>")
        time.sleep(2)  # room for respawns, which must not happen
        alive = proc.poll() is None
        fixed = edit_until(served, SERVED.format(version=3), url, "version 3")
    output = proc.stdout.read() if proc.stdout else ""
    assert (first, broken, fixed) == ("version 1", "<no answer>", "version 3")
    assert alive
    # Where the mistake is, once, without the loader's frames; then the worker waits for
    # the fix (as Sanic's), rather than failing again every few tenths of a second.
    assert output.count("SyntaxError: invalid syntax") == 1
    assert 'served.py", line 12' in output and "def broken(:" in output
    assert "importlib" not in output and "hurtle_worker" not in output
    assert "will start again when a watched file changes" in output
    assert "respawning" not in output
