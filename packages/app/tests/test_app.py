"""The app object: registry, attribute guard, read-only debug, ctx, run() limits."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.exceptions import SanicException
from hurtle_http.response import text


def test_get_app_finds_apps_by_name(app: Sanic) -> None:
    assert Sanic.get_app("TestApp") is app
    assert Sanic.get_app() is app


def test_get_app_error_names_the_missing_app(app: Sanic) -> None:
    with pytest.raises(SanicException, match="^Sanic app name 'Other' not found."):
        Sanic.get_app("Other")


def test_get_app_error_quotes_the_name_as_given(app: Sanic) -> None:
    # As Sanic: between quotes as written, not its repr ("'a\\nb'", or 5 without quotes).
    with pytest.raises(SanicException, match="^Sanic app name 'a\nb' not found."):
        Sanic.get_app("a\nb")
    with pytest.raises(SanicException, match="^Sanic app name '5' not found."):
        Sanic.get_app(5)  # type: ignore[arg-type]


def test_get_app_main_finds_the_app_a_spawned_process_named_mp_main() -> None:
    # ``Sanic(__name__)`` in ``python app.py`` is "__main__" there, "__mp_main__" in a worker
    worker_app = Sanic("__mp_main__", configure_logging=False)
    assert Sanic.get_app("__main__") is worker_app
    Sanic._app_registry.clear()
    assert Sanic.get_app("__main__", force_create=True).name == "__mp_main__"
    Sanic._app_registry.clear()
    with pytest.raises(SanicException, match="^Sanic app name '__mp_main__' not found."):
        Sanic.get_app("__main__")


def test_str_and_repr_of_the_app(app: Sanic) -> None:
    assert str(app) == "<Sanic TestApp>"
    assert repr(app) == 'Sanic(name="TestApp")'


def test_unnamed_app_and_non_app_registration() -> None:
    with pytest.raises(SanicException, match="cannot be unnamed"):
        Sanic(None, configure_logging=False)  # type: ignore[arg-type]
    with pytest.raises(SanicException, match="must be an instance of Sanic"):
        Sanic.register_app(object())  # type: ignore[arg-type]


def test_state_mode_and_server_print_their_value(app: Sanic) -> None:
    assert str(app.state.mode) == "production"
    assert f"{app.state.server}" == "sanic"


def test_invalid_app_name(app: Sanic) -> None:
    with pytest.raises(SanicException, match="invalid format"):
        Sanic("bad name", configure_logging=False)


def test_invalid_app_name_is_quoted_as_given() -> None:
    """The name goes into the message between quotes, not as its repr (no escaped \\n)."""
    with pytest.raises(SanicException) as info:
        Sanic("a\nb", configure_logging=False)
    assert str(info.value).startswith("Sanic instance named 'a\nb' uses an invalid format.")


def test_setting_unknown_attributes_points_to_ctx(app: Sanic) -> None:
    with pytest.raises(AttributeError, match="instance.ctx.db"):
        app.db = object()
    app.ctx.db = "ok"
    assert app.ctx.db == "ok"


def test_debug_is_read_only(app: Sanic) -> None:
    assert app.debug is False
    # Sanic's message for any attribute that cannot be set, read-only properties included.
    with pytest.raises(AttributeError, match="^Setting variables on Sanic instances .*ctx.debug"):
        app.debug = True


def test_class_attributes_are_not_set_on_an_instance(app: Sanic) -> None:
    # As Sanic: test_mode and the registry belong to the class; an instance refuses them.
    for attribute in ("test_mode", "_app_registry"):
        with pytest.raises(AttributeError, match=f"^Setting variables on Sanic .*ctx.{attribute} "):
            setattr(app, attribute, False)
    assert Sanic.test_mode is True


def test_methods_and_state_are_not_replaced_on_an_instance(app: Sanic) -> None:
    # As Sanic (slotted instances): a plugin monkeypatching `app.handle_request` (as
    # sanic-dispatcher does) is refused with Sanic's message instead of being stored and
    # never called; so are other methods, classmethods and the app's state.
    for attribute in ("handle_request", "route", "url_for", "get_app", "state"):
        with pytest.raises(AttributeError, match=f"^Setting variables on Sanic .*ctx.{attribute} "):
            setattr(app, attribute, lambda *args: None)
    assert "handle_request" not in vars(app)
    # What Sanic lets an instance set still works (slots, properties with setters, values).
    app.name = app.name
    app.request_middleware = app.request_middleware
    app.sock = None


def test_a_subclass_is_named_in_the_refusal() -> None:
    # As Sanic: "Setting variables on MyApp instances..." (an app or blueprint subclass,
    # such as one overriding url_for, set debug in its test fixture).
    from hurtle_app.blueprints import Blueprint

    class MyApp(Sanic):
        pass

    class MyBlueprint(Blueprint):
        pass

    app = MyApp("Sub", configure_logging=False)
    for attribute in ("debug", "db"):
        with pytest.raises(
            AttributeError,
            match=f"^Setting variables on MyApp instances is not allowed. You should change "
            f"your MyApp instance to use instance.ctx.{attribute} instead.$",
        ):
            setattr(app, attribute, True)
    with pytest.raises(AttributeError, match="^Setting variables on MyBlueprint instances"):
        MyBlueprint("sub").db = 1


@pytest.mark.parametrize(
    ("debug", "given", "seen"),
    [(False, None, True), (True, None, False), (True, True, True), (False, False, False)],
)
async def test_touchup_reads_as_sanic_reports_it_once_started(
    app: Sanic, call, debug: bool, given: bool | None, seen: bool
) -> None:
    # Left at its default, TOUCHUP is True once the app has started (False in debug mode,
    # where only an explicit True stays), as handlers and listeners read it on Sanic.
    from hurtle_app.state import Mode

    if debug:
        app.state.mode = Mode.DEBUG
    if given is not None:
        app.config.TOUCHUP = given

    @app.get("/")
    async def show(request):
        return text(repr(request.app.config.TOUCHUP))

    assert (await call("GET", "/")).text == repr(seen)


def test_custom_ctx_and_request_class() -> None:
    from types import SimpleNamespace

    from hurtle_http.request import Request

    class MyRequest(Request):
        pass

    ctx = SimpleNamespace(answer=42)
    app = Sanic("Custom", ctx=ctx, request_class=MyRequest, configure_logging=False)
    assert app.ctx.answer == 42
    assert app.request_class is MyRequest


def test_dumps_and_loads_become_the_process_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    from hurtle_http.request import Request
    from hurtle_http.response import BaseHTTPResponse, json

    monkeypatch.setattr(BaseHTTPResponse, "_dumps", BaseHTTPResponse._dumps)
    monkeypatch.setattr(Request, "_loads", Request._loads)
    Sanic("Dumps", dumps=lambda obj, **kw: "DUMPED", loads=lambda raw: {"raw": raw},
          configure_logging=False)  # fmt: skip
    assert json({"a": 1}).body == b"DUMPED"
    assert Request._loads(b"x") == {"raw": b"x"}


def test_loads_is_set_on_request_whatever_the_request_class(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As Sanic: Request._loads, so another app's request class reads JSON with it too.
    from hurtle_http.request import Request

    class Mine(Request):
        pass

    class Other(Request):
        pass

    monkeypatch.setattr(Request, "_loads", Request._loads)
    Sanic("Loads", loads=lambda raw: "LOADED", request_class=Mine, configure_logging=False)
    assert "_loads" not in vars(Mine)
    assert Other._loads(b"{}") == "LOADED"


async def test_an_asgi_apps_loop_is_the_current_one_before_start_up(app: Sanic) -> None:
    # As Sanic: with app.asgi set, app.loop is the event loop (not the "started" error).
    app.asgi = True
    assert app.loop is asyncio.get_running_loop()


async def test_loop_is_there_from_before_server_start_on(app: Sanic) -> None:
    with pytest.raises(SanicException, match="Not supported with `create_server` function"):
        _ = app.loop
    seen = []

    @app.before_server_start
    async def grab(app_: Sanic) -> None:
        seen.append(app_.loop)

    await app._server_event("init", "before")
    assert seen == [asyncio.get_running_loop()] and app.loop is seen[0]
    await app._server_event("shutdown", "after")


async def test_loop_is_there_in_after_server_stop_listeners_and_gone_after(app: Sanic) -> None:
    # As Sanic: an after_server_stop listener may still use app.loop (to close a client,
    # run_in_executor...); it was the "started running" SanicException.
    seen = []

    @app.after_server_stop
    async def grab(app_: Sanic) -> None:
        seen.append(app_.loop)

    await app._server_event("init", "before")
    await app._server_event("shutdown", "after")
    assert seen == [asyncio.get_running_loop()]
    with pytest.raises(SanicException, match="Not supported with `create_server` function"):
        _ = app.loop


def test_config_and_env_prefix_together_are_refused() -> None:
    from hurtle_app.config import Config

    with pytest.raises(SanicException, match="^When instantiating Sanic with config, you cannot"):
        Sanic("Both", config=Config(), env_prefix="MY_", configure_logging=False)
    assert Sanic("Cfg", config=Config(), configure_logging=False).name == "Cfg"


def test_multi_worker_run_needs_the_sanic_package(app: Sanic) -> None:
    with pytest.raises(SanicException, match="sanic` meta-package"):
        app.run(port=0)


def test_ext_without_sanic_ext_says_how_to_install(app: Sanic) -> None:
    with pytest.raises(RuntimeError, match="pip install sanic-ext"):
        app.ext  # noqa: B018


def test_config_env_prefix(monkeypatch) -> None:
    monkeypatch.setenv("MYAPP_ANSWER", "42")
    app = Sanic("Env", env_prefix="MYAPP_", configure_logging=False)
    assert app.config.ANSWER == 42


async def test_custom_signal_dispatch_and_event_waiting(app: Sanic) -> None:
    import asyncio

    got: list[dict] = []

    @app.signal("order.placed.new")
    async def on_order(**context):
        got.append(context)

    app.finalize()
    waiter = asyncio.ensure_future(app.event("order.placed.new", timeout=2))
    await asyncio.sleep(0)
    await app.dispatch("order.placed.new", context={"id": 1}, inline=True)
    assert got == [{"id": 1}]
    assert await waiter == {"id": 1}


async def test_server_signals_fire_with_the_listeners(app: Sanic) -> None:
    seen: list[str] = []

    @app.signal("server.init.before")
    async def init_before(app, loop):
        seen.append("signal")

    @app.before_server_start
    async def listener(app):
        seen.append("listener")

    await app._server_event("init", "before")
    # As in Sanic: one list in registration order (the signal came first here).
    assert seen == ["signal", "listener"]


async def test_server_event_listeners_and_signals_run_as_one_list(app: Sanic) -> None:
    """As in Sanic 25.12: a server event's listeners and the signal handlers of the same
    event run by priority, then in registration order, and the shutdown events run that
    whole list reversed."""
    seen: list[str] = []

    def listener(tag: str) -> Any:
        def record(app: Sanic) -> None:
            seen.append(tag)

        return record

    app.register_listener(listener("start 1"), "before_server_start")
    app.register_listener(listener("stop 1"), "before_server_stop")

    @app.signal("server.init.before")
    async def init_signal(**context: Any) -> None:
        seen.append("start signal")

    @app.signal("server.shutdown.before")
    async def stop_signal(**context: Any) -> None:
        seen.append("stop signal")

    app.register_listener(listener("start 2"), "before_server_start")
    app.register_listener(listener("stop 2"), "before_server_stop")

    @app.listener("before_server_start", priority=10)
    async def urgent(app: Sanic) -> None:
        seen.append("start urgent")

    @app.signal("server.init.before", priority=5)
    async def early_signal(**context: Any) -> None:
        seen.append("start signal p5")

    await app._server_event("init", "before")
    await app._server_event("shutdown", "before")
    assert seen == [
        "start urgent",
        "start signal p5",
        "start 1",
        "start signal",
        "start 2",
        "stop 2",
        "stop signal",
        "stop 1",
    ]


async def test_a_router_reset_after_a_run_is_compiled_again_on_the_next(app: Sanic, call) -> None:
    # Sanic's own test suites reset the router between test-client runs to add routes.
    @app.get("/first")
    async def first(request):
        return text("first")

    assert (await call("GET", "/first")).text == "first"
    app.router.reset()

    @app.get("/second")
    async def second(request):
        return text("second")

    assert (await call("GET", "/second")).text == "second"
    assert (await call("GET", "/first")).text == "first"


async def test_closing_a_created_server_can_be_awaited(app: Sanic) -> None:
    server = await app.create_server(port=0, return_asyncio_server=True)
    await server.startup()
    await server.start_serving()
    assert server.is_serving()
    closing = server.close()
    assert not server.is_serving()
    assert await closing is None
    assert not app.state.is_running


@pytest.mark.parametrize("debug", [True, False])
async def test_a_debug_server_runs_its_loop_in_asyncio_debug_mode(app: Sanic, debug: bool) -> None:
    # As Sanic: debug mode turns on asyncio's debug mode for the loop that serves
    # (slow callbacks logged...); production leaves the loop as it was.
    loop = asyncio.get_running_loop()
    loop.set_debug(False)
    try:
        server = await app.create_server(port=0, debug=debug)
        assert loop.get_debug() is debug
        await server.close()
    finally:
        loop.set_debug(False)


async def test_a_request_class_overriding_receive_body_reads_the_body_itself() -> None:
    from hurtle_http.request import Request
    from hurtle_http.response import HTTPResponse, raw

    from .conftest import exchange

    class Upper(Request):
        async def receive_body(self) -> None:
            await super().receive_body()
            self.body = self.body.upper()

    app = Sanic("UpperBody", request_class=Upper, configure_logging=False)

    @app.post("/")
    async def echo(request: Upper) -> HTTPResponse:
        return raw(request.body)

    res = await exchange(app, "POST", "/", body=b"shout")
    assert res.status == 200
    assert res.body == b"SHOUT"


def test_a_refused_attribute_shows_the_failed_assignment_as_its_cause(app: Sanic) -> None:
    # As Sanic's traceback ("The above exception was the direct cause..."): a plugin that
    # sets its own attribute on the app (sanic-jinja2's context processors) shows why.
    from hurtle_app.blueprints import Blueprint

    expected = {
        "context_processor": "'Sanic' object has no attribute 'context_processor'",
        "handle_request": "'Sanic' object attribute 'handle_request' is read-only",
        "test_mode": "'Sanic' object attribute 'test_mode' is read-only",
        "debug": "property 'debug' of 'Sanic' object has no setter",
    }
    for attribute, cause in expected.items():
        with pytest.raises(AttributeError, match="^Setting variables on Sanic") as info:
            setattr(app, attribute, 1)
        assert str(info.value.__cause__) == cause
    with pytest.raises(AttributeError, match="^Setting variables on Blueprint") as info:
        Blueprint("bp_cause").db = 1
    assert str(info.value.__cause__) == "'Blueprint' object has no attribute 'db'"
