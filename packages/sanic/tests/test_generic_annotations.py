"""Sanic's generic annotations (``Sanic[Config, Ctx]``, ``Request[App, Ctx]``) at run time."""

from __future__ import annotations

import subprocess
import sys
import typing
from pathlib import Path
from types import SimpleNamespace

from sanic import Request, Sanic
from sanic.config import Config


class Larder:
    pass


def _mypy(tmp_path: Path, name: str, source: str, *flags: str) -> tuple[str, list[str]]:
    """What mypy (with ``flags``) prints for ``source``, written to ``tmp_path/name``, and
    the types its ``reveal_type`` lines revealed, in order."""
    path = tmp_path / name
    path.write_text(source)
    run = subprocess.run(
        [sys.executable, "-m", "mypy", *flags, "--cache-dir", str(tmp_path / "cache"), str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    revealed = [
        line.split("Revealed type is ", 1)[1].strip('"')
        for line in run.stdout.splitlines()
        if "Revealed type is" in line
    ]
    return run.stdout, revealed


def test_sanic_and_request_take_their_type_parameters() -> None:
    app_type = Sanic[Config, SimpleNamespace]
    assert typing.get_origin(app_type) is Sanic
    assert typing.get_args(app_type) == (Config, SimpleNamespace)
    request_type = Request[app_type, SimpleNamespace]
    assert typing.get_origin(request_type) is Request
    assert typing.get_args(request_type) == (app_type, SimpleNamespace)


def test_a_typed_request_subclass_serves_its_context() -> None:
    class LarderRequest(Request[Sanic[Config, Larder], Larder]):
        @staticmethod
        def make_context() -> Larder:
            return Larder()

    app = Sanic("TypedLarder", ctx=Larder(), request_class=LarderRequest)
    try:

        @app.get("/")
        async def handler(request: LarderRequest) -> typing.Any:
            from sanic.response import text

            return text(f"{type(request.ctx).__name__} {type(request.app.ctx).__name__}")

        _, response = app.test_client.get("/")
        assert response.text == "Larder Larder"
    finally:
        Sanic.unregister_app(app)


_TYPED_APP = '''
from types import SimpleNamespace
from sanic import Request, Sanic
from sanic.config import Config
from sanic.response import JSONResponse

class MyConfig(Config):
    pass

class Larder:
    pass

plain = Sanic("plain")
configured = Sanic("configured", config=MyConfig())
stocked = Sanic("stocked", ctx=Larder())
both = Sanic("both", config=MyConfig(), ctx=Larder(), strict_slashes=True)
reveal_type(plain)
reveal_type(configured)
reveal_type(stocked)
reveal_type(both)

def handler(request: Request[Sanic[MyConfig, Larder], SimpleNamespace]) -> None:
    reveal_type(request.ctx)
    reveal_type(request.app)

async def streaming(request: Request) -> None:
    response = await request.respond(content_type="text/csv")
    await response.send("a,b")
    await response.eof()
    reveal_type(response)
    reveal_type(await request.respond(JSONResponse({})))
    if request.conn_info is not None:
        reveal_type(request.conn_info.client_ip)

async def upload(request: Request) -> None:
    while (chunk := await request.stream.read()) is not None:
        print(len(chunk))
'''


def test_a_type_checker_infers_the_app_type_from_its_config_and_ctx(tmp_path) -> None:
    # As with Sanic: `app = Sanic("x")` needs no annotation under mypy (it was an error,
    # 'Need type annotation for "app"', and every app was Sanic[Any, Any]), and the types
    # of config= and ctx= become the app's; request.ctx and request.app follow Request[A, C].
    # Streaming handlers type-check (request.respond(), request.stream.read()), and
    # request.conn_info is a ConnInfo (or None).
    stdout, revealed = _mypy(tmp_path, "typed_app.py", _TYPED_APP)
    assert "error" not in stdout, stdout
    assert revealed == [
        "sanic.app.Sanic[hurtle_app.config.Config, types.SimpleNamespace]",
        "sanic.app.Sanic[typed_app.MyConfig, types.SimpleNamespace]",
        "sanic.app.Sanic[hurtle_app.config.Config, typed_app.Larder]",
        "sanic.app.Sanic[typed_app.MyConfig, typed_app.Larder]",
        "types.SimpleNamespace",
        "sanic.app.Sanic[typed_app.MyConfig, typed_app.Larder]",
        # a streamed response has send() and eof() (respond() gave a BaseHTTPResponse,
        # and mypy refused 'await response.eof()', which Sanic's annotations allow)
        "hurtle_http.response.types.HTTPResponse",
        "hurtle_http.response.types.JSONResponse",
        "str",
    ], stdout


_STRICT_HANDLER = '''
from sanic import Request, Sanic
from sanic.response import HTTPResponse, text

app: Sanic = Sanic("strict")  # type: ignore[type-arg]

@app.get("/")
async def index(request: Request) -> HTTPResponse:
    reveal_type(request.ctx)
    return text("ok")

@app.middleware("request")
async def before(request: Request) -> None:
    pass

@app.listener("after_server_stop")
async def teardown(app: Sanic) -> None:  # type: ignore[type-arg]
    pass

reveal_type(before)
'''


def test_a_bare_request_annotation_is_complete_under_strict_mypy(tmp_path) -> None:
    # As in Sanic, Request's type parameters have defaults: `request: Request` in every
    # handler is no 'Missing type arguments for generic type "Request"' under --strict,
    # and its ctx is a SimpleNamespace. Middleware and listener decorators are typed.
    stdout, _ = _mypy(tmp_path, "strict_app.py", _STRICT_HANDLER, "--strict")
    assert 'Revealed type is "types.SimpleNamespace"' in stdout, stdout
    # @app.middleware(...) and @app.listener(...) keep the function's type (they were
    # 'Untyped decorator makes function "before" untyped' under --strict)
    assert (
        "def (request: sanic.request.types.Request[sanic.app.Sanic["
        "hurtle_app.config.Config, types.SimpleNamespace], types.SimpleNamespace])"
    ) in stdout, stdout
    assert "error" not in stdout, stdout


_CUSTOM_TYPES_APP = '''
import asyncio
from sanic import Blueprint, Request, Sanic
from sanic.config import Config
from sanic.handlers import ErrorHandler
from sanic.response import HTTPResponse, text


class ShopConfig(Config):
    SHOP_NAME: str = "corner"


class Pantry:
    shelves: int = 3


class Basket:
    items: list[str]

    def __init__(self) -> None:
        self.items = []


class ShopRequest(Request[Sanic[ShopConfig, Pantry], Basket]):
    @staticmethod
    def make_context() -> Basket:
        return Basket()


class QuietErrors(ErrorHandler):
    def default(self, request: Request, exception: Exception) -> HTTPResponse:
        return super().default(request, exception)


shop = Sanic(
    "shop", config=ShopConfig(), ctx=Pantry(), request_class=ShopRequest,
    error_handler=QuietErrors(),
)
reveal_type(shop.config)
reveal_type(shop.config.SHOP_NAME)
reveal_type(shop.config.REQUEST_TIMEOUT)
reveal_type(shop.ctx.shelves)
plain = Sanic("plain")
reveal_type(plain.config)
reveal_type(plain.ctx)


@shop.before_server_start
async def open_shop(app: Sanic[ShopConfig, Pantry], loop: asyncio.AbstractEventLoop) -> None:
    app.ctx.shelves += 1


@shop.on_response(priority=2)
async def stamp(request: ShopRequest, response: HTTPResponse) -> None:
    response.headers["x-shop"] = request.app.config.SHOP_NAME


@shop.get("/")
async def index(request: ShopRequest) -> HTTPResponse:
    reveal_type(request.ctx.items)
    reveal_type(request.app.ctx.shelves)
    return text(str(len(request.ctx.items)))


front = Blueprint("front")
back = Blueprint("back")
shop.blueprint([Blueprint.group(front), back])
reveal_type(open_shop)
reveal_type(stamp)
'''


def test_custom_config_ctx_and_request_classes_type_check(tmp_path) -> None:
    # A user's custom Config, app ctx and Request subclass (the "custom typing" setup of
    # Sanic's guide) under mypy --strict. Before: app.config and app.ctx read as Any (so
    # shop.config.SHOP_NAME and REQUEST_TIMEOUT were Any), request_class= refused a
    # Request whose ctx is not a SimpleNamespace, overriding ErrorHandler.default with
    # `exception: Exception` (Sanic's signature) broke Liskov, @app.before_server_start
    # and @app.on_response(priority=...) were untyped decorators, and a list holding a
    # blueprint group was refused by app.blueprint().
    stdout, revealed = _mypy(tmp_path, "shop_app.py", _CUSTOM_TYPES_APP, "--strict")
    assert "error" not in stdout, stdout
    assert revealed == [
        "shop_app.ShopConfig",
        "str",
        "int",
        "int",
        "hurtle_app.config.Config",
        "types.SimpleNamespace",
        "list[str]",
        "int",
        "def (app: sanic.app.Sanic[shop_app.ShopConfig, shop_app.Pantry], "
        "loop: asyncio.events.AbstractEventLoop) -> typing.Coroutine[Any, Any, None]",
        "def (request: shop_app.ShopRequest, response: hurtle_http.response.types.HTTPResponse)"
        " -> typing.Coroutine[Any, Any, None]",
    ], stdout


_BARE_REQUEST_APP = '''
from sanic import Request
from sanic.request import Request as ModuleRequest


def app_name(request: Request) -> str:
    return request.app.name


def request_timeout(request: ModuleRequest) -> int:
    return request.app.config.REQUEST_TIMEOUT


def current() -> Request:
    return Request.get_current()


def handler(request: Request) -> None:
    reveal_type(request.app)
    reveal_type(request.app.ctx)
'''


def test_a_bare_request_knows_its_app_type_under_strict_mypy(tmp_path) -> None:
    # As in Sanic, `request: Request` (from sanic) reads request.app as
    # Sanic[Config, SimpleNamespace]: it was Any (hurtle_http knows nothing of apps), so
    # `return request.app.name` from a function returning str was "Returning Any from
    # function declared to return str" under --strict.
    stdout, revealed = _mypy(tmp_path, "bare_request.py", _BARE_REQUEST_APP, "--strict")
    assert "error" not in stdout, stdout
    assert revealed == [
        "sanic.app.Sanic[hurtle_app.config.Config, types.SimpleNamespace]",
        "types.SimpleNamespace",
    ], stdout


def test_sanic_request_is_the_http_cores_class_at_run_time() -> None:
    # The typed view of sanic.request.types.Request exists for type checkers only: at run
    # time every import path gives hurtle_http's class (isinstance, request_class, patches).
    import hurtle_http.request
    import sanic
    import sanic.request
    import sanic.request.types

    assert sanic.Request is hurtle_http.request.Request
    assert sanic.request.Request is hurtle_http.request.Request
    assert sanic.request.types.Request is hurtle_http.request.Request
