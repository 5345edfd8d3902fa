"""Sanic's smaller module-level APIs, through their ``sanic.*`` import paths."""

from __future__ import annotations

import asyncio
import inspect
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sanic import Blueprint, Sanic


@pytest.fixture(autouse=True)
def _fresh_registry() -> Any:
    Sanic._app_registry.clear()
    yield
    Sanic._app_registry.clear()


# --- sanic.compat --------------------------------------------------------------------------
async def test_open_async_and_aio_open_read_without_blocking(tmp_path: Path) -> None:
    from sanic.compat import aio_open, open_async

    target = tmp_path / "data.txt"
    target.write_text("hello")
    async with await open_async(target) as handle:
        assert await handle.read() == "hello"
    async with aio_open(target, "rb") as f:
        assert await f.read() == b"hello"


async def test_open_async_gives_the_file_to_open_as_sanic(tmp_path: Path) -> None:
    # As Sanic's (aiofiles'): `await open_async(p)` is not the open file but the file to
    # open, with `async with` (or by awaiting it). Before, it opened the file at once: a
    # missing file raised at the first await, and the file was usable (and left open)
    # without `async with`.
    from sanic.compat import open_async

    target = tmp_path / "data.txt"
    target.write_text("hello")
    opening = await open_async(target)
    with pytest.raises(AttributeError, match="'read'"):
        opening.read  # noqa: B018 - not open yet
    handle = await opening
    assert await handle.read() == "hello"
    await handle.close()
    missing = await open_async(tmp_path / "missing.txt")  # nothing opened yet
    with pytest.raises(FileNotFoundError):
        async with missing:
            pass


async def test_stat_async_and_str_enum(tmp_path: Path) -> None:
    # As Sanic's: stat_async(path, *, dir_fd=None, follow_symlinks=True) is awaited for an
    # os.stat_result; StrEnum is the standard library's (auto() gives the lower-case name).
    import enum

    from sanic.compat import StrEnum, stat_async

    target = tmp_path / "data.txt"
    target.write_text("hello")
    link = tmp_path / "link"
    link.symlink_to(target)
    assert (await stat_async(target)).st_size == 5
    assert (await stat_async(link, follow_symlinks=False)).st_size == len(str(target))
    with pytest.raises(FileNotFoundError):
        await stat_async(tmp_path / "missing")
    assert list(inspect.signature(stat_async).parameters) == [
        "path",
        "dir_fd",
        "follow_symlinks",
    ]

    class Color(StrEnum):
        RED = enum.auto()

    assert StrEnum is getattr(enum, "StrEnum", StrEnum)  # (3.10 has none: a fallback)
    assert Color.RED == "red" and f"{Color.RED}" == "red"


def test_compat_facts() -> None:
    from sanic.compat import OS_IS_WINDOWS, UVLOOP_INSTALLED, CancelledErrors, Header

    assert OS_IS_WINDOWS is (os.name == "nt")
    assert isinstance(UVLOOP_INSTALLED, bool)
    assert asyncio.CancelledError in CancelledErrors
    assert Header({"A": "1"}).get("a") == "1"


def test_clear_function_annotate() -> None:
    from sanic.compat import clear_function_annotate

    def handler(x: int) -> int:
        return x

    clear_function_annotate(handler)
    assert handler.__annotations__ == {}


# --- sanic.server.socket / loop / events / goodbye -----------------------------------------
def test_configure_socket_binds_or_passes_through() -> None:
    from sanic.server.socket import configure_socket

    settings = {"host": "127.0.0.1", "port": 0, "sock": None, "unix": None, "backlog": 5}
    sock = configure_socket(settings)
    assert sock is not None
    try:
        host, port = sock.getsockname()
        assert host == "127.0.0.1" and port > 0
        assert configure_socket({**settings, "sock": sock}) is sock
    finally:
        sock.close()
    assert configure_socket({"host": None, "port": None}) is None


def test_unix_socket_is_made_and_removed(tmp_path: Path) -> None:
    from sanic.server.socket import configure_socket, remove_unix_socket

    path = str(tmp_path / "app.sock")
    sock = configure_socket({"unix": path, "backlog": 5})
    assert sock is not None and sock.family == socket.AF_UNIX
    sock.close()
    remove_unix_socket(path)
    assert not os.path.exists(path)
    regular = tmp_path / "not-a-socket"
    regular.write_text("keep me")
    remove_unix_socket(regular)
    remove_unix_socket(None)
    assert regular.read_text() == "keep me"


def test_trigger_events_passes_app_and_loop_as_asked() -> None:
    from sanic.server.events import trigger_events

    app = Sanic("Events")
    calls: list[Any] = []

    def sync_listener(app_: Sanic) -> None:
        calls.append(("sync", app_.name))

    async def async_listener(app_: Sanic, loop: asyncio.AbstractEventLoop) -> None:
        calls.append(("async", loop.is_running()))

    loop = asyncio.new_event_loop()
    try:
        trigger_events([sync_listener, async_listener], loop, app)
        trigger_events(None, loop, app)
    finally:
        loop.close()
    assert calls == [("sync", "Events"), ("async", True)]


def test_trigger_events_retries_a_type_error_with_the_loop_as_sanic() -> None:
    # As Sanic: each listener is called with the app (when given) and the keywords; one
    # that raises TypeError is called again with the loop after the app. Hurtle chose by
    # signature: without an app it never passed the loop, and a listener taking nothing
    # given an app failed with "1 was given" where Sanic says "2 were given".
    from sanic.server.events import trigger_events

    calls: list[Any] = []

    def takes_loop(loop_):
        calls.append(("loop", loop_ is loop))

    def takes_nothing():
        calls.append("nothing")

    def fails_inside(*args):
        calls.append("inside")
        raise TypeError("inner")

    loop = asyncio.new_event_loop()
    try:
        trigger_events([takes_loop, takes_nothing], loop)
        with pytest.raises(TypeError, match="takes 0 positional arguments but 2 were given"):
            trigger_events([takes_nothing], loop, Sanic("Events2"))
        with pytest.raises(TypeError, match="^inner$"):
            trigger_events([fails_inside], loop, Sanic("Events3"))
    finally:
        loop.close()
    assert calls == [("loop", True), "nothing", "inside", "inside"]


def test_app_loader_simple_without_a_folder_is_a_sanic_exception(tmp_path) -> None:
    # Sanic's type (it was a ValueError)
    from sanic.exceptions import SanicException
    from sanic.worker.loader import AppLoader

    (tmp_path / "file.txt").write_text("x")
    for name in (str(tmp_path / "file.txt"), str(tmp_path / "missing"), "server:app"):
        with pytest.raises(SanicException, match="as a simple app: it is not a directory"):
            AppLoader(name, as_simple=True).load()


def test_goodbye_is_a_phrase() -> None:
    from sanic.server.goodbye import all_phrases, get_goodbye

    assert get_goodbye() in all_phrases


def test_server_signal_is_a_stop_flag() -> None:
    from sanic.models.server_types import Signal
    from sanic.server import Signal as ServerSignal

    assert ServerSignal is Signal
    signal = Signal()
    assert signal.stopped is False
    signal.stopped = True
    assert signal.stopped is True


# --- sanic.application ---------------------------------------------------------------------
def test_application_state_stage_follows_its_servers() -> None:
    from sanic.application.constants import ServerStage
    from sanic.application.state import ApplicationServerInfo

    app = Sanic("Staged")
    assert app.state.stage is ServerStage.STOPPED
    first = ApplicationServerInfo(settings={"host": "127.0.0.1", "port": 8001})
    second = ApplicationServerInfo(settings={"host": "127.0.0.1", "port": 8002})
    app.state.server_info.extend([first, second])
    assert app.serve_location == "http://127.0.0.1:8001"
    first.stage = ServerStage.SERVING
    assert app.state.stage is ServerStage.PARTIAL
    second.stage = ServerStage.SERVING
    assert app.state.stage is ServerStage.SERVING


def test_set_mode_and_verbosity_are_sanics_hooks(monkeypatch) -> None:
    # As Sanic: called directly, set_mode changes nothing (whatever it is given) and
    # set_verbosity only what the loggers let through; assigning state.mode and
    # state.verbosity is what sets them.
    import logging

    from sanic.application.constants import Mode
    from sanic.logging.filter import VerbosityFilter

    monkeypatch.setattr(VerbosityFilter, "verbosity", VerbosityFilter.verbosity)
    root = logging.getLogger("sanic.root")
    monkeypatch.setattr(root, "level", logging.INFO)
    app = Sanic("Modes")
    for value in (True, "debug", Mode.DEBUG, "loud"):
        app.state.set_mode(value)
        assert (app.state.mode, app.debug, root.level) == (Mode.PRODUCTION, False, logging.INFO)
    app.state.mode = Mode.DEBUG
    assert (app.debug, root.level) == (True, logging.DEBUG)
    app.state.set_verbosity(2)
    assert (app.state.verbosity, VerbosityFilter.verbosity) == (0, 2)
    app.state.verbosity = 1
    assert VerbosityFilter.verbosity == 1


def test_motd_output_logs_location_and_data(caplog: pytest.LogCaptureFixture) -> None:
    from sanic.application.logo import get_logo
    from sanic.application.motd import MOTD

    with caplog.at_level("INFO", logger="sanic.root"):
        MOTD.output(get_logo(), "http://127.0.0.1:8000", {"app": "Banner"}, {"extra": "yes"})
    assert "http://127.0.0.1:8000" in caplog.text
    assert "Banner" in caplog.text and "extra" in caplog.text


def test_spinner_is_a_context_manager() -> None:
    from sanic.application.spinner import loading

    with loading("Working") as spinner:
        assert spinner.message == "Working"


# --- sanic.helpers / response / router -----------------------------------------------------
def test_guess_content_type() -> None:
    from sanic.response.convenience import guess_content_type

    assert guess_content_type("notes.txt") == "text/plain; charset=utf-8"
    assert guess_content_type(Path("data.json")) == "application/json"
    assert guess_content_type("blob.unknownext") == "application/octet-stream"
    assert guess_content_type("blob.unknownext", fallback="x/y") == "x/y"


def test_router_names() -> None:
    from sanic.router import ALLOWED_LABELS, BaseRouter, Router, RoutingNotFound
    from sanic_routing.exceptions import NotFound

    assert issubclass(Router, BaseRouter)
    assert RoutingNotFound is NotFound
    assert "__file_uri__" in ALLOWED_LABELS


# --- sanic.request.form ----------------------------------------------------------------------
def test_parse_multipart_form_takes_the_boundary_parameter() -> None:
    # As Sanic's: the boundary is the Content-Type's parameter, not the "--" delimiter
    # line (kksanic's tests feed a body and b"KKBOUND" straight to it; Hurtle found no
    # part and answered empty fields and files).
    from sanic.request import File, parse_multipart_form
    from sanic.request.form import parse_multipart_form as from_form
    from sanic.request.types import parse_multipart_form as from_types

    body = (
        b"--KKBOUND\r\n"
        b'Content-Disposition: form-data; name="avatar"; filename="me.png"\r\n'
        b"Content-Type: image/png\r\n\r\nPNG\r\n"
        b'--KKBOUND\r\nContent-Disposition: form-data; name="t"\r\n\r\nhello\r\n'
        b"--KKBOUND--\r\n"
    )
    for parse in (parse_multipart_form, from_form, from_types):
        fields, files = parse(body, b"KKBOUND")
        assert fields == {"t": ["hello"]}
        assert files == {"avatar": [File(type="image/png", body=b"PNG", name="me.png")]}


# --- mixins, base, models ------------------------------------------------------------------
def test_mixins_describe_apps_and_blueprints() -> None:
    from sanic.base.root import BaseSanic
    from sanic.mixins.commands import CommandMixin
    from sanic.mixins.routes import RouteMixin
    from sanic.mixins.signals import SignalMixin
    from sanic.mixins.startup import StartupMixin

    app, bp = Sanic("Mixed"), Blueprint("mixed")
    for mixin in (BaseSanic, RouteMixin, SignalMixin, CommandMixin):
        assert isinstance(app, mixin) and isinstance(bp, mixin)
    assert isinstance(app, StartupMixin) and not isinstance(bp, StartupMixin)


def test_repl_context_types() -> None:
    from sanic.models.ctx_types import REPLContext, REPLLocal

    app = Sanic("Repl")
    assert isinstance(app.repl_ctx, REPLContext)
    app.repl_ctx.add(app, name="application", desc="the app")
    # As Sanic's: the names are a set of REPLLocal entries.
    assert REPLLocal(app, "application", "the app") in app.repl_ctx._locals


def test_sanic_signature_lists_the_constructor_options() -> None:
    params = inspect.signature(Sanic).parameters
    for name in ("name", "config", "ctx", "router", "env_prefix", "strict_slashes", "dumps",
                 "loads", "inspector", "configure_logging", "log_config"):  # fmt: skip
        assert name in params


# --- sanic.simple, sanic.cli ---------------------------------------------------------------
def test_create_simple_server_serves_a_folder(tmp_path: Path) -> None:
    from sanic.exceptions import SanicException
    from sanic.simple import create_simple_server

    (tmp_path / "index.html").write_text("<h1>hi</h1>")
    app = create_simple_server(tmp_path)
    assert app.name == "SimpleServer"
    assert any(route.name == "SimpleServer.main" for route in app.router.routes)
    with pytest.raises(SanicException, match="path to a directory"):
        create_simple_server(tmp_path / "missing")


def test_sanic_cli_run_reports_a_usage_error() -> None:
    from sanic.cli.app import SanicCLI

    with pytest.raises(SystemExit) as exc:
        SanicCLI().run(["no_such_module_for_hurtle:app"])
    assert exc.value.code not in (0, None)


def test_python_dash_m_sanic_shows_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sanic", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert "sanic <target>" in result.stdout


# --- names from Sanic's early docs (the seeds) ---------------------------------------------
def test_sanic_endpoint_test_makes_one_request() -> None:
    from sanic.response import text
    from sanic.utils import sanic_endpoint_test
    from sanic.views import CompositionView

    app = Sanic("Endpoint")
    with pytest.warns(DeprecationWarning, match="CompositionView was removed"):
        view = CompositionView()
    view.add(["GET"], lambda request: text("composed"))
    app.add_route(view, "/")
    # Both are gone from Sanic 25.12: they still work, with a deprecation message in
    # Sanic's format naming what to use instead.
    with pytest.warns(DeprecationWarning, match=r"^\[DEPRECATION v0.5\] sanic_endpoint_test"):
        request, response = sanic_endpoint_test(app)
    assert request.method == "GET" and response.status == 200
    assert response.text == "composed"
    with pytest.warns(DeprecationWarning, match="app.test_client"):
        assert sanic_endpoint_test(app, "post", "/", gather_request=False).status == 405


def test_exceptions_handler_is_the_error_handler() -> None:
    from sanic.exceptions import Handler
    from sanic.handlers import ErrorHandler

    assert Handler is ErrorHandler
    assert isinstance(Sanic("Handled").error_handler, Handler)


def test_motd_display_writes_through_out() -> None:
    from sanic.application.motd import MOTDTTY, MOTDBasic

    for kind in (MOTDBasic, MOTDTTY):
        lines: list[str] = []
        kind(None, "http://127.0.0.1:9", {"app": "Out"}, {}).display(
            version=False, action="Serving", out=lines.append
        )
        text = "\n".join(lines)
        assert "Serving @ http://127.0.0.1:9" in text and "app: Out" in text
        assert "Hurtle v" not in text


def test_the_banner_names_the_hurtle_distribution_and_sanic_version(monkeypatch) -> None:
    # The box and the log lines named hurtle-app's version and its own Sanic level; the
    # user installed `hurtle` and reads `sanic.__version__` (as the `packages` line).
    import sanic.__about__
    from sanic.application.motd import MOTDTTY, MOTDBasic

    monkeypatch.setattr(sanic.__about__, "__hurtle_version__", "7.7.7")
    monkeypatch.setattr(sanic.__about__, "__version__", "26.3.0")
    for kind in (MOTDBasic, MOTDTTY):
        lines: list[str] = []
        kind(None, "http://127.0.0.1:9", {}, {}).display(out=lines.append)
        assert "Hurtle v7.7.7 (Sanic v26.3.0 compatible)" in "\n".join(lines)


def test_module_constants_and_aliases() -> None:
    from sanic.app import StartupMixin
    from sanic.cookies.response import DEFAULT_MAX_AGE, LEGAL_CHARS, SAMESITE_VALUES
    from sanic.helpers import ujson_dumps

    assert StartupMixin is Sanic
    assert DEFAULT_MAX_AGE == 0
    assert SAMESITE_VALUES == ("strict", "lax", "none")
    assert "a" in LEGAL_CHARS and ";" not in LEGAL_CHARS
    assert ujson_dumps({"a": [1, 2]}) == '{"a":[1,2]}'


def test_prepare_records_application_server_info() -> None:
    from sanic.application.state import ApplicationServerInfo

    app = Sanic("Prepared")
    app.prepare(host="127.0.0.1", port=9999, single_process=True)
    info = app.state.server_info[0]
    assert isinstance(info, ApplicationServerInfo)
    assert info.settings["port"] == 9999 and info["host"] == "127.0.0.1"
    assert app.serve_location == "http://127.0.0.1:9999"
    app.state.server_info.clear()


def test_sanic_meta_is_the_metaclass_of_the_app_and_blueprint_classes() -> None:
    # As Sanic 25.12: sanic.base.meta.SanicMeta is type(Blueprint), and the app class's
    # metaclass (sanic.touchup.meta.TouchUpMeta) derives from it.
    from sanic import Blueprint, Sanic
    from sanic.base.meta import SanicMeta
    from sanic.touchup.meta import TouchUpMeta

    assert type(Blueprint) is SanicMeta
    assert type(Sanic) is TouchUpMeta and issubclass(TouchUpMeta, SanicMeta)
