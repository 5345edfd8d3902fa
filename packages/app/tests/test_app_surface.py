"""Sanic's remaining app methods: commands, names, addresses, reporting, middleware views."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

import pytest

from hurtle_app import Blueprint, Sanic
from hurtle_app.futures import FutureCommand
from hurtle_http.exceptions import NotFound, SanicException
from hurtle_http.response import text


# --- commands --------------------------------------------------------------------------------
def test_command_registers_by_function_name_and_returns_it(app: Sanic) -> None:
    def migrate(step: str = "1") -> str:
        return step

    assert app.command(migrate) is migrate
    assert FutureCommand("migrate", migrate) in app._future_commands
    assert app._commands == {"migrate": migrate}


def test_command_with_explicit_name(app: Sanic) -> None:
    @app.command(name="seed-db")
    async def seed() -> None:
        return None

    assert app._commands == {"seed-db": seed}


def test_command_refuses_a_non_callable(app: Sanic) -> None:
    with pytest.raises(TypeError, match="decorates a function"):
        app.command(1)  # type: ignore[arg-type]


def test_commands_reflect_a_replaced_future_commands_set(app: Sanic) -> None:
    # sanic-ext swaps the set for its own wrapper; the CLI must see what it yields.
    def original() -> None:
        return None

    def wrapped() -> None:
        return None

    app.command(original)
    app._future_commands = {FutureCommand("original", wrapped)}
    assert app._commands == {"original": wrapped}


def test_blueprint_with_commands_cannot_be_registered(app: Sanic) -> None:
    bp = Blueprint("bp")

    @bp.command
    def job() -> None:
        return None

    assert {c.name for c in bp._future_commands} == {"job"}
    with pytest.raises(SanicException, match="commands with blueprints is not supported"):
        app.blueprint(bp)


# --- names and addresses ---------------------------------------------------------------------
def test_generate_name(app: Sanic) -> None:
    class Named:
        name = "custom"

    def handler() -> None:
        return None

    assert app.generate_name("x") == "TestApp.x"
    assert app.generate_name("TestApp.x") == "TestApp.x"
    assert app.generate_name(None, "", handler) == "TestApp.handler"
    assert app.generate_name(Named) == "TestApp.custom"
    assert Blueprint("bp").generate_name("x.y") == "bp.x.y"
    with pytest.raises(ValueError, match="Could not generate a name"):
        app.generate_name(object(), partial(handler))


def test_get_address_defaults() -> None:
    assert Sanic.get_address(None, None) == ("127.0.0.1", 8000)
    assert Sanic.get_address("example.com", None, auto_tls=True) == ("example.com", 8443)
    assert Sanic.get_address(None, None, version=3) == ("127.0.0.1", 8443)
    assert Sanic.get_address("h", 9000) == ("h", 9000)


def test_get_server_location_needs_a_port_and_takes_any_ssl_but_none_as_tls() -> None:
    # As Sanic: no port (None, 0) says nothing, and ssl={} or False is https (Hurtle said
    # 'http://h' and 'http://h:80')
    assert Sanic.get_server_location({"host": "h", "port": 0}) == ""
    assert Sanic.get_server_location({"host": "h", "port": None, "ssl": True}) == ""
    assert Sanic.get_server_location({"host": "h", "port": 80, "ssl": {}}) == "https://h:80"
    assert Sanic.get_server_location({"host": "h", "port": 80, "ssl": False}) == "https://h:80"
    assert Sanic.get_server_location({"host": "h", "port": 80, "ssl": None}) == "http://h:80"


def test_get_server_location() -> None:
    assert Sanic.get_server_location() == ""
    assert Sanic.get_server_location({"host": "1.2.3.4", "port": 80}) == "http://1.2.3.4:80"
    assert Sanic.get_server_location({"host": "::1", "port": 80, "ssl": True}) == (
        "https://[::1]:80"
    )


def test_server_location_of_a_unix_socket_is_the_path_then_the_scheme() -> None:
    """Sanic 25.12 prints a unix socket as ``<path> http://...`` (in the banner's
    "Goin' Fast @" line too), not as a URL."""
    assert Sanic.get_server_location({"unix": "/tmp/a.sock", "ssl": None}) == (
        "/tmp/a.sock http://..."
    )
    assert Sanic.get_server_location({"unix": "/tmp/a.sock", "ssl": object()}) == (
        "/tmp/a.sock https://..."
    )


def test_server_location_of_a_socket_given_as_is_is_where_it_is_bound(tmp_path) -> None:
    """As Sanic: ``sock=`` wins over host and port (the banner's "Goin' Fast @" line);
    without a host there is no location."""
    import socket

    with socket.socket() as v4, socket.socket(socket.AF_INET6) as v6, socket.socket(
        socket.AF_UNIX
    ) as unix:
        v4.bind(("127.0.0.1", 0))
        v6.bind(("::1", 0))
        unix.bind(str(tmp_path / "s.sock"))
        settings = {"sock": v4, "host": "10.0.0.1", "port": 1}
        assert Sanic.get_server_location(settings) == (
            f"http://127.0.0.1:{v4.getsockname()[1]}"
        )
        assert Sanic.get_server_location({"sock": v6, "host": None, "ssl": True}) == (
            f"https://[::1]:{v6.getsockname()[1]}"
        )
        assert Sanic.get_server_location({"sock": unix}) == f"{tmp_path}/s.sock http://..."
    assert Sanic.get_server_location({"host": None, "port": None}) == ""


def test_serve_location_before_and_after_serving(app: Sanic) -> None:
    assert app.serve_location == "http://<unknown>"
    app.state.host, app.state.port = "127.0.0.1", 9999
    assert app.serve_location == "http://127.0.0.1:9999"


def test_state_views(app: Sanic) -> None:
    assert app._state is app.state
    assert app.reload_dirs == set()
    assert app.START_METHOD_SET is False
    assert app.sock is None
    assert Sanic.should_auto_reload() is False
    app.state.auto_reload = True
    assert Sanic.should_auto_reload() is True


def test_auto_reload_reads_the_config_and_can_be_set(app: Sanic) -> None:
    # As Sanic: app.auto_reload is config.AUTO_RELOAD, and setting it sets the config and
    # the state (it was read-only, an AttributeError).
    app.config.AUTO_RELOAD = True
    assert app.auto_reload is True
    app.auto_reload = False
    assert (app.auto_reload, app.config.AUTO_RELOAD, app.state.auto_reload) == (False,) * 3
    app.auto_reload = True
    assert app.config.AUTO_RELOAD is True and app.state.auto_reload is True


def test_motd_data(app: Sanic) -> None:
    data, extra = app.get_motd_data({"host": "127.0.0.1", "port": 8000, "version": 1})
    assert data["app"] == "TestApp"
    assert data["server"] == "sanic, HTTP/1.1"
    assert data["mode"].startswith("production")
    assert set(data) == {"app", "mode", "server", "python", "platform", "packages"}
    assert extra == {}


@pytest.mark.parametrize(("workers", "mode"), [(0, "w/ 0 workers"), (1, "single worker"), (3, "w/ 3 workers")])
def test_motd_mode_counts_the_workers_as_sanic(app: Sanic, workers: int, mode: str) -> None:
    # As Sanic: app.motd() before any prepare() (no count yet) says "w/ 0 workers" (it
    # said "single worker").
    app.state.workers = workers
    data, _ = app.get_motd_data()
    assert data["mode"] == f"production, {mode}"


def test_motd_without_settings_shows_no_address(app: Sanic, caplog, monkeypatch) -> None:
    import logging

    monkeypatch.setattr("hurtle_app.motd.is_atty", lambda: False)  # the log-line form

    with caplog.at_level(logging.INFO, logger="sanic.root"):
        app.motd()
        app.motd({"host": "127.0.0.1", "port": 8000, "version": 1})
    lines = [r.getMessage() for r in caplog.records if r.name == "sanic.root"]
    assert [line for line in lines if "@" in line] == ["Goin' Fast @ http://127.0.0.1:8000"]
    assert lines.count("app: TestApp") == 2


def test_inspector_outside_the_main_process_is_an_error(app: Sanic) -> None:
    with pytest.raises(SanicException, match="main_process_start"):
        _ = app.inspector


def test_repl_ctx_collects_names_with_descriptions(app: Sanic) -> None:
    from hurtle_app.app_surface import REPLLocal

    def helper():
        """Does a thing.

        At length."""

    class NoDoc:
        pass

    app.repl_ctx.add(helper)
    app.repl_ctx.add(3, name="three", desc="a number")
    app.repl_ctx.add(NoDoc)
    app.repl_ctx.db = len  # attribute form, named by the attribute
    assert app.repl_ctx._locals == {
        # the docstring as the interpreter keeps it (3.13 dedents it), lines joined
        REPLLocal(helper, "helper", helper.__doc__.replace("\n", " ")),
        REPLLocal(3, "three", "a number"),
        REPLLocal(NoDoc, "NoDoc", ""),
        REPLLocal(len, "db", "Return the number of items in a containe..."),
    }
    app.repl_ctx.add(7)  # no name: its type's, and a long docstring is cut at 40 characters
    (seven,) = [item for item in app.repl_ctx._locals if item.var == 7]
    assert seven.name == "int" and seven.desc.endswith("...") and len(seven.desc) == 43


def test_repl_ctx_cuts_a_given_description_as_a_docstring(app: Sanic) -> None:
    # As Sanic: a description passed to add() is also made one line and cut at 40
    # characters; a docstring is not stripped (Hurtle kept a long given one whole, with
    # its newlines, and stripped docstrings)
    def spaced():
        """
        Text."""

    app.repl_ctx.add(1, "long", "a" * 41)
    app.repl_ctx.add(1, "forty", "b" * 40)
    app.repl_ctx.add(1, "lines", "a\nb")
    app.repl_ctx.add(spaced)
    descs = {item.name: item.desc for item in app.repl_ctx._locals}
    assert descs == {
        "long": "a" * 40 + "...",
        "forty": "b" * 40,
        "lines": "a b",
        "spaced": spaced.__doc__.replace("\n", " "),
    }


@pytest.mark.parametrize(("name", "desc"), [(5, "d"), ("x", 5), ("x", b"d")])
def test_repl_ctx_refuses_a_name_or_description_that_is_no_str(
    app: Sanic, name: Any, desc: Any
) -> None:
    # Sanic's type (an AssertionError); Hurtle listed 5 under the name 5
    with pytest.raises(AssertionError, match="name and desc are str"):
        app.repl_ctx.add(1, name, desc)
    assert app.repl_ctx._locals == set()


@pytest.mark.parametrize("name", ["app", "sanic", "do", "client"])
def test_repl_ctx_refuses_the_consoles_own_names(app: Sanic, name: str) -> None:
    # Sanic 25.3+: the console's built-in names cannot be replaced, by add() or by attribute
    with pytest.raises(ValueError, match=f"^Cannot override built-in variable: {name}$"):
        app.repl_ctx.add(1, name=name)
    with pytest.raises(ValueError, match=f"^Cannot override built-in variable: {name}$"):
        setattr(app.repl_ctx, name, 1)
    assert app.repl_ctx._locals == set()
    assert name in app.repl_ctx.BUILTINS


def test_refresh_returns_the_app_with_passthru_applied(app: Sanic) -> None:
    assert app.refresh() is app
    assert app.refresh({"config": {"CUSTOM_SETTING": 5}}) is app
    assert app.config.CUSTOM_SETTING == 5


def test_refresh_sets_dicts_on_attributes_and_refuses_new_app_attributes(app: Sanic) -> None:
    # As Sanic: {"ctx": {...}} sets the context's attributes, and a value that is no dict
    # is set as any app attribute is, so a new one is refused (Hurtle set it past the guard)
    assert app.refresh({"ctx": {"db": "conn"}}) is app
    assert app.ctx.db == "conn"
    with pytest.raises(AttributeError, match="Setting variables on Sanic instances"):
        app.refresh({"x": 1})
    assert not hasattr(app, "x")


def test_refresh_gives_the_app_registered_under_its_name(app: Sanic) -> None:
    # As Sanic: the app looked up by name, and SanicException when none has it
    object.__setattr__(app, "name", "NoSuchApp16")
    try:
        with pytest.raises(SanicException, match="NoSuchApp16"):
            app.refresh()
    finally:
        object.__setattr__(app, "name", "TestApp")


@pytest.mark.parametrize("mode", ["debug", "DEBUG", "custom"])
def test_motd_shows_a_mode_assigned_as_text(app: Sanic, mode: str) -> None:
    # As Sanic: state.mode = "debug" is kept as the text and the banner shows it (Hurtle
    # failed: 'str' object has no attribute 'value')
    app.state.mode = mode
    assert app.get_motd_data()[0]["mode"] == f"{mode}, w/ 0 workers"


def test_motd_extra_lines_are_a_copy_of_motd_display(app: Sanic) -> None:
    # As Sanic: get_motd_data's extra lines are config.MOTD_DISPLAY (they were {} here, so
    # app.motd() did not show them), and nothing else, auto-reload or not
    app.config.MOTD_DISPLAY = {"region": "eu"}
    app.state.auto_reload = True
    _, extra = app.get_motd_data()
    assert extra == {"region": "eu"} and extra is not app.config.MOTD_DISPLAY
    app.config.MOTD_DISPLAY = {}
    assert app.get_motd_data()[1] == {}


# --- exception reporting ---------------------------------------------------------------------
async def test_report_exception_sees_handler_and_task_errors(app: Sanic, call: Any) -> None:
    seen: list[Any] = []

    @app.report_exception
    async def report(app_: Sanic, exception: Exception) -> None:
        seen.append((app_, type(exception).__name__))

    @app.get("/boom")
    async def boom(request: Any) -> Any:
        raise RuntimeError("boom")

    @app.get("/missing")
    async def missing(request: Any) -> Any:
        raise NotFound("nope")

    assert (await call("GET", "/boom")).status == 500
    assert (await call("GET", "/missing")).status == 404
    for _ in range(50):
        if len(seen) >= 2:
            break
        await asyncio.sleep(0.01)
    assert seen == [(app, "RuntimeError"), (app, "NotFound")]


async def test_report_exception_returns_the_registered_handler_named_as_the_users(
    app: Sanic,
) -> None:
    async def on_error(app_: Sanic, exception: Exception) -> None:
        return None

    registered = app.report_exception(on_error)
    assert registered.__name__ == "on_error" and registered.__wrapped__ is on_error  # type: ignore[attr-defined]
    app.signal_router.freeze()
    _group, handlers, _params = app.signal_router.get("server.exception.report")
    assert handlers == [registered]


async def test_catch_exception_on_a_blueprint(app: Sanic, call: Any) -> None:
    seen: list[str] = []
    bp = Blueprint("bp")

    async def catcher(app_: Sanic, exception: Exception) -> None:
        seen.append(str(exception))

    assert bp.catch_exception(catcher) is None

    @bp.get("/x")
    async def handler(request: Any) -> Any:
        raise ValueError("from bp")

    app.blueprint(bp)
    assert (await call("GET", "/x")).status == 500
    for _ in range(50):
        if seen:
            break
        await asyncio.sleep(0.01)
    assert seen == ["from bp"]


async def test_report_exception_sees_background_task_errors(app: Sanic, call: Any) -> None:
    seen: list[str] = []

    @app.report_exception
    async def report(app_: Sanic, exception: Exception) -> None:
        seen.append(str(exception))

    @app.get("/")
    async def handler(request: Any) -> Any:
        async def fail() -> None:
            raise ValueError("in a task")

        request.app.add_task(fail())
        return text("ok")

    await app._server_event("init", "before")  # what a runner does: tasks can start
    assert (await call("GET", "/")).text == "ok"
    for _ in range(50):
        if seen:
            break
        await asyncio.sleep(0.01)
    assert seen == ["in a task"]


@pytest.mark.parametrize("step", ["before_start", "after_start", "before_stop", "after_stop"])
async def test_report_exception_sees_a_failing_server_listener(app: Sanic, step: str) -> None:
    seen: list[str] = []
    event = {"before_start": "before_server_start", "after_start": "after_server_start"}.get(
        step, step.replace("_", "_server_")
    )

    @app.report_exception
    async def report(app_: Sanic, exception: Exception) -> None:
        seen.append(str(exception))

    @app.listener(event)
    async def fail(app_: Sanic) -> None:
        raise ValueError(f"{event} failed")

    @app.get("/")
    async def handler(request: Any) -> Any:
        return text("ok")

    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    assert server is not None
    try:
        await server.startup()
        with pytest.raises(ValueError, match=f"{event} failed"):
            await getattr(server, step)()
    finally:
        server.close()
        await server.wait_closed()
    assert seen == [f"{event} failed"]


# --- middleware and listeners ----------------------------------------------------------------
def test_named_middleware_views(app: Sanic) -> None:
    async def only_for_one(request: Any) -> None:
        return None

    @app.get("/")
    async def handler(request: Any) -> Any:
        return text("ok")

    app.register_named_middleware(only_for_one, ["handler"], priority=4)
    # Keyed by the names as given (as Sanic); each entry is the middleware's record.
    (record,) = app.named_request_middleware["handler"]
    assert (record.func, record.priority) == (only_for_one, 4)
    assert app.named_response_middleware == {}


async def test_run_middleware_collections(app: Sanic) -> None:
    calls: list[str] = []

    async def first(request: Any) -> None:
        calls.append("first")

    def second(request: Any) -> Any:
        calls.append("second")
        return text("stopped")

    response = await app._run_request_middleware(object(), [first, second])
    assert calls == ["first", "second"]
    assert response.body == b"stopped"


def test_reload_trigger_listeners(app: Sanic) -> None:
    def before(app_: Sanic) -> None:
        return None

    def after(app_: Sanic, changed: Any) -> None:
        return None

    assert app.before_reload_trigger(before) is before
    assert app.after_reload_trigger(after) is after
    assert app.listeners["before_reload_trigger"] == [before]
    assert app.listeners["after_reload_trigger"] == [after]


def test_listeners_of_an_event_without_any_are_an_empty_list(app: Sanic) -> None:
    # As Sanic's defaultdict: plugins read app.listeners[event] without checking the key.
    assert app.listeners["after_server_stop"] == []
    assert "before_server_start" not in app.listeners


# --- amend -----------------------------------------------------------------------------------
async def test_amend_adds_a_route_to_a_started_app(app: Sanic, call: Any) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        return text("index")

    assert (await call("GET", "/")).text == "index"
    with app.amend():

        @app.get("/late")
        async def late(request: Any) -> Any:
            return text("late")

    assert (await call("GET", "/late")).text == "late"
    assert (await call("GET", "/")).text == "index"


# --- websockets ------------------------------------------------------------------------------
def test_websocket_route_handler_unwraps_like_sanic(app: Sanic) -> None:
    @app.websocket("/ws")
    async def feed(request: Any, ws: Any) -> None:
        return None

    route = next(r for r in app.router.routes if r.name == "TestApp.feed")
    assert isinstance(route.handler, partial)
    assert route.handler.func == app._websocket_handler
    assert route.handler.args[0] is feed


def test_websocket_route_handler_looks_like_a_plain_partial_to_plugins(app: Sanic) -> None:
    # sanic-ext's OpenAPI takes a handler with a ``view_class`` attribute for a class-based
    # view (a None one failed its spec, so the app did not start) and shows a handler's
    # docstring as the operation's summary: Sanic's websocket handler is a plain partial.
    @app.websocket("/ws")
    async def feed(request: Any, ws: Any) -> None:
        """Feed the client."""

    route = next(r for r in app.router.routes if r.name == "TestApp.feed")
    assert not hasattr(route.handler, "view_class")
    assert route.handler.__doc__ == partial.__doc__


# --- blueprints ------------------------------------------------------------------------------
async def test_blueprint_views_and_dispatch(app: Sanic) -> None:
    bp = Blueprint("bp", url_prefix="/p")
    got: list[Any] = []

    @bp.get("/x")
    async def x(request: Any) -> Any:
        return text("x")

    @bp.signal("custom.thing.happened")
    async def on_thing(**context: Any) -> None:
        got.append(context)

    @bp.on_request
    async def stamp(request: Any) -> None:
        return None

    @bp.listener("before_server_start")
    async def setup(app_: Any) -> None:
        return None

    with pytest.raises(SanicException, match="^<Blueprint bp> has not yet been registered"):
        await bp.dispatch("custom.thing.happened")
    assert (bp.routes, bp.middlewares, bp.listeners) == ([], [], {})
    app.blueprint(bp)
    assert [r.name for r in bp.routes] == ["TestApp.bp.x"]
    assert bp.middlewares == [stamp]  # the record the decorator returned, as Sanic
    assert bp.listeners == {"before_server_start": [setup]}
    assert bp.copy("bp2", with_registration=False).copied_from == "bp"
    assert await bp.dispatch("custom.thing.happened", context={"n": 1}, inline=True) == [None]
    assert got == [{"n": 1}]


# --- Sanic Extensions ------------------------------------------------------------------------
@pytest.fixture
def fake_sanic_ext(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    import sys
    import types

    created: list[Any] = []

    class Extend:
        def __init__(self, app: Any, **kwargs: Any) -> None:
            self.app, self.kwargs = app, kwargs
            app._ext = self  # as sanic-ext does
            self.displayed = 0
            created.append(self)

        def _display(self) -> None:  # sanic-ext logs its "Sanic Extensions:" lines here
            self.displayed += 1

    module = types.ModuleType("sanic_ext")
    module.Extend = Extend  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sanic_ext", module)
    return created


def test_ext_is_created_on_first_use(app: Sanic, fake_sanic_ext: list[Any]) -> None:
    ext = app.ext
    assert app.ext is ext and fake_sanic_ext == [ext]
    with pytest.raises(RuntimeError, match="Cannot extend Sanic after Sanic Extensions"):
        app.extend()


def test_extend_passes_options_once(app: Sanic, fake_sanic_ext: list[Any]) -> None:
    ext = app.extend(built_in_extensions=False, config={"CORS": False})
    assert app.ext is ext
    assert ext.kwargs == {
        "extensions": None,
        "built_in_extensions": False,
        "config": {"CORS": False},
    }


async def test_startup_extends_unless_auto_extend_is_off(
    app: Sanic, fake_sanic_ext: list[Any], send_to: Any
) -> None:
    off = Sanic("NoExt", configure_logging=False)
    off.config.AUTO_EXTEND = False
    for one in (app, off):

        @one.get("/")
        async def index(request: Any) -> Any:
            return text("ok")

        assert (await send_to(one, "GET", "/")).text == "ok"
    assert [e.app for e in fake_sanic_ext] == [app]


async def test_each_start_lets_the_extensions_list_themselves(
    app: Sanic, fake_sanic_ext: list[Any], send_to: Any
) -> None:
    # As Sanic: the start-up log of an app with sanic-ext has its "Sanic Extensions:" block
    # (one per start: a test client running the app again logs it again).
    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    assert (await send_to(app, "GET", "/")).text == "ok"
    assert [e.displayed for e in fake_sanic_ext] == [1]
    await app._startup()
    assert [e.displayed for e in fake_sanic_ext] == [2]


def test_ext_without_sanic_ext_says_how_to_install(
    app: Sanic, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "sanic_ext", None)
    with pytest.raises(RuntimeError, match="pip install sanic-ext"):
        _ = app.ext


# --- CompositionView (Sanic's early docs) ----------------------------------------------------
async def test_composition_view_routes_each_method(app: Sanic, call: Any) -> None:
    from hurtle_app.views import CompositionView
    from hurtle_http.exceptions import InvalidUsage

    def get_handler(request: Any) -> Any:
        return text("I am a get method")

    with pytest.warns(DeprecationWarning, match=r"^\[DEPRECATION v21.12\] CompositionView"):
        view = CompositionView()
    view.add(["GET"], get_handler)
    view.add(["POST", "put"], lambda request: text("I am a post/put method"))
    with pytest.raises(InvalidUsage, match="Method GET is already registered"):
        view.add(["GET"], get_handler)
    with pytest.raises(InvalidUsage, match="not a valid HTTP method"):
        view.add(["FETCH"], get_handler)
    app.add_route(view, "/")
    assert (await call("GET", "/")).text == "I am a get method"
    assert (await call("PUT", "/")).text == "I am a post/put method"
    assert (await call("DELETE", "/")).status == 405


def test_empty_composition_view_is_refused(app: Sanic) -> None:
    from hurtle_app.views import CompositionView

    with pytest.raises(ValueError, match="no handlers"), pytest.warns(DeprecationWarning):
        app.add_route(CompositionView(), "/")


def test_app_logger_is_the_framework_logger(app: Sanic) -> None:
    import logging

    assert app.logger is logging.getLogger("sanic.root")


async def test_create_server_serves_the_app_outside_asgi(app: Sanic) -> None:
    # An ASGI call (a test client, uvicorn) before left app.asgi set; served by its own
    # server the app is no longer under ASGI, as in Sanic (url building and the banner
    # read it).
    app.asgi = True
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    assert server is not None
    try:
        assert (app.asgi, app.state.asgi) == (False, False)
    finally:
        server.close()
        await server.wait_closed()


async def test_a_reported_task_or_dispatch_error_is_still_never_retrieved(
    app: Sanic, call: Any
) -> None:
    # As Sanic: report_exception handlers see a failing background task and a failing
    # signal handler of a background dispatch, and asyncio still logs "Task exception was
    # never retrieved" for each (reporting read the exception as retrieved: not logged).
    import gc

    seen: list[str] = []
    unretrieved: list[str] = []
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(lambda loop_, context: unretrieved.append(str(context["exception"])))

    @app.report_exception
    async def report(app_: Sanic, exception: Exception) -> None:
        seen.append(str(exception))

    @app.signal("my.custom.event")
    async def failing_signal() -> None:
        raise ValueError("in a signal")

    @app.get("/")
    async def handler(request: Any) -> Any:
        async def fail() -> None:
            raise ValueError("in a task")

        request.app.add_task(fail())
        await request.app.dispatch("my.custom.event")
        return text("ok")

    await app._server_event("init", "before")
    try:
        assert (await call("GET", "/")).text == "ok"
        for _ in range(50):
            if len(seen) >= 2:
                break
            await asyncio.sleep(0.01)
        gc.collect()
    finally:
        loop.set_exception_handler(None)
    assert sorted(seen) == ["in a signal", "in a task"]
    assert sorted(unretrieved) == ["in a signal", "in a task"]
