"""hurtle_app serving for real: create_server's lifecycle, run(single_process=True)."""

from __future__ import annotations

import asyncio
import textwrap
import time

import httpx
import pytest
from helpers import free_port, running, wait_for_port


async def test_create_server_lifecycle_runs_listeners_and_serves() -> None:
    from hurtle_app import Sanic
    from hurtle_http.response import text

    Sanic.test_mode = True
    app = Sanic("CreateServer", configure_logging=False)
    order: list[str] = []

    def recorder(event):
        return lambda app: order.append(event)

    for event in (
        "before_server_start",
        "after_server_start",
        "before_server_stop",
        "after_server_stop",
    ):
        app.register_listener(recorder(event), event)

    @app.get("/")
    async def index(request):
        return text("served")

    port = free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
    await server.startup()
    await server.before_start()
    await server.after_start()
    assert server.is_serving()
    async with httpx.AsyncClient() as client:
        response = await client.get(f"http://127.0.0.1:{port}/")
    await server.before_stop()
    server.close()
    await server.wait_closed()
    await server.after_stop()
    assert response.text == "served"
    assert order == [
        "before_server_start",
        "after_server_start",
        "before_server_stop",
        "after_server_stop",
    ]
    Sanic._app_registry.clear()


SINGLE = """
import asyncio, sys
from hurtle_app import Sanic
from hurtle_http.response import json, text

app = Sanic("Single")
events = []

@app.main_process_start
def main_start(app):
    print("main_process_start", flush=True)

@app.before_server_start
async def setup(app, loop):
    app.ctx.ready = True
    events.append("before_server_start")

@app.after_server_stop
def teardown(app):
    print("after_server_stop", flush=True)

async def ticker(app):
    app.ctx.ticks = 0
    while True:
        app.ctx.ticks += 1
        await asyncio.sleep(0.01)

@app.before_server_start
def start_ticker(app):
    # A name needs the app running (as in Sanic): from a listener, not at import time.
    app.add_task(ticker, name="ticker")

@app.get("/")
async def index(request):
    return json({"ready": request.app.ctx.ready, "events": events,
                 "task": not request.app.get_task("ticker").done()})

@app.get("/slow")
async def slow(request):
    open(__file__ + ".slow", "w").close()  # the test's sign that /slow is in flight
    await asyncio.sleep(1.5)  # room for a second Ctrl-C while the stop waits for it
    return text("done")

app.run(host="127.0.0.1", port={port}, single_process=True)
"""


def test_run_single_process_serves_and_stops_gracefully_on_sigint(tmp_path) -> None:
    port = free_port()
    script = tmp_path / "single.py"
    script.write_text(textwrap.dedent(SINGLE).replace("{port}", str(port)))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as client:
            body = client.get("/").json()
    output = proc.stdout.read() if proc.stdout else ""
    assert body == {"ready": True, "events": ["before_server_start"], "task": True}
    assert proc.returncode == 0
    # Sanic 25.12 runs no main_process_* listener in a single-process server.
    assert "main_process_start" not in output
    assert "after_server_stop" in output


def _sigint_during_slow_request(tmp_path, presses: int) -> tuple[dict[str, str], int, str]:
    """Serve SINGLE, start GET /slow, press Ctrl-C ``presses`` times (0.1 s apart) while
    it runs; the response text, the exit code and the output."""
    import os
    import signal
    import threading

    port = free_port()
    script = tmp_path / "single.py"
    script.write_text(textwrap.dedent(SINGLE).replace("{port}", str(port)))
    in_flight = tmp_path / "single.py.slow"
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        result: dict[str, str] = {}

        def fetch() -> None:
            try:
                with httpx.Client(timeout=20) as client:
                    result["text"] = client.get(f"http://127.0.0.1:{port}/slow").text
            except httpx.HTTPError as exc:
                result["error"] = repr(exc)

        thread = threading.Thread(target=fetch)
        thread.start()
        # Ctrl-C once /slow runs. (A fixed 0.2 s wait stood for that: on a busy machine
        # the request had not reached the server yet, which then stopped and refused it.)
        deadline = time.monotonic() + 20
        while not in_flight.exists() and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        for press in range(presses):
            if press:
                asyncio.run(asyncio.sleep(0.1))  # the first stop is under way, /slow runs
            os.kill(proc.pid, signal.SIGINT)
        thread.join(20)
        proc.wait(timeout=20)
    output = proc.stdout.read() if proc.stdout else ""
    return result, proc.returncode, output


def test_inflight_request_finishes_during_shutdown(tmp_path) -> None:
    result, _, _ = _sigint_during_slow_request(tmp_path, presses=1)
    assert result == {"text": "done"}


def test_a_second_sigint_during_shutdown_does_not_interrupt_it(tmp_path) -> None:
    """Ctrl-C twice 0.1 s apart (or a signal to the process group as well as the
    process: the same stop delivered twice) while a single-process server stops
    gracefully leaves the shutdown to finish: the request in flight is answered and the
    stop listeners run, without a traceback. (Sanic's single process crashes out with
    `Event loop stopped before Future completed`, exit 1; a later second signal ends the
    grace, the test below.)"""
    result, returncode, output = _sigint_during_slow_request(tmp_path, presses=2)
    assert result == {"text": "done"}
    assert returncode == 0
    assert "after_server_stop" in output
    assert "KeyboardInterrupt" not in output


STUCK = """
import asyncio
from {package} import Sanic
from hurtle_http.response import text

app = Sanic("Stuck")
app.config.GRACEFUL_SHUTDOWN_TIMEOUT = 120

@app.after_server_stop
def teardown(app):
    print("after_server_stop", flush=True)

@app.get("/stuck")
async def stuck(request):
    open(__file__ + ".stuck", "w").close()  # the test's sign that /stuck is in flight
    await asyncio.sleep(120)
    return text("done")

{run}
"""
RUNS = {
    "app.run": 'app.run(host="127.0.0.1", port={port}, single_process=True)',
    # two addresses: sanic.worker.serve's own loop rather than hurtle_app.serving's
    "serve_single, two addresses": (
        'app.prepare(host="127.0.0.1", port={port}, single_process=True)\n'
        'app.prepare(host="127.0.0.1", port={port2}, single_process=True)\n'
        "Sanic.serve_single()"
    ),
}


@pytest.mark.parametrize(
    ("package", "run"),
    [("hurtle_app", "app.run"), ("sanic", "app.run"), ("sanic", "serve_single, two addresses")],
)
def test_a_later_second_sigint_ends_the_grace_at_once(tmp_path, package, run) -> None:
    """Ctrl-C, then Ctrl-C again a second later while the stop waits for a request that
    will not end soon: the grace ends there (as a second signal to the worker manager,
    and to Sanic's single process, which crashes out): the request is cut, the stop
    listeners run and the process exits 0, instead of waiting out the 120 s grace."""
    import os
    import signal
    import subprocess
    import threading

    port = free_port()
    script = tmp_path / "stuck.py"
    source = textwrap.dedent(STUCK).replace("{run}", RUNS[run]).replace("{package}", package)
    source = source.replace("{port}", str(port)).replace("{port2}", str(free_port()))
    script.write_text(source)
    in_flight = tmp_path / "stuck.py.stuck"
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        result: dict[str, str] = {}

        def fetch() -> None:
            try:
                with httpx.Client(timeout=150) as client:
                    result["text"] = client.get(f"http://127.0.0.1:{port}/stuck").text
            except httpx.HTTPError as exc:
                result["error"] = type(exc).__name__

        thread = threading.Thread(target=fetch)
        thread.start()
        deadline = time.monotonic() + 20
        while not in_flight.exists() and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(proc.pid, signal.SIGINT)
        time.sleep(1.0)  # well past a duplicate delivery of the same stop
        os.kill(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
            raise AssertionError("a second Ctrl-C did not end the graceful shutdown") from None
        thread.join(10)
    output = proc.stdout.read() if proc.stdout else ""
    assert proc.returncode == 0
    assert "error" in result  # the request was cut, not answered
    assert "Shutdown interrupted. Killing." in output
    assert "after_server_stop" in output
    assert "Traceback" not in output


async def test_websocket_route_upgrades_and_url_for_from_request() -> None:
    import websockets

    from hurtle_app import Sanic
    from hurtle_http.response import text

    Sanic.test_mode = True
    app = Sanic("WsApp", configure_logging=False)

    rooms: list[str] = []

    @app.websocket("/feed/<room>")
    async def feed(request, ws, room):
        rooms.append(room)
        await ws.send(f"welcome to {room}")

    @app.get("/where")
    async def where(request):
        return text(request.url_for("feed", room="lobby"))

    port = free_port()
    server = await app.create_server(host="127.0.0.1", port=port)
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        async with websockets.connect(f"ws://127.0.0.1:{port}/feed/lobby") as ws:
            greeting = await asyncio.wait_for(ws.recv(), 5)
        async with httpx.AsyncClient() as client:
            where = (await client.get(f"http://127.0.0.1:{port}/where")).text
    finally:
        await server.before_stop()
        await server.graceful_shutdown(1)
        await server.after_stop()
        Sanic._app_registry.clear()
    assert rooms == ["lobby"]
    assert greeting == "welcome to lobby"
    assert where == f"http://127.0.0.1:{port}/feed/lobby"


STOPPABLE = """
from hurtle_app import Sanic
from hurtle_http.response import text

app = Sanic("Stoppable")

@app.get("/stop")
async def stop(request):
    request.app.stop()
    return text("stopping")

@app.after_server_stop
def bye(app):
    print("stopped cleanly", flush=True)

app.run(host="127.0.0.1", port={port}, single_process=True)
"""


def test_app_stop_ends_run(tmp_path) -> None:
    port = free_port()
    script = tmp_path / "stoppable.py"
    script.write_text(textwrap.dedent(STOPPABLE).replace("{port}", str(port)))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        with httpx.Client(timeout=5) as client:
            answer = client.get(f"http://127.0.0.1:{port}/stop").text
        proc.wait(timeout=20)
        output = proc.stdout.read() if proc.stdout else ""
    assert answer == "stopping"
    assert proc.returncode == 0
    assert "stopped cleanly" in output


async def test_create_server_on_a_unix_socket(tmp_path) -> None:
    from hurtle_app import Sanic
    from hurtle_http.response import text

    Sanic.test_mode = True
    app = Sanic("UnixApp", configure_logging=False)

    @app.get("/")
    async def index(request):
        return text("over unix")

    path = str(tmp_path / "app.sock")
    server = await app.create_server(unix=path)
    await server.startup()
    await server.after_start()
    try:
        transport = httpx.AsyncHTTPTransport(uds=path)
        async with httpx.AsyncClient(transport=transport) as client:
            response = await client.get("http://localhost/")
    finally:
        server.close()
        await server.wait_closed()
        Sanic._app_registry.clear()
    assert response.text == "over unix"


SOCK = """
import socket
from hurtle_app import Sanic
from hurtle_http.response import json

app = Sanic("GivenSocket")

@app.get("/")
async def index(request):
    return json([request.app.state.host, request.app.state.port, request.server_port])

sock = socket.socket()
sock.bind(("127.0.0.1", {port}))
sock.listen()
app.run(sock=sock, single_process=True)
"""


def test_run_on_a_socket_given_as_is(tmp_path) -> None:
    """As Sanic: the banner names where the socket is bound (not a tuple's repr), and
    app.state has no host or port of its own (not 127.0.0.1:8000)."""
    port = free_port()
    script = tmp_path / "given_socket.py"
    script.write_text(textwrap.dedent(SOCK).replace("{port}", str(port)))
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        body = httpx.get(f"http://127.0.0.1:{port}/", timeout=5).json()
    output = proc.stdout.read() if proc.stdout else ""
    assert body == ["", 0, port]
    assert f"Goin' Fast @ http://127.0.0.1:{port}\n" in output


SERVE_SINGLE_TWO = """
from sanic import Sanic
from hurtle_http.response import text

one, two = Sanic("One"), Sanic("Two")

@one.get("/")
async def first(request):
    return text("one")

@two.get("/")
async def second(request):
    return text("two")

@two.get("/stop")
async def stop(request):
    request.app.stop()
    return text("stopping")

for app in (one, two):
    app.before_server_start(lambda app: print("before_server_start", app.name, flush=True))
    app.after_server_stop(lambda app: print("after_server_stop", app.name, flush=True))

if __name__ == "__main__":
    one.prepare(host="127.0.0.1", port={port})
    two.prepare(host="127.0.0.1", port={port2})
    Sanic.serve_single()
"""


def test_serve_single_serves_every_prepared_app_in_one_process(tmp_path) -> None:
    """As Sanic: not only the primary app; app.stop() from any of them ends the run."""
    port, port2 = free_port(), free_port()
    script = tmp_path / "serve_single_two.py"
    script.write_text(
        textwrap.dedent(SERVE_SINGLE_TWO).replace("{port}", str(port))
        .replace("{port2}", str(port2))
    )
    with running([str(script)], "127.0.0.1", port, cwd=tmp_path) as proc:
        # (running() waits for the first app's port only; the second may open a moment later)
        wait_for_port("127.0.0.1", port2, proc)
        answers = [httpx.get(f"http://127.0.0.1:{p}/", timeout=5).text for p in (port, port2)]
        assert httpx.get(f"http://127.0.0.1:{port2}/stop", timeout=5).text == "stopping"
        proc.wait(timeout=20)
    output = proc.stdout.read() if proc.stdout else ""
    assert answers == ["one", "two"]
    assert proc.returncode == 0
    lines = [line for line in output.splitlines() if "_server_" in line]
    assert lines == ["before_server_start One", "before_server_start Two",
                     "after_server_stop One", "after_server_stop Two"]
    # one banner line per prepare(), none more when serving starts
    assert output.count("Goin' Fast") == 2
