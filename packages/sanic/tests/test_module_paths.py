"""Every Sanic module path Hurtle provides imports, and exposes Sanic's names there.

The table lists, per module path of Sanic 25.12, the public names Hurtle offers at that
path (Sanic's internals without a Hurtle counterpart, such as ``sanic.mixins``,
``sanic.pages`` and HTTP/3, are not listed).
"""

from __future__ import annotations

import importlib
import logging.config

import pytest

import hurtle_app
import hurtle_http.exceptions

MODULE_NAMES: dict[str, tuple[str, ...]] = {
    "sanic": (
        "Sanic",
        "Config",
        "Blueprint",
        "HTTPMethod",
        "HTTPResponse",
        "Request",
        "Websocket",
        "DefaultSanic",
        "DefaultRequest",
        "BadRequest",
        "ExpectationFailed",
        "FileNotFound",
        "Forbidden",
        "HeaderNotFound",
        "InternalServerError",
        "InvalidHeader",
        "MethodNotAllowed",
        "NotFound",
        "RangeNotSatisfiable",
        "SanicException",
        "ServerError",
        "ServiceUnavailable",
        "Unauthorized",
        "empty",
        "file",
        "html",
        "json",
        "raw",
        "redirect",
        "text",
    ),
    "sanic.__version__": (),
    "sanic.application": (),
    "sanic.application.ext": ("setup_ext",),
    "sanic.application.constants": ("Mode", "Server", "ServerStage", "StrEnum"),
    "sanic.application.state": ("ApplicationState",),
    "sanic.asgi": ("ASGIApp", "Lifespan"),
    "sanic.blueprint_group": ("BlueprintGroup",),
    "sanic.blueprints": ("Blueprint", "BlueprintGroup"),
    "sanic.compat": ("Header", "UpperStrEnum"),
    "sanic.config": ("Config", "DescriptorMeta", "DetailedConverter"),
    "sanic.constants": ("HTTPMethod", "LocalCertCreator"),
    "sanic.cookies": ("Cookie", "CookieJar"),
    "sanic.cookies.request": ("CookieRequestParameters", "parse_cookie"),
    "sanic.cookies.response": ("Cookie", "CookieJar"),
    "sanic.errorpages": (
        "BaseRenderer",
        "HTMLRenderer",
        "JSONRenderer",
        "TextRenderer",
        "check_error_format",
        "escape",
        "exception_response",
        "guess_mime",
    ),
    "sanic.exceptions": (
        "BadRequest",
        "BadURL",
        "ContentRangeError",
        "ExpectationFailed",
        "FileNotFound",
        "Forbidden",
        "HTTPException",
        "HeaderExpectationFailed",
        "HeaderNotFound",
        "InternalServerError",
        "InvalidHeader",
        "InvalidRangeType",
        "InvalidSignal",
        "InvalidUsage",
        "LoadFileException",
        "MethodNotAllowed",
        "MethodNotSupported",
        "NotFound",
        "PayloadTooLarge",
        "PyFileError",
        "RangeNotSatisfiable",
        "RequestCancelled",
        "RequestTimeout",
        "SanicException",
        "ServerError",
        "ServerKilled",
        "ServiceUnavailable",
        "URLBuildError",
        "Unauthorized",
        "WebsocketClosed",
    ),
    "sanic.handlers": ("ContentRangeHandler", "DirectoryHandler", "ErrorHandler"),
    "sanic.handlers.content_range": ("ContentRangeHandler",),
    "sanic.handlers.directory": ("DirectoryHandler",),
    "sanic.handlers.error": ("ErrorHandler",),
    "sanic.headers": (
        "AcceptList",
        "Matched",
        "MediaType",
        "format_http1_response",
        "fwd_normalize",
        "fwd_normalize_address",
        "parse_accept",
        "parse_content_header",
        "parse_credentials",
        "parse_forwarded",
        "parse_host",
        "parse_xforwarded",
    ),
    "sanic.helpers": (
        "Default",
        "has_message_body",
        "import_string",
        "is_atty",
        "is_entity_header",
        "is_hop_by_hop_header",
    ),
    "sanic.http": ("Http", "Stage"),
    "sanic.http.constants": ("HTTP", "Stage"),
    "sanic.http.http1": ("Http",),
    "sanic.http.tls": ("process_to_context",),
    "sanic.log": (
        "Colors",
        "LOGGING_CONFIG_DEFAULTS",
        "VerbosityFilter",
        "access_logger",
        "deprecation",
        "error_logger",
        "logger",
        "server_logger",
        "websockets_logger",
    ),
    "sanic.logging": (),
    "sanic.logging.color": ("Colors",),
    "sanic.logging.default": (),
    "sanic.logging.deprecation": ("deprecation",),
    "sanic.logging.filter": ("VerbosityFilter",),
    "sanic.logging.formatter": (
        "AutoAccessFormatter",
        "AutoFormatter",
        "DebugAccessFormatter",
        "DebugFormatter",
        "JSONAccessFormatter",
        "JSONFormatter",
        "LegacyAccessFormatter",
        "LegacyFormatter",
        "ProdAccessFormatter",
        "ProdFormatter",
    ),
    "sanic.logging.loggers": (),
    "sanic.logging.setup": ("setup_logging",),
    "sanic.middleware": ("Middleware", "MiddlewareLocation"),
    "sanic.models": (),
    "sanic.models.asgi": ("MockProtocol", "MockTransport"),
    "sanic.models.futures": (
        "FutureCommand",
        "FutureException",
        "FutureRegistry",
        "FutureListener",
        "FutureMiddleware",
        "FutureRoute",
        "FutureSignal",
        "FutureStatic",
    ),
    "sanic.models.handler_types": ("Request", "Sanic"),
    "sanic.models.http_types": ("Credentials",),
    "sanic.models.protocol_types": ("HTMLProtocol", "Range", "TransportProtocol"),
    "sanic.models.server_types": ("ConnInfo", "Signal"),
    "sanic.request": ("File", "Request", "RequestParameters", "parse_multipart_form"),
    "sanic.request.form": ("File", "parse_multipart_form"),
    "sanic.request.parameters": ("RequestParameters",),
    "sanic.request.types": ("Request", "ctx_type", "sanic_type"),
    "sanic.response": (
        "BaseHTTPResponse",
        "HTTPResponse",
        "JSONResponse",
        "ResponseStream",
        "empty",
        "file",
        "file_stream",
        "html",
        "json",
        "json_dumps",
        "raw",
        "redirect",
        "text",
        "validate_file",
    ),
    "sanic.response.convenience": (
        "empty",
        "file",
        "file_stream",
        "html",
        "json",
        "raw",
        "redirect",
        "text",
        "validate_file",
    ),
    "sanic.response.types": (
        "BaseHTTPResponse",
        "HTTPResponse",
        "JSONResponse",
        "Request",
        "ResponseStream",
    ),
    "sanic.router": ("Router",),
    "sanic.server": (
        "AsyncioServer",
        "ConnInfo",
        "HttpProtocol",
        "Signal",
        "serve",
        "try_use_uvloop",
    ),
    "sanic.server.async_server": ("AsyncioServer",),
    "sanic.server.loop": ("try_use_uvloop",),
    "sanic.server.protocols": (),
    "sanic.server.protocols.http_protocol": ("HttpProtocol",),
    "sanic.server.protocols.websocket_protocol": ("WebSocketProtocol",),
    "sanic.server.runners": ("serve",),
    "sanic.server.socket": ("bind_socket", "bind_unix_socket"),
    "sanic.server.websockets": (),
    "sanic.server.websockets.impl": ("WebsocketImplProtocol",),
    "sanic.server.websockets.connection": ("WebSocketConnection",),
    "sanic.signals": ("Event", "Signal", "SignalGroup", "SignalRouter", "SignalWaiter"),
    "sanic.touchup": ("TouchUp", "TouchUpMeta"),
    "sanic.touchup.meta": ("TouchUpMeta",),
    "sanic.touchup.schemes": ("BaseScheme",),
    "sanic.touchup.schemes.altsvc": ("AltSvcCheck", "RemoveAltSvc"),
    "sanic.touchup.schemes.base": ("BaseScheme",),
    "sanic.touchup.schemes.ode": ("OptionalDispatchEvent", "RemoveDispatch"),
    "sanic.touchup.service": ("TouchUp",),
    "sanic.types": ("HashableDict",),
    "sanic.types.hashable_dict": ("HashableDict",),
    "sanic.types.shared_ctx": ("SharedContext",),
    "sanic.utils": ("load_module_from_file_location", "str_to_bool"),
    "sanic.views": ("HTTPMethodView", "stream"),
}


@pytest.mark.parametrize("module", sorted(MODULE_NAMES))
def test_module_path_exposes_sanics_names(module: str) -> None:
    mod = importlib.import_module(module)
    missing = [name for name in MODULE_NAMES[module] if not hasattr(mod, name)]
    assert missing == []
    assert all(name in mod.__all__ for name in MODULE_NAMES[module] if not name.startswith("_"))


def test_paths_the_seeds_and_issue_name_are_covered() -> None:
    for module in (
        "sanic.server.protocols.http_protocol",
        "sanic.server.protocols.websocket_protocol",
        "sanic.server.websockets.impl",
        "sanic.server.async_server",
        "sanic.application.state",
        "sanic.logging.formatter",
        "sanic.touchup",
        "sanic.touchup.service",
    ):
        assert module in MODULE_NAMES


def test_one_exception_hierarchy() -> None:
    from sanic import exceptions

    assert exceptions.NotFound is hurtle_http.exceptions.NotFound
    assert issubclass(exceptions.NotFound, exceptions.SanicException)


def test_exceptions_module_extras_as_in_sanic() -> None:
    import asyncio

    from sanic import exceptions

    assert exceptions.CancelledError is asyncio.CancelledError
    assert exceptions.ServerKilled.quiet is True


def test_sanic_composes_the_framework_app() -> None:
    import sanic

    assert issubclass(sanic.Sanic, hurtle_app.Sanic)
    assert sanic.__version__.startswith("25.12")
    # One API level: what `sanic --version` prints is what `sanic.__version__` says.
    from hurtle_app.versions import SANIC_VERSION

    assert sanic.__version__ == SANIC_VERSION
    assert sanic.DefaultSanic is sanic.Sanic


def test_websocket_protocol_is_an_http_protocol() -> None:
    from sanic.server.protocols.http_protocol import HttpProtocol
    from sanic.server.protocols.websocket_protocol import WebSocketProtocol

    assert issubclass(WebSocketProtocol, HttpProtocol)


def test_touchup_is_a_documented_no_op() -> None:
    from sanic.touchup import TouchUp

    assert TouchUp.run(object()) is None


def test_default_logging_config_loads() -> None:
    from sanic.log import LOGGING_CONFIG_DEFAULTS

    logging.config.dictConfig(LOGGING_CONFIG_DEFAULTS)
    assert logging.getLogger("sanic.access").handlers


def test_import_sanic_loads_its_submodules_as_in_sanic() -> None:
    import subprocess
    import sys

    code = (
        "import sanic\n"
        "assert sanic.exceptions.NotFound is sanic.NotFound\n"
        "assert sanic.response.text is sanic.text\n"
        "for name in ('blueprints', 'config', 'request', 'router', 'signals', 'handlers', "
        "'helpers', 'log', 'utils', 'compat', 'cookies', 'headers', 'errorpages'):\n"
        "    assert hasattr(sanic, name), name\n"
        "for name in ('constants', 'http1', 'stream', 'tls'):\n"
        "    assert hasattr(sanic.http, name), name\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# Names Sanic 25.12's modules define (they have no ``__all__`` there, so a star import
# gives them all); here ``__all__`` lists them, so ``from sanic.headers import *`` and the
# like bring the same names.
STAR_IMPORTED = {
    "sanic.app": ("config_type", "ctx_type"),
    "sanic.blueprints": ("bpg_base",),
    "sanic.config": ("FilterWarningType",),
    "sanic.cookies.response": (
        "DEFAULT_MAX_AGE",
        "LEGAL_CHARS",
        "SAMESITE_VALUES",
        "TRANSLATOR",
        "UNESCAPED_CHARS",
    ),
    "sanic.errorpages": (
        "CONFIG_BY_MIME",
        "JSON",
        "BadRequest",
        "SanicException",
        "STATUS_CODES",
        "deprecation",
        "html",
        "json",
        "logger",
        "text",
    ),
    "sanic.exceptions": ("STATUS_CODES", "CancelledError", "Range", "NotFound"),
    "sanic.handlers.error": ("ErrorHandler", "TextRenderer", "exception_response", "text"),
    "sanic.headers": ("HeaderBytesIterable", "HeaderIterable", "Options", "OptionsIterable"),
    "sanic.helpers": ("json_dumps",),
    "sanic.http.http1": ("HTTP_CONTINUE",),
    "sanic.mixins.startup": ("HTTPVersion", "SANIC_PACKAGES"),
    "sanic.models.asgi": ("ASGIMessage", "ASGIReceive", "ASGIScope", "ASGISend"),
    "sanic.response.convenience": ("guess_content_type",),
    "sanic.router": ("ALLOWED_LABELS", "ROUTER_CACHE_SIZE"),
    "sanic.server.protocols.websocket_protocol": ("CLOSED", "CLOSING", "OPEN"),
    "sanic.server.websockets.impl": ("CLOSED", "CLOSING", "OPEN"),
    "sanic.signals": ("GENERIC_SIGNAL_FORMAT",),
    "sanic.worker.loader": ("DEFAULT_APP_NAME",),
}


@pytest.mark.parametrize("module", sorted(STAR_IMPORTED))
def test_a_star_import_brings_sanics_module_level_names(module: str) -> None:
    namespace: dict[str, object] = {}
    exec(f"from {module} import *", namespace)
    assert set(STAR_IMPORTED[module]) <= set(namespace)


def test_names_sanic_imports_into_its_modules_are_there_too() -> None:
    # Sanic's modules import these, so code (type hints mostly) imports them from there.
    from sanic.asgi import WebSocketConnection as FromAsgi
    from sanic.exceptions import InvalidUsage
    from sanic.models.asgi import WebSocketConnection as FromModels
    from sanic.server.websockets import connection

    assert FromAsgi is FromModels is connection.WebSocketConnection
    assert connection.InvalidUsage is InvalidUsage
    assert connection.ASGIMessage is not None


def test_route_mixin_module_has_route_wrapper_and_the_method_members() -> None:
    import typing

    from sanic.constants import HTTP_METHODS, HTTPMethod
    from sanic.mixins import routes

    # A type alias for annotating route decorators, as in Sanic.
    assert typing.get_origin(routes.RouteWrapper) is not None
    assert routes.HTTP_METHODS is HTTP_METHODS
    assert all(isinstance(m, HTTPMethod) for m in routes.HTTP_METHODS)
