"""What a worker process does (sanic.worker.serve), run in-process on a real socket."""

from __future__ import annotations

import logging
import multiprocessing
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from hurtle_http.response import text
from hurtle_http.server import bind_socket
from sanic import Sanic
from sanic.worker import serve as worker_module
from sanic.worker.loader import AppLoader
from sanic.worker.serve import worker_serve


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> Iterator[Sanic]:
    monkeypatch.setenv("SANIC_WORKER_NAME", "Sanic-Server-0-0")
    Sanic.test_mode = True
    app = Sanic("WorkerApp", configure_logging=False)
    yield app
    Sanic._app_registry.clear()


class Recorder:
    """Stands in for the multiplexer: records restart requests."""

    name = "Sanic-Server-0-0"

    def __init__(self) -> None:
        self.restarts: list[dict[str, Any]] = []

    def restart(self, **kwargs: Any) -> None:
        self.restarts.append(kwargs)


async def test_max_requests_asks_for_one_zero_downtime_replacement(app: Sanic) -> None:
    app.config.WORKER_MAX_REQUESTS = 3
    handled: list[int] = []

    async def inner(request: Any) -> None:
        handled.append(request)

    object.__setattr__(app, "handle_request", inner)
    recorder = Recorder()
    worker_module._limit_requests(app, recorder)  # type: ignore[arg-type]
    for number in range(5):
        await app.handle_request(number)
    assert handled == [0, 1, 2, 3, 4]  # every request is still served
    assert recorder.restarts == [{"zero_downtime": True}]


def test_max_requests_off_by_default(app: Sanic) -> None:
    before = app.handle_request
    worker_module._limit_requests(app, Recorder())  # type: ignore[arg-type]
    assert app.handle_request == before


def test_passthru_sets_config_state_shared_ctx_and_multiplexer(app: Sanic) -> None:
    marker = object()
    worker_module._apply_passthru(
        app, marker,  # type: ignore[arg-type]
        {"config": {"CUSTOM": 1}, "state": {"port": 4321},
         "shared_ctx": {"queue": "q"}},
    )
    assert app.config.CUSTOM == 1
    assert app.state.port == 4321
    assert app.shared_ctx.queue == "q"
    assert app.m is marker
    # As Sanic: a worker may still set values (they stay in that worker); a locked
    # context made every before_server_start that did so a failed start-up.
    assert not app.shared_ctx.is_locked
    app.shared_ctx.per_worker = 1
    assert app.shared_ctx.per_worker == 1


def test_worker_serves_on_the_given_socket_and_acks(app: Sanic) -> None:
    events: list[str] = []

    @app.before_server_start
    async def start(app: Sanic) -> None:
        events.append("before_server_start")

    @app.after_server_stop
    async def stopped(app: Sanic) -> None:
        events.append("after_server_stop")

    @app.get("/")
    async def index(request: Any) -> Any:
        return text(f"{request.app.m.name} {request.app.shared_ctx.greeting}")

    sock = bind_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    reader, writer = multiprocessing.Pipe(duplex=False)
    state: dict[str, Any] = {}
    thread = threading.Thread(
        target=worker_serve,
        kwargs={
            "app_name": app.name,
            "monitor_publisher": writer,
            "app_loader": AppLoader(factory=lambda: app),
            "worker_state": state,
            "server_info": {app.name: [{"sock": sock, "host": "127.0.0.1", "port": port}]},
            "passthru": {app.name: {"shared_ctx": {"greeting": "hi"}}},
            "register_sys_signals": False,
        },
    )
    thread.start()
    try:
        assert reader.poll(20)
        ack = reader.recv()
        answer = httpx.get(f"http://127.0.0.1:{port}/", timeout=10).text
    finally:
        app.stop(terminate=False)
        thread.join(20)
        sock.close()
    assert ack[0] == "ack" and ack[1] == "Sanic-Server-0-0"
    assert answer == "Sanic-Server-0-0 hi"
    assert events == ["before_server_start", "after_server_stop"]
    assert not thread.is_alive()


def test_missing_app_exits_with_the_explanation(app: Sanic, caplog) -> None:
    with caplog.at_level(logging.ERROR), pytest.raises(SystemExit) as exc:
        worker_serve(app_name="Nowhere", register_sys_signals=False)
    assert exc.value.code == 1
    assert 'App "Nowhere" was not found in the worker process' in caplog.text


def test_missing_app_names_the_start_method_in_use(monkeypatch, caplog) -> None:
    # Under forkserver the message said workers are started with 'spawn'; it names the
    # method the workers use, and the one that keeps an app made in the main guard.
    monkeypatch.setattr(multiprocessing, "get_start_method", lambda allow_none=False: "forkserver")
    with caplog.at_level(logging.ERROR), pytest.raises(SystemExit):
        worker_serve(app_name="Nowhere", register_sys_signals=False)
    assert "started with the 'forkserver' method" in caplog.text
    assert 'Sanic.start_method = "fork"' in caplog.text



def test_a_loader_error_is_logged_and_the_worker_exits(app: Sanic, caplog) -> None:
    loader = AppLoader("no_such_module_anywhere:app")
    with caplog.at_level(logging.ERROR), pytest.raises(SystemExit) as exc:
        worker_serve(app_name="Any", app_loader=loader, register_sys_signals=False)
    assert exc.value.code == 1
    assert "could not load the app 'Any'" in caplog.text
    assert "No module named 'no_such_module_anywhere'" in caplog.text


def test_a_mistake_in_the_apps_code_is_logged_where_it_is(
    app: Sanic, caplog, tmp_path, monkeypatch
) -> None:
    # What auto-reload shows after an edit that breaks the module: the user's line, not the
    # frames of the worker, the loader and importlib.
    (tmp_path / "edited_server.py").write_text("import os\nimport not_installed_here\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    loader = AppLoader("edited_server:app")
    with caplog.at_level(logging.ERROR), pytest.raises(SystemExit) as exc:
        worker_serve(app_name="Any", app_loader=loader, register_sys_signals=False)
    assert exc.value.code == 1
    assert "could not load the app 'Any'" in caplog.text
    assert 'edited_server.py", line 2, in <module>' in caplog.text
    assert "ModuleNotFoundError: No module named 'not_installed_here'" in caplog.text
    assert "importlib" not in caplog.text and 'serve.py", line' not in caplog.text
