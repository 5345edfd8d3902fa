"""app.run(workers=N) for real: worker processes on one shared port, supervised.

Every test runs its own server subprocess on a free loopback port and stops it by PID
(process group); each is bounded by seconds.
"""

from __future__ import annotations

import os
import signal
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from helpers import free_port, running

from hurtle_cli.daemon import process_exists

APP = """
import os, asyncio, queue
from multiprocessing import Queue, Value
from sanic import Sanic
from hurtle_http.response import json, text

app = Sanic("Workers")
app.config.GRACEFUL_SHUTDOWN_TIMEOUT = 5
{config}

def custom_process(path):
    # Written whole (renamed into place): the test stops the server once the file exists,
    # and a SIGINT between a plain open() and its write left the file empty.
    with open(path + ".tmp", "w") as f:
        f.write(str(os.getpid()))
    os.replace(path + ".tmp", path)
    import time
    while True:
        time.sleep(0.1)

@app.main_process_start
async def main_start(app, loop):
    print("main_process_start", os.getpid(), flush=True)
    app.shared_ctx.queue = Queue()
    app.shared_ctx.in_flight = Value("i", 0)

@app.main_process_ready
async def main_ready(app, loop):
    print("main_process_ready", os.getpid(), flush=True)
    app.manager.manage("Custom", custom_process, {{"path": {custom_path!r}}})

@app.main_process_stop
async def main_stop(app, loop):
    print("main_process_stop", os.getpid(), flush=True)

@app.after_server_start
async def announce(app, loop):
    app.shared_ctx.queue.put(os.getpid())

@app.get("/")
async def index(request):
    return json({{"pid": os.getpid(), "main": os.getppid(), "name": request.app.m.name}})

@app.get("/state")
async def state(request):
    return json({{"me": os.getpid(), "workers": request.app.m.workers,
                  "in_flight": request.app.shared_ctx.in_flight.value}}, default=str)

@app.get("/drain")
async def drain(request):
    pids = []
    while True:
        try:
            pids.append(request.app.shared_ctx.queue.get(timeout=0.2))
        except queue.Empty:
            break
    return json({{"me": os.getpid(), "pids": pids}})

@app.get("/slow")
async def slow(request):
    with request.app.shared_ctx.in_flight.get_lock():
        request.app.shared_ctx.in_flight.value += 1
    await asyncio.sleep(float(request.args.get("t", "1")))
    return text(str(os.getpid()))

@app.get("/restart")
async def restart(request):
    request.app.m.restart(
        all_workers=bool(request.args.get("all")), zero_downtime=bool(request.args.get("zd"))
    )
    return text(str(os.getpid()))

@app.get("/scale/<n:int>")
async def scale(request, n):
    request.app.m.scale(n)
    return text("ok")

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers={workers})
"""


def write_app(tmp_path: Path, port: int, *, workers: int = 2, config: str = "") -> Path:
    script = tmp_path / "app.py"
    script.write_text(
        textwrap.dedent(APP).format(
            port=port, workers=workers, config=config,
            custom_path=str(tmp_path / "custom.pid"),
        )
    )
    return script


def servers(state: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: entry for name, entry in state["workers"].items() if entry.get("server")}


def wait_until(
    client: httpx.Client, check: Callable[[dict[str, Any]], bool], timeout: float = 30.0
) -> dict[str, Any]:
    """Poll /state until ``check`` accepts it; return that state."""
    deadline = time.monotonic() + timeout
    last: dict[str, Any] = {}
    while time.monotonic() < deadline:
        try:
            last = client.get("/state").json()
        except httpx.HTTPError:
            time.sleep(0.1)
            continue
        if check(last):
            return last
        time.sleep(0.1)
    raise AssertionError(f"state never reached the expected shape; last: {last}")


def all_acked(count: int) -> Callable[[dict[str, Any]], bool]:
    def check(state: dict[str, Any]) -> bool:
        entries = servers(state)
        return len(entries) == count and all(e["state"] == "ACKED" for e in entries.values())

    return check


def client_for(port: int) -> httpx.Client:
    # A fresh connection per request, so the kernel hands requests to either worker.
    return httpx.Client(
        base_url=f"http://127.0.0.1:{port}", timeout=15,
        limits=httpx.Limits(max_keepalive_connections=0),
    )


def test_two_workers_share_one_port_with_shared_ctx_and_custom_process(tmp_path) -> None:
    port = free_port()
    script = write_app(tmp_path, port)
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        with client_for(port) as client:
            state = wait_until(client, all_acked(2))
            worker_pids = {e["pid"] for e in servers(state).values()}
            drained = client.get("/drain").json()
            index = client.get("/").json()
            custom = tmp_path / "custom.pid"
            deadline = time.monotonic() + 10
            while not custom.exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            custom_entry = state["workers"].get("Sanic-Custom-0", {})
    output = proc.stdout.read() if proc.stdout else ""
    main_pid = proc.pid
    # Two distinct worker processes serve the one port; the main process serves nothing.
    assert len(worker_pids) == 2
    assert main_pid not in worker_pids
    assert index["pid"] in worker_pids and index["main"] == main_pid
    # Both workers put their pid on the shared Queue; one worker read both.
    assert sorted(drained["pids"]) == sorted(worker_pids)
    # The custom process ran, under the manager.
    assert custom.read_text().isdigit()
    assert custom_entry.get("server") is False
    # main_process_* listeners ran exactly once each, in the main process.
    for event in ("main_process_start", "main_process_ready", "main_process_stop"):
        lines = [line for line in output.splitlines() if line.startswith(event)]
        assert lines == [f"{event} {main_pid}"], output
    assert proc.returncode == 0


def test_killed_worker_is_reported_respawned_and_serving(tmp_path) -> None:
    port = free_port()
    script = write_app(tmp_path, port)
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        with client_for(port) as client:
            before = servers(wait_until(client, all_acked(2)))
            name, entry = sorted(before.items())[0]
            os.kill(entry["pid"], signal.SIGKILL)

            def respawned(state: dict[str, Any]) -> bool:
                now = servers(state).get(name, {})
                return now.get("pid") != entry["pid"] and now.get("state") == "ACKED"

            after = servers(wait_until(client, respawned))
            answers = [client.get("/").status_code for _ in range(10)]
    output = proc.stdout.read() if proc.stdout else ""
    assert after[name]["restarts"] == 1
    assert after[name]["last_exit"] == "was killed by SIGKILL"
    assert answers == [200] * 10
    assert f"{name} [{entry['pid']}] was killed by SIGKILL" in output


def test_sigterm_under_load_answers_every_accepted_request(tmp_path) -> None:
    port = free_port()
    script = write_app(tmp_path, port)
    results: list[int | str] = []
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        with client_for(port) as client:
            wait_until(client, all_acked(2))

        def fetch() -> None:
            try:
                with httpx.Client(timeout=15) as c:
                    results.append(c.get(f"http://127.0.0.1:{port}/slow?t=2").status_code)
            except httpx.HTTPError as exc:
                results.append(repr(exc))

        threads = [threading.Thread(target=fetch) for _ in range(20)]
        for thread in threads:
            thread.start()
        with client_for(port) as client:
            wait_until(client, lambda state: state["in_flight"] == 20)
        os.kill(proc.pid, signal.SIGTERM)
        for thread in threads:
            thread.join(20)
        proc.wait(20)
    assert results == [200] * 20
    assert proc.returncode == 0


def test_restart_from_a_request_and_zero_downtime_under_load(tmp_path) -> None:
    port = free_port()
    script = write_app(tmp_path, port)
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path):
        with client_for(port) as client:
            first = servers(wait_until(client, all_acked(2)))
            old_pids = {e["pid"] for e in first.values()}
            # A rolling, zero-downtime restart of every worker while a client keeps asking.
            statuses: list[int | str] = []
            stop = threading.Event()

            def load() -> None:
                with client_for(port) as c:
                    while not stop.is_set():
                        try:
                            statuses.append(c.get("/").status_code)
                        except httpx.HTTPError as exc:
                            statuses.append(repr(exc))

            loader = threading.Thread(target=load)
            loader.start()
            client.get("/restart", params={"all": "1", "zd": "1"})

            def replaced(state: dict[str, Any]) -> bool:
                entries = servers(state)
                return all_acked(2)(state) and not ({e["pid"] for e in entries.values()}
                                                    & old_pids)

            second = servers(wait_until(client, replaced))
            # Load goes on until the old workers have exited: they stop once their
            # replacements acked, and one still draining could otherwise answer /restart
            # below (a fixed 0.5 s stood for that).
            deadline = time.monotonic() + 30
            while any(process_exists(pid) for pid in old_pids) and time.monotonic() < deadline:
                time.sleep(0.1)
            stop.set()
            loader.join(20)
            assert not any(process_exists(pid) for pid in old_pids)
            # app.m.restart() from a request restarts the worker that served it.
            served_by = int(client.get("/restart").text)
            name = next(n for n, e in second.items() if e["pid"] == served_by)

            def this_one_restarted(state: dict[str, Any]) -> bool:
                entry = servers(state).get(name, {})
                return entry.get("pid") != served_by and entry.get("state") == "ACKED"

            third = servers(wait_until(client, this_one_restarted))
    assert statuses and set(statuses) == {200}
    assert third[name]["starts"] == 3
    others = [n for n in second if n != name]
    assert [third[n]["pid"] for n in others] == [second[n]["pid"] for n in others]


def test_scale_up_to_three_then_down_to_one(tmp_path) -> None:
    port = free_port()
    script = write_app(tmp_path, port, workers=1)
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path):
        with client_for(port) as client:
            wait_until(client, all_acked(1))
            client.get("/scale/3")
            three = servers(wait_until(client, all_acked(3)))
            client.get("/scale/1")
            one = servers(wait_until(client, all_acked(1)))
            answers = {client.get("/").json()["pid"] for _ in range(5)}
    assert len({e["pid"] for e in three.values()}) == 3
    assert list(one) == ["Sanic-Server-0-0"]
    assert answers == {one["Sanic-Server-0-0"]["pid"]}


def test_max_requests_replaces_the_worker_without_failing_requests(tmp_path) -> None:
    port = free_port()
    config = "app.config.WORKER_MAX_REQUESTS = 5\napp.config.WORKER_MAX_REQUESTS_JITTER = 2"
    script = write_app(tmp_path, port, workers=1, config=config)
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path):
        with client_for(port) as client:
            first = servers(wait_until(client, all_acked(1)))["Sanic-Server-0-0"]
            statuses = []
            pids = set()
            for _ in range(12):
                response = client.get("/")
                statuses.append(response.status_code)
                pids.add(response.json()["pid"])

            def replaced(state: dict[str, Any]) -> bool:
                entry = servers(state).get("Sanic-Server-0-0", {})
                return entry.get("starts", 0) >= 2 and entry.get("state") == "ACKED"

            after = servers(wait_until(client, replaced))["Sanic-Server-0-0"]
    assert statuses == [200] * 12
    assert after["pid"] != first["pid"]
    assert "restarts" not in after  # a planned replacement, not a crash


STOP_ONE_APP = """
import os
from sanic import Sanic
from hurtle_http.response import text

app = Sanic("StopOne")

@app.get("/")
async def index(request):
    return text(request.app.m.name)

@app.get("/stop")
async def stop_me(request):
    request.app.stop(terminate=False)
    return text(request.app.m.name)

if __name__ == "__main__":
    app.run(host="127.0.0.1", port={port}, workers=2)
"""


def test_app_stop_without_terminate_stops_that_worker_only_and_for_good(tmp_path) -> None:
    # As Sanic: the other worker keeps serving and the stopped one stays stopped; it was
    # taken for a crash ("exited with code 0 unexpectedly") and respawned.
    port = free_port()
    script = tmp_path / "stop_one.py"
    script.write_text(textwrap.dedent(STOP_ONE_APP).format(port=port))
    url = f"http://127.0.0.1:{port}"
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        stopped = httpx.get(f"{url}/stop", headers={"connection": "close"}, timeout=30).text
        time.sleep(3)  # a respawn (the old behaviour) would be serving by then
        names = {httpx.get(url, headers={"connection": "close"}, timeout=30).text
                 for _ in range(20)}
        still_running = proc.poll() is None
    output = proc.stdout.read() if proc.stdout else ""
    assert still_running
    assert stopped not in names and len(names) == 1
    assert f"Process {stopped} [" in output and "not respawned" in output
    assert "unexpectedly" not in output
