"""The runner behind app.run/prepare/serve: options, validation, and what workers get."""

from __future__ import annotations

import asyncio
import errno
import inspect
import logging
import os
import socket
import ssl
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hurtle_http.exceptions import ServerError
from hurtle_worker import SharedContext
from sanic import Sanic, runner
from sanic.exceptions import SanicException
from sanic.http.constants import HTTP
from sanic.worker.loader import AppNotFound, find_app, modules_holding


@pytest.fixture
def app() -> Iterator[Sanic]:
    Sanic.test_mode = True
    app = Sanic("RunnerApp", configure_logging=False)
    yield app
    Sanic._app_registry.clear()


RUN_PARAMS = [
    "host", "port", "dev", "debug", "auto_reload", "version", "ssl", "sock", "workers",
    "protocol", "backlog", "register_sys_signals", "access_log", "unix", "loop",
    "reload_dir", "noisy_exceptions", "motd", "fast", "verbosity", "motd_display",
    "auto_tls", "single_process",
]


def test_run_and_prepare_take_sanics_parameters() -> None:
    run = list(inspect.signature(Sanic.run).parameters)[1:]
    prepare = list(inspect.signature(Sanic.prepare).parameters)[1:]
    assert run[: len(RUN_PARAMS)] == RUN_PARAMS
    assert "coffee" in prepare and "legacy" in prepare
    assert list(inspect.signature(Sanic.serve).parameters) == ["primary", "app_loader",
                                                              "factory"]


def test_version_defaults_to_the_http_enum_as_in_sanic() -> None:
    from sanic.http.constants import HTTP

    for method in (Sanic.run, Sanic.prepare):
        assert inspect.signature(method).parameters["version"].default is HTTP.VERSION_1


def test_prepare_records_the_settings(app: Sanic) -> None:
    app.prepare(port=9999, debug=True, workers=3)
    info = app.state.server_info[0]
    assert (info["host"], info["port"]) == ("127.0.0.1", 9999)
    assert app.debug and app.state.workers == 3
    assert app.config.ACCESS_LOG is True  # debug turns the access log on
    assert runner.prepared_apps(Sanic) == [app]


def test_an_empty_unix_path_serves_on_the_default_tcp_address(app: Sanic) -> None:
    # As Sanic: `--unix ''` (or unix="") means no unix socket; Hurtle's prepare failed with
    # `TypeError: argument of type 'NoneType' is not iterable`.
    app.prepare(unix="", port=9998)
    info = app.state.server_info[0]
    assert (info["host"], info["port"]) == ("127.0.0.1", 9998)
    assert not info["unix"]


@pytest.mark.parametrize(("terminal", "debug", "warned"),
                         [(True, False, True), (True, True, False), (False, False, False)])
def test_production_mode_on_a_terminal_is_pointed_out(
    app: Sanic, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
    terminal: bool, debug: bool, warned: bool,
) -> None:
    # As Sanic: on a terminal, each prepare() in production mode says how to develop, on
    # sanic.error (standard error, not standard output).
    monkeypatch.setattr(runner, "is_atty", lambda: terminal)
    with caplog.at_level(logging.WARNING):
        app.prepare(port=9996, motd=False, debug=debug)
    messages = [r.getMessage() for r in caplog.records if r.name == "sanic.error"]
    expected = ["Sanic is running in PRODUCTION mode. Consider using '--debug' or '--dev' "
                "while actively developing your application."]
    assert messages == (expected if warned else [])


def test_a_later_prepare_without_debug_leaves_debug_mode_on(app: Sanic) -> None:
    # As Sanic: the mode is the app's; a second server prepared without debug keeps it.
    app.prepare(port=9991, motd=False, debug=True)
    app.prepare(port=9992, motd=False)
    assert app.debug and app.state.is_debug
    assert str(app.state.mode) == "debug"


def test_prepare_without_debug_sets_production_over_a_mode_given_as_a_string(
    app: Sanic,
) -> None:
    # As Sanic: a plain "debug" string is no debug mode (is_debug is False), so prepare()
    # sets production.
    from sanic.application.constants import Mode

    app.state.mode = "debug"
    app.prepare(port=9995, motd=False)
    assert app.state.mode is Mode.PRODUCTION


def test_a_later_prepare_keeps_fast_mode_and_adds_reload_folders(app: Sanic, tmp_path) -> None:
    # As Sanic: fast mode stays on, and the folders to watch add up.
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    app.prepare(port=9993, motd=False, fast=True, reload_dir=str(first))
    app.prepare(port=9994, motd=False, reload_dir=str(second))
    assert app.state.fast is True
    assert app.state.reload_dirs == {first, second}


def test_a_later_prepare_keeps_coffee(app: Sanic) -> None:
    # As Sanic: coffee set on the state (or by an earlier prepare) stays on.
    app.state.coffee = True
    app.prepare(port=9990, motd=False)
    assert app.state.coffee is True


def test_dev_means_debug_and_auto_reload(app: Sanic, tmp_path) -> None:
    app.prepare(dev=True, reload_dir=str(tmp_path))
    assert app.debug and app.auto_reload
    assert app.state.reload_dirs == {tmp_path}
    assert app.config.AUTO_RELOAD is True


def test_auto_reload_shows_in_the_config_and_dev_overrides_false() -> None:
    Sanic.test_mode = True
    try:
        asked = Sanic("AskedReload", configure_logging=False)
        assert asked.config.AUTO_RELOAD is False
        asked.prepare(auto_reload=True)
        assert asked.config.AUTO_RELOAD is True and asked.auto_reload
        dev = Sanic("DevReload", configure_logging=False)
        dev.prepare(port=9998, dev=True, auto_reload=False)
        assert dev.auto_reload and dev.config.AUTO_RELOAD is True
        single = Sanic("SingleDev", configure_logging=False)
        with pytest.raises(RuntimeError, match="auto-reload"):
            single.prepare(port=9997, dev=True, auto_reload=False, single_process=True)
    finally:
        Sanic._app_registry.clear()


def test_fast_and_auto_use_every_cpu(app: Sanic) -> None:
    app.prepare(fast=True)
    assert app.state.workers == runner._cpu_count()
    app.prepare(workers="auto")  # type: ignore[arg-type]
    assert app.state.workers == runner._cpu_count()


@pytest.mark.parametrize(
    ("options", "error", "match"),
    [
        ({"fast": True, "workers": 4}, RuntimeError, "fast=True and workers"),
        ({"single_process": True, "workers": 2}, RuntimeError, "^Single process cannot be"),
        ({"single_process": True, "dev": True}, RuntimeError, "multiple workers or auto-reload"),
        ({"single_process": True, "auto_reload": True}, RuntimeError, "or auto-reload$"),
        ({"version": 3}, ServerError, "HTTP/1.1"),
        ({"version": 4}, ValueError, "^4 is not a valid HTTP$"),
        ({"version": "HTTP/3"}, ServerError, "HTTP/1.1"),
        # Sanic stores these and fails at run() on its banner (AttributeError), or serves
        # HTTP/1.1 without one: refused here at once, saying what to pass.
        ({"version": "x"}, ValueError, r"^version='x' is not an HTTP version: use 1 "),
        ({"version": 2.5}, ValueError, r"^version=2\.5 is not an HTTP version"),
        ({"version": None}, ValueError, r"^version=None is not an HTTP version"),
        ({"ssl": 123}, ValueError, "^Invalid ssl argument <class 'int'>"),
        ({"ssl": "/nope/dir"}, ValueError, "^Certificate not found or permission denied"),
        ({"ssl": ssl.create_default_context()}, ServerError, "cannot be sent to worker"),
        ({"ssl": [ssl.create_default_context()]}, ServerError, "cannot be sent to worker"),
        # Sanic fails on binding, with a TypeError: the same type, naming the argument.
        ({"port": "http"}, TypeError, r"^port is a number from 0 to 65535, such as 8000, not 'http'"),
        ({"port": [8000]}, TypeError, r"not \[8000\]$"),
        # A float was cut to an int (8000.5 served on 8000); Sanic's bind refuses it.
        ({"port": 8000.5}, TypeError, r"not 8000\.5$"),
        ({"port": 8000.0}, TypeError, r"not 8000\.0$"),
        # Sanic: ValueError from dict.update; its words said nothing of motd_display.
        ({"motd_display": "x"}, ValueError, r"^motd_display is a dict of extra lines .* not 'x'$"),
        ({"motd_display": 5}, TypeError, r"^motd_display is a dict .* not 5$"),
        # Sanic: TypeError when its loggers compare it; Hurtle's was a ValueError.
        ({"verbosity": "x"}, TypeError, r"^verbosity is a whole number such as 0, 1 or 2, not 'x'$"),
        ({"verbosity": "2"}, TypeError, r"not '2'$"),
        ({"auto_tls": True}, SanicException,
         "^Cannot run Sanic as an HTTPS server in PRODUCTION mode .*dev=True or debug=True"),
    ],
)
def test_prepare_refuses_what_cannot_work(app: Sanic, options: dict[str, Any], error: type,
                                          match: str) -> None:
    with pytest.raises(error, match=match):
        app.prepare(**options)


def test_prepare_as_sanic_accepts_and_records(app: Sanic) -> None:
    app.config.AUTO_RELOAD = True
    app.config.MOTD = False
    app.prepare(single_process=True, workers=1)  # the config's AUTO_RELOAD does not apply
    assert app.state.auto_reload is False
    assert app.config.MOTD is True  # prepare(motd=True) sets it
    app.prepare(motd=False, version="1.1")
    assert app.config.MOTD is False


@pytest.mark.parametrize("version", ["HTTP/1.1", "http/1.1", "HTTP/1", 1, "1", 1.1, HTTP.VERSION_1])
def test_prepare_takes_the_names_of_http_1_1(app: Sanic, version: Any) -> None:
    # Sanic stores version="HTTP/1.1" and serves HTTP/1.1 with it (when its banner, which
    # fails on it, is off); Hurtle refused it with a ValueError.
    app.prepare(version=version, motd=False)
    assert app.state.server_info[-1].settings["version"] is HTTP.VERSION_1


def test_no_workers_is_refused_when_serving(app: Sanic) -> None:
    app.prepare(workers=0)
    with pytest.raises(RuntimeError, match="^Cannot serve with no workers$"):
        Sanic.serve(primary=app)


def test_a_negative_proxies_count_is_refused_at_start_up(app: Sanic) -> None:
    app.config.PROXIES_COUNT = -1
    message = (
        r"^PROXIES_COUNT cannot be negative\. "
        r"https://sanic\.readthedocs\.io/en/latest/sanic/config\.html#proxy-configuration$"
    )
    with pytest.raises(ValueError, match=message):
        app.prepare()


def test_serve_without_prepare_says_what_to_do(app: Sanic) -> None:
    with pytest.raises(ServerError, match="app.prepare"):
        Sanic.serve()
    # Sanic raises a RuntimeError here; code catching it keeps working.
    for serve in (Sanic.serve, Sanic.serve_single):
        with pytest.raises(RuntimeError, match="Did not find any applications to serve"):
            serve()
    with pytest.raises(ServerError, match="was not prepared"):
        Sanic.serve(primary=app)


def _bind_taken_port() -> pytest.ExceptionInfo:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        info = {"sock": None, "unix": None, "host": "127.0.0.1", "port": port,
                "backlog": 10}
        with pytest.raises(ServerError, match="Address already in use") as exc:
            runner._bind(info)
    assert f"127.0.0.1:{port}" in str(exc.value)
    return exc


def test_bind_in_use_port_in_a_spawned_process_gives_the_main_guard_hint(monkeypatch) -> None:
    # A worker or reloader that binds ran the module's app.run again: that is the cause.
    monkeypatch.setattr(runner, "in_spawned_worker", lambda: True)
    exc = _bind_taken_port()
    assert '`if __name__ == "__main__"` block' in str(exc.value)


def test_bind_in_use_port_in_the_main_process_names_no_main_guard(monkeypatch) -> None:
    # sanic-org/sanic#3100: from the CLI (or a first app.run) the address is simply taken;
    # the hint about app.run outside `if __name__ == "__main__"` would mislead.
    monkeypatch.setattr(runner, "in_spawned_worker", lambda: False)
    exc = _bind_taken_port()
    assert "__main__" not in str(exc.value)
    assert "Another process may already listen there" in str(exc.value)
    # As Sanic, whose bind raises it as is: code catching OSError keeps working.
    assert isinstance(exc.value, OSError)
    assert exc.value.errno == errno.EADDRINUSE
    assert exc.value.strerror == os.strerror(errno.EADDRINUSE)


def test_multiplexer_only_exists_in_workers(app: Sanic) -> None:
    with pytest.raises(AttributeError, match="only inside worker processes"):
        app.m  # noqa: B018
    assert not hasattr(app, "multiplexer")


def test_multiplexer_can_be_set_like_a_plain_attribute(app: Sanic) -> None:
    # Sanic's app.multiplexer is a plain attribute: code (and tests) may set a stand-in.
    stand_in = object()
    app.multiplexer = stand_in  # type: ignore[assignment]
    assert app.multiplexer is stand_in
    assert app.m is stand_in


def test_manager_and_inspector_only_in_the_main_process_once_set(
    app: Sanic, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As Sanic: a SanicException before main_process_start, and in any worker process.
    for name in ("manager", "inspector"):
        with pytest.raises(SanicException, match=f"Can only access the {name} from the main"):
            getattr(app, name)
    app.manager = manager = object()  # type: ignore[assignment]
    object.__setattr__(app, "_inspector", inspector := object())
    assert (app.manager, app.inspector) == (manager, inspector)
    monkeypatch.setenv("SANIC_WORKER_PROCESS", "true")
    for name in ("manager", "inspector"):
        with pytest.raises(SanicException, match=f"Can only access the {name} from the main"):
            getattr(app, name)


def test_shared_ctx_is_a_shared_context(app: Sanic) -> None:
    assert isinstance(app.shared_ctx, SharedContext)


def test_start_method_defaults_to_spawn(app: Sanic) -> None:
    from sanic.compat import Default, use_context

    assert isinstance(Sanic.start_method, Default)  # Sanic's <Default>
    assert Sanic._get_startup_method() == "spawn"
    with use_context("forkserver"):  # as Sanic's: sets Sanic.start_method for the block
        assert Sanic.start_method == "forkserver"
        assert Sanic._get_startup_method() == "forkserver"
    assert isinstance(Sanic.start_method, Default)


def test_an_unknown_start_method_is_a_value_error_naming_the_choices(app: Sanic) -> None:
    from sanic.compat import use_context

    with use_context("bogus"), pytest.raises(ValueError, match="'bogus' is not available"):
        Sanic._set_startup_method()


def test_a_start_method_set_before_the_run_is_refused_with_the_fix(app: Sanic,
                                                                    monkeypatch) -> None:
    # As Sanic: multiprocessing used (or set to fork) before app.run() cannot serve spawned
    # workers; Hurtle said so only later, as "A SemLock created in a fork context...".
    import multiprocessing

    previous = multiprocessing.get_start_method(allow_none=True)
    monkeypatch.setattr(Sanic, "START_METHOD_SET", False)
    monkeypatch.setattr(Sanic, "test_mode", False)
    multiprocessing.set_start_method("fork", force=True)
    try:
        with pytest.raises(RuntimeError, match="'spawn' was requested, but 'fork' was "
                           "already set") as exc:
            Sanic._set_startup_method()
        assert "Sanic.start_method = 'fork'" in str(exc.value)
        assert multiprocessing.get_start_method(allow_none=True) == "fork"  # untouched
        monkeypatch.setattr(Sanic, "start_method", "fork")  # the fix it names
        Sanic._set_startup_method()
        assert Sanic.START_METHOD_SET
    finally:
        monkeypatch.undo()
        multiprocessing.set_start_method(previous, force=True)


def test_find_app_explains_a_missing_app(app: Sanic) -> None:
    assert find_app("RunnerApp") is app
    with pytest.raises(AppNotFound) as exc:
        find_app("Elsewhere")
    message = str(exc.value)
    assert 'App "Elsewhere" was not found' in message
    assert "RunnerApp" in message  # what was found instead
    assert "module level" in message and "--factory" in message


def test_find_app_serves_a_scripts_main_app_under_its_spawned_name(app: Sanic) -> None:
    # ``python app.py`` with ``Sanic(__name__)``: the worker imports app.py as __mp_main__
    worker_app = Sanic("__mp_main__", configure_logging=False)
    assert find_app("__main__") is worker_app


def test_passthru_carries_shared_ctx_the_runs_settings_and_state(app: Sanic) -> None:
    # As Sanic 25.12: a worker imports the app again and takes from the main process only
    # shared_ctx, the run's state and the settings of the run's own arguments; a value set
    # in the main process alone (a main_process_start listener, `__main__` code) stays there.
    app.config.CUSTOM = 5
    app.config.FALLBACK_ERROR_FORMAT = "json"
    app.shared_ctx.token = "abc"
    app.prepare(port=1234, debug=True, noisy_exceptions=True)
    app.config.ACCESS_LOG = False  # e.g. changed by a main_process_start listener
    passed = runner._passthru(app, False)
    assert passed["shared_ctx"] == {"token": "abc"}
    assert passed["config"] == {"ACCESS_LOG": False, "AUTO_RELOAD": False,
                                "NOISY_EXCEPTIONS": True}
    assert passed["state"]["port"] == 1234
    assert passed["state"]["primary"] is False


def test_stop_without_a_manager_falls_back_to_single_process(app: Sanic) -> None:
    assert runner.stop(app) is False
    app.stop()  # nothing running: no error


def test_simple_loader_serves_a_folder(tmp_path) -> None:
    from sanic.worker.loader import AppLoader

    Sanic.test_mode = True
    (tmp_path / "index.html").write_text("<p>hi</p>")
    try:
        simple = AppLoader(str(tmp_path), as_simple=True).load()
        assert isinstance(simple, Sanic)
        simple.finalize()
        route, _, _ = simple.router.resolve("/index.html", method="GET")
        assert route.extra.static
    finally:
        Sanic._app_registry.clear()


def test_an_ssl_context_is_accepted_where_no_pickling_happens(app: Sanic, monkeypatch) -> None:
    context = ssl.create_default_context()
    app.prepare(ssl=context, single_process=True)
    app.prepare(ssl=context, legacy=True, workers=2)
    monkeypatch.setattr(Sanic, "start_method", "fork")
    app.prepare(ssl=context, workers=2)
    assert [info["ssl"] for info in app.state.server_info] == [context] * 3


def test_reload_dirs_are_kept_as_given_and_a_missing_one_is_reported(
    app: Sanic, tmp_path, caplog, monkeypatch
) -> None:
    (tmp_path / "watched").mkdir()
    monkeypatch.chdir(tmp_path)
    with caplog.at_level(logging.WARNING):
        app.prepare(reload_dir=["./watched", "/no/such/dir"])
    assert app.state.reload_dirs == {Path("watched"), Path("/no/such/dir")}
    assert ("sanic.root", logging.WARNING, "Directory /no/such/dir could not be located") \
        in caplog.record_tuples
    assert ("sanic.root", logging.WARNING, "Directory ./watched could not be located") \
        not in caplog.record_tuples


def test_reload_dir_alone_does_not_turn_auto_reload_on(app: Sanic, tmp_path) -> None:
    app.prepare(reload_dir=str(tmp_path))
    assert app.state.auto_reload is False
    app.prepare(reload_dir=str(tmp_path), single_process=True)
    assert app.state.auto_reload is False
    app.prepare(reload_dir=str(tmp_path), auto_reload=True)
    assert app.state.auto_reload is True


def test_run_refuses_an_existing_loop_pointing_at_create_server(app: Sanic) -> None:
    with pytest.raises(TypeError, match=r"^loop is not a valid argument\. .*create_server\(\)"):
        app.prepare(loop=object())
    assert not app.state.server_info  # nothing was prepared


def test_serving_with_workers_needs_the_system_signals(app: Sanic) -> None:
    with pytest.raises(RuntimeError, match=r"register_sys_signals=False\. Use Sanic\.serve_single"):
        app.prepare(register_sys_signals=False)
    app.prepare(register_sys_signals=False, single_process=True)  # one process: fine


async def test_ctrlc_workaround_stops_first_and_interrupts_second() -> None:
    import signal
    from types import SimpleNamespace

    from sanic.compat import ctrlc_workaround_for_windows

    class FakeApp:
        def __init__(self) -> None:
            self.state = SimpleNamespace(is_stopping=False)
            self.tasks: list[Any] = []

        def stop(self) -> None:
            self.state.is_stopping = True

        def add_task(self, func: Any) -> None:
            self.tasks.append(asyncio.ensure_future(func(self)))

    previous = signal.getsignal(signal.SIGINT)
    fake = FakeApp()
    try:
        ctrlc_workaround_for_windows(fake)
        handler = signal.getsignal(signal.SIGINT)
        handler(signal.SIGINT, None)  # the first Ctrl+C stops the app...
        assert fake.state.is_stopping
        await asyncio.wait_for(fake.tasks[0], 2)  # ...and the waking task ends
        with pytest.raises(KeyboardInterrupt):
            handler(signal.SIGINT, None)  # a second one does not wait
    finally:
        signal.signal(signal.SIGINT, previous)


async def test_ctrlc_workaround_when_the_app_already_stops() -> None:
    import signal
    from types import SimpleNamespace

    from sanic.compat import ctrlc_workaround_for_windows

    stops: list[bool] = []
    fake = SimpleNamespace(state=SimpleNamespace(is_stopping=True), add_task=lambda func: None,
                           stop=lambda: stops.append(True))
    previous = signal.getsignal(signal.SIGINT)
    try:
        ctrlc_workaround_for_windows(fake)
        handler = signal.getsignal(signal.SIGINT)
        handler(signal.SIGINT, None)  # the first Ctrl+C: already stopping, nothing to do
        assert stops == []
        with pytest.raises(KeyboardInterrupt):
            handler(signal.SIGINT, None)
    finally:
        signal.signal(signal.SIGINT, previous)


def test_banner_shows_watched_folders_resolved_before_the_packages(
    app: Sanic, tmp_path, caplog, monkeypatch
) -> None:
    (tmp_path / "watched").mkdir()
    monkeypatch.chdir(tmp_path)
    app.prepare(auto_reload=True, reload_dir="./watched", motd=False)
    info = {"ssl": None, "unix": None, "sock": None, "host": "127.0.0.1", "port": 8123}
    with caplog.at_level(logging.INFO):
        runner._motd(app, [info], 1)
    lines = [r.getMessage() for r in caplog.records if r.name == "sanic.root"]
    reload_line = f"auto-reload: enabled, {tmp_path / 'watched'}"
    assert reload_line in lines
    packages = [i for i, line in enumerate(lines) if line.startswith("packages: ")]
    assert packages == [lines.index(reload_line) + 1]


def test_each_prepare_prints_its_banner_in_the_main_process_only(
    app: Sanic, caplog, monkeypatch
) -> None:
    other = Sanic("RunnerOther", configure_logging=False)
    with caplog.at_level(logging.INFO):
        app.prepare(port=8123, fast=True)
        other.prepare(port=8124, motd=False)
        other.prepare(port=8125)
    lines = [r.getMessage() for r in caplog.records if r.name == "sanic.root"]
    assert [line for line in lines if line.startswith("Goin' Fast @ ")] == [
        "Goin' Fast @ http://127.0.0.1:8123", "Goin' Fast @ http://127.0.0.1:8125"]
    workers = app.state.workers
    mode = "single worker" if workers == 1 else f"w/ {workers} workers"
    assert f"mode: production, goin' fast {mode}" in lines
    caplog.clear()
    monkeypatch.setenv("SANIC_WORKER_NAME", "Sanic-Server-0-0")
    with caplog.at_level(logging.INFO):
        other.prepare(port=8126)
    assert not [r for r in caplog.records if r.getMessage().startswith("Goin' Fast")]


def test_banner_names_a_unix_socket_as_sanic_does(app: Sanic, caplog, tmp_path) -> None:
    """``app.run(unix=path)`` prints "Goin' Fast @ <path> http://..." (Sanic 25.12's
    wording for a socket without host or port)."""
    path = str(tmp_path / "app.sock")
    with caplog.at_level(logging.INFO):
        app.prepare(unix=path)
    lines = [r.getMessage() for r in caplog.records if r.name == "sanic.root"]
    assert f"Goin' Fast @ {path} http://..." in lines


async def test_create_server_prints_the_banner_in_the_main_process(app: Sanic, caplog) -> None:
    app.get("/")(lambda request: None)
    with caplog.at_level(logging.INFO):
        server = await app.create_server(port=0, debug=True, return_asyncio_server=True)
    lines = [r.getMessage() for r in caplog.records if r.name == "sanic.root"]
    port = server.server.sockets[0].getsockname()[1]
    assert lines[1] == f"Goin' Fast @ http://127.0.0.1:{port}"
    assert "app: RunnerApp" in lines and "mode: debug, single worker" in lines
    server.close()
    await server.wait_closed()


async def test_create_server_prints_the_banner_before_it_binds(app: Sanic, caplog) -> None:
    # As Sanic: the banner comes before the bind, so an address in use still shows it
    # (Hurtle printed it after, and not at all when the bind failed).
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        with caplog.at_level(logging.INFO), pytest.raises(OSError):
            await app.create_server(port=port, return_asyncio_server=True)
    finally:
        taken.close()
    lines = [r.getMessage() for r in caplog.records if r.name == "sanic.root"]
    assert f"Goin' Fast @ http://127.0.0.1:{port}" in lines


@pytest.mark.parametrize("unix", [None, ""])
async def test_create_server_on_port_0_names_the_port_bound(app: Sanic, caplog, unix) -> None:
    # Sanic's banner says `:8000` (Hurtle's said `:0`): nothing listens there. The port
    # the system picked is the address a user can reach. An empty unix path is no UNIX
    # socket (TCP is served, as app.run reads it); its banner still said `:0`.
    with caplog.at_level(logging.INFO):
        server = await app.create_server(port=0, unix=unix, return_asyncio_server=True)
    try:
        port = server.server.sockets[0].getsockname()[1]
        lines = [r.getMessage() for r in caplog.records if r.name == "sanic.root"]
        assert [line for line in lines if line.startswith("Goin' Fast")] == [
            f"Goin' Fast @ http://127.0.0.1:{port}"
        ]
    finally:
        server.close()
        await server.wait_closed()


def test_run_on_port_0_names_the_port_bound(app: Sanic, caplog) -> None:
    # Sanic reads port 0 as 8000; Hurtle binds the port the system picks, and its banner
    # (printed by prepare(), before any bind) said `:0`, app.state.port 0 and
    # serve_location "http://<unknown>"-like: none the address a user can reach.
    seen: dict[str, Any] = {}

    @app.after_server_start
    async def record(app: Sanic) -> None:
        seen["bound"] = app.state.server_info[0].server.server.sockets[0].getsockname()[1]
        seen["state"], seen["where"] = app.state.port, app.serve_location
        app.stop()

    with caplog.at_level(logging.INFO):
        app.run(single_process=True, port=0)
    port = seen["bound"]
    assert (seen["state"], seen["where"]) == (port, f"http://127.0.0.1:{port}")
    banners = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Goin' Fast")]
    assert banners == [f"Goin' Fast @ http://127.0.0.1:{port}"]


def test_workers_on_port_0_get_the_port_bound_and_its_banner(app: Sanic, caplog) -> None:
    # The manager's path: the main process binds for its workers, then announces.
    app.prepare(port=0)
    bound: list[tuple[Any, socket.socket]] = []
    with caplog.at_level(logging.INFO):
        assert not [r for r in caplog.records if r.getMessage().startswith("Goin' Fast")]
        try:
            [(_, [settings])] = runner._bind_apps([app], bound)
            port = bound[0][1].getsockname()[1]
        finally:
            runner._release(bound)
    assert (settings["port"], app.state.port) == (port, port)
    banners = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Goin' Fast")]
    assert banners == [f"Goin' Fast @ http://127.0.0.1:{port}"]


_LEGACY_PORT_0 = """
import os
from sanic import Sanic, text
app = Sanic("LegacyPort0")
app.get("/")(lambda r: text("x"))
@app.after_server_start
async def seen(app):
    os.write(1, f"STATE {app.state.port}\\n".encode())
    os.kill(os.getppid(), 15)  # the main process: it stops its workers
if __name__ == "__main__":
    app.run(host="127.0.0.1", port=0, workers=2, legacy=True, access_log=False)
"""


def test_legacy_workers_on_port_0_get_the_port_bound_and_its_banner(tmp_path) -> None:
    # The legacy runner binds for its forked workers too: without the port picked
    # named there, its banner (waiting for the bind) was never printed.
    (tmp_path / "served.py").write_text(_LEGACY_PORT_0)
    proc = subprocess.run([sys.executable, "served.py"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, start_new_session=True)
    out = proc.stdout + proc.stderr
    states = {line.split()[1] for line in out.splitlines() if line.startswith("STATE ")}
    [port] = states
    assert port != "0"
    assert f"Goin' Fast @ http://127.0.0.1:{port}" in out


async def test_create_server_in_a_worker_prints_no_banner(app: Sanic, caplog,
                                                          monkeypatch) -> None:
    monkeypatch.setenv("SANIC_WORKER_NAME", "Sanic-Server-0-0")
    with caplog.at_level(logging.INFO):
        server = await app.create_server(port=0, return_asyncio_server=True)
    assert not [r for r in caplog.records if r.getMessage().startswith("Goin' Fast")]
    server.close()
    await server.wait_closed()


def test_a_test_client_request_logs_one_banner(app: Sanic, caplog) -> None:
    from sanic.response import text

    app.get("/")(lambda request: text("hi"))
    with caplog.at_level(logging.INFO):
        _, response = app.test_client.get("/")
    assert response.status == 200
    banners = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Goin' Fast")]
    assert banners == [f"Goin' Fast @ http://127.0.0.1:{app.test_client.port}"]


async def test_run_inside_a_running_event_loop_says_what_to_do_instead(app: Sanic) -> None:
    # Sanic hangs or reports a failed worker here; asyncio's own message names no fix.
    with pytest.raises(RuntimeError, match=r"cannot be called while an event loop is running"
                       r".*await app.create_server\(\)"):
        app.run(single_process=True, port=0)
    assert not app.state.is_started


def test_find_app_imports_the_modules_the_main_process_found_it_in(
    tmp_path, monkeypatch
) -> None:
    (tmp_path / "holds_the_app.py").write_text(
        "from sanic import Sanic\napp = Sanic('HeldElsewhere')\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        with pytest.raises(AppNotFound):
            find_app("HeldElsewhere")  # not imported: not found
        found = find_app("HeldElsewhere", ("holds_the_app",))
        assert found.name == "HeldElsewhere"
        assert modules_holding(found) == ("holds_the_app",)
    finally:
        sys.modules.pop("holds_the_app", None)
        Sanic._app_registry.pop("HeldElsewhere", None)


def test_the_main_process_loads_sanic_ext_before_main_process_start(
    app: Sanic, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As Sanic: serving with workers loads sanic-ext (AUTO_EXTEND) in the main process
    # before main_process_start, so what it registers there runs: its background logger
    # puts its queue on shared_ctx in a main_process_start listener, which the workers
    # then read (without it, LOGGING=True stopped every worker at start).
    import types

    class Started(Exception):
        pass

    class Extend:
        def __init__(self, app: Any, **kwargs: Any) -> None:
            app._ext = self

            @app.main_process_start
            async def prepare_queue(app: Any) -> None:
                raise Started(app.name)

    module = types.ModuleType("sanic_ext")
    module.Extend = Extend  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sanic_ext", module)

    def no_workers(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("workers were started without main_process_start of sanic-ext")

    monkeypatch.setattr(runner, "WorkerManager", no_workers)
    app.prepare(host="127.0.0.1", port=0, workers=1, motd=False)
    with pytest.raises(Started, match="RunnerApp"):
        Sanic.serve(primary=app)


def test_a_single_process_run_marks_its_environment_as_sanic_does(app: Sanic,
                                                                    monkeypatch) -> None:
    # As Sanic: while it serves, SANIC_MOTD_OUTPUT says a banner was shown, and from
    # after_server_start on SANIC_WORKER_PROCESS says this process serves; both go at the
    # end, SANIC_LOG_EXTRA stays (apps and plugins read them).
    for name in ("SANIC_MOTD_OUTPUT", "SANIC_WORKER_PROCESS", "SANIC_LOG_EXTRA"):
        monkeypatch.delenv(name, raising=False)
    seen: dict[str, dict[str, str | None]] = {}
    names = ("SANIC_MOTD_OUTPUT", "SANIC_WORKER_PROCESS", "SANIC_LOG_EXTRA")

    def look(stage: str) -> None:
        seen[stage] = {name: os.environ.get(name) for name in names}

    app.get("/")(lambda request: None)
    app.before_server_start(lambda app: look("before"))

    @app.after_server_start
    def after(app: Sanic) -> None:
        look("after")
        app.stop()

    app.run(single_process=True, port=0, motd=False)
    look("ended")
    assert seen["before"] == {"SANIC_MOTD_OUTPUT": "true", "SANIC_WORKER_PROCESS": None,
                              "SANIC_LOG_EXTRA": "False"}
    assert seen["after"]["SANIC_WORKER_PROCESS"] == "true"
    assert seen["ended"] == {"SANIC_MOTD_OUTPUT": None, "SANIC_WORKER_PROCESS": None,
                             "SANIC_LOG_EXTRA": "False"}


async def test_create_server_during_a_run_prints_no_banner(app: Sanic, caplog,
                                                           monkeypatch) -> None:
    # A second app's create_server() in main_process_start (Sanic's examples/http_redirect):
    # the run already showed its banner, and Sanic shows no other.
    monkeypatch.setenv("SANIC_MOTD_OUTPUT", "true")
    with caplog.at_level(logging.INFO):
        server = await app.create_server(port=0, return_asyncio_server=True)
    assert not [r for r in caplog.records if r.getMessage().startswith("Goin' Fast")]
    server.close()
    await server.wait_closed()


def test_motd_display_of_a_run_adds_to_the_configured_lines(app: Sanic, caplog) -> None:
    # As Sanic: app.config.MOTD_DISPLAY set beforehand stays in the banner, the run's
    # motd_display= lines come after it (they replaced it).
    app.config.MOTD_DISPLAY = {"env": "test"}
    with caplog.at_level(logging.INFO):
        app.prepare(port=9996, motd_display={"extra": "1"}, single_process=True)
    lines = [r.getMessage() for r in caplog.records if r.name == "sanic.root"]
    assert lines[-2:] == ["env: test", "extra: 1"]
    assert app.config.MOTD_DISPLAY == {"env": "test", "extra": "1"}


def test_start_method_is_set_on_the_class_only(app: Sanic) -> None:
    # As Sanic: Sanic.start_method = "fork" works; an instance refuses it.
    with pytest.raises(AttributeError, match="^Setting variables on Sanic instances"):
        app.start_method = "fork"


def test_every_banner_goes_through_motd_output(app: Sanic, monkeypatch) -> None:
    """As Sanic: ``prepare()``, ``create_server()`` and the ASGI start-up hand their banner
    to ``MOTD.output(logo, location, data, extra)``, so an app that replaces it (to silence
    or reshape the banner) gets all of them, and a terminal gets the boxed form."""
    from sanic.application.motd import MOTD

    seen: list[tuple[Any, ...]] = []
    monkeypatch.setattr(MOTD, "output", lambda *args: seen.append(args))
    app.prepare(port=8123, auto_reload=True, reload_dir=".", motd_display={"app": "mine"})
    (logo, location, data, extra), = seen
    assert logo and location == "http://127.0.0.1:8123"
    assert list(data) == [
        "app", "mode", "server", "python", "platform", "auto-reload", "packages"]
    assert data["auto-reload"] == f"enabled, {os.getcwd()}"
    assert extra == {"app": "mine"}
    seen.clear()
    runner.asgi_banner(app)
    (_, location, data, _), = seen
    assert location == "" and data["server"] == "ASGI"


def test_the_plain_banner_is_the_same_lines_through_motd_output(
    app: Sanic, caplog, monkeypatch
) -> None:
    monkeypatch.setattr("hurtle_app.motd.is_atty", lambda: False)
    with caplog.at_level(logging.INFO):
        app.prepare(port=8123, motd_display={"app": "mine"})
        runner.asgi_banner(app)
    lines = [r.getMessage() for r in caplog.records if r.name == "sanic.root"]
    assert lines[1:3] == ["Goin' Fast @ http://127.0.0.1:8123", "app: RunnerApp"]
    # the run's own app line, then the extra one (a key in both shows twice, as Sanic)
    assert lines.count("app: mine") == 2 and lines.count("app: RunnerApp") == 2
    # no address line under an ASGI server
    assert [line for line in lines if line.startswith("Goin' Fast")] == [lines[1]]


def test_a_spawned_worker_is_known_by_the_current_worker_prefix(monkeypatch) -> None:
    # Worker.WORKER_PREFIX = "MyApp" names the workers MyApp-Server-0-0...: an app.run()
    # outside the main guard, run again in one, gets the main-guard hint there too.
    import multiprocessing

    from sanic.worker.process import Worker

    process = multiprocessing.current_process()
    monkeypatch.setattr(process, "name", "MyApp-Server-0-0")
    assert runner.in_spawned_worker() is False
    monkeypatch.setattr(Worker, "WORKER_PREFIX", "MyApp")
    assert runner.in_spawned_worker() is True
    monkeypatch.setattr(process, "name", "MainProcess")
    assert runner.in_spawned_worker() is False


_LOOPS = """
import asyncio, os
from sanic import Sanic, text
app = Sanic("LoopsSeen")
SETTING
app.get("/")(lambda r: text("x"))
def which(where):
    uv = type(asyncio.get_running_loop()).__module__.startswith("uvloop")
    os.write(1, f"{where} {'uvloop' if uv else 'asyncio'}\\n".encode())
@app.main_process_start
async def main_loop(app):  # a plain function runs with no loop running, as in Sanic
    which("MAIN")
app.before_server_start(lambda app: which("WORKER"))
app.after_server_start(lambda app: app.stop())
if __name__ == "__main__":
    app.run(host="127.0.0.1", port=0, workers=1, access_log=False)
"""


@pytest.mark.parametrize(("setting", "env"), [
    ("", {"SANIC_USE_UVLOOP": "1"}),  # read from the environment as 1, not True
    ("app.config.USE_UVLOOP = 'false'", {}),
])
def test_the_manager_and_its_worker_run_on_asyncios_loop_unless_use_uvloop_is_true(
        tmp_path, setting, env) -> None:
    # As Sanic: uvloop only for USE_UVLOOP left at its default or True itself, in the main
    # process (main_process_* listeners) and in the workers; before, any value but False
    # (and 0 in one place) meant uvloop.
    (tmp_path / "served.py").write_text(_LOOPS.replace("SETTING", setting))
    proc = subprocess.run([sys.executable, "served.py"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, start_new_session=True,
                          env={**os.environ, **env})
    seen = sorted(line for line in proc.stdout.splitlines() if line.startswith(("MAIN", "WORKER")))
    assert seen == ["MAIN asyncio", "WORKER asyncio"], proc.stderr[-2000:]


_SYNC_MAIN = """
import asyncio, os
from sanic import Sanic, text
app = Sanic("SyncMainListeners")
app.get("/")(lambda r: text("x"))
async def five():
    return 5
def outside(where):
    os.write(1, f"{where} {asyncio.run(five())}\\n".encode())
app.main_process_start(lambda app: outside("START"))
@app.main_process_start
async def on_the_loop(app):
    asyncio.get_running_loop()
    os.write(1, b"ASYNC 5\\n")
app.main_process_ready(lambda app: outside("READY"))
app.main_process_stop(lambda app: outside("STOP"))
app.after_server_start(lambda app: app.stop())
if __name__ == "__main__":
    app.run(host="127.0.0.1", port=0, access_log=False, WORKERS)
"""


@pytest.mark.parametrize("workers", ["workers=1", "workers=2, legacy=True"])
def test_a_sync_main_process_listener_runs_with_no_loop_running(tmp_path, workers) -> None:
    # As Sanic: a plain main_process_* function is called with no loop running, so it may
    # call asyncio.run(); before, every listener ran inside the main process's loop, and
    # asyncio.run() there raised "cannot be called from a running event loop".
    (tmp_path / "served.py").write_text(_SYNC_MAIN.replace("WORKERS", workers))
    proc = subprocess.run([sys.executable, "served.py"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, start_new_session=True)
    seen = [line for line in proc.stdout.splitlines()
            if line.startswith(("START", "ASYNC", "READY", "STOP"))]
    assert seen == ["START 5", "ASYNC 5", "READY 5", "STOP 5"], proc.stderr[-2000:]


@pytest.mark.parametrize(("setting", "expected"), [
    ("", ["MAIN uvloop", "WORKER uvloop", "WORKER uvloop"]),
    ("app.config.USE_UVLOOP = False", ["MAIN asyncio", "WORKER asyncio", "WORKER asyncio"]),
])
def test_the_legacy_runners_main_process_follows_use_uvloop(tmp_path, setting,
                                                            expected) -> None:
    # As the manager's main process and the workers: uvloop for USE_UVLOOP left at its
    # default or True. Before, the legacy runner's main_process_* listeners always ran on
    # asyncio's loop. Its workers, forked after those listeners, still serve.
    code = _LOOPS.replace("SETTING", setting).replace("workers=1", "workers=2, legacy=True")
    (tmp_path / "served.py").write_text(code)
    proc = subprocess.run([sys.executable, "served.py"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, start_new_session=True)
    seen = sorted(line for line in proc.stdout.splitlines() if line.startswith(("MAIN", "WORKER")))
    assert seen == expected, proc.stderr[-2000:]


def test_motd_display_takes_pairs_as_sanics_dict_update(app: Sanic) -> None:
    # Sanic adds motd_display with dict.update, so a list of pairs is taken too.
    app.prepare(port=8124, motd_display=[("db", "postgres")], single_process=True)
    assert app.config.MOTD_DISPLAY["db"] == "postgres"
