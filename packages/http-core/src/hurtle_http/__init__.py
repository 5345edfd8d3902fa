"""HTTP/1.1 and websockets on asyncio: protocol, Request, responses, cookies, serve().

Use it alone::

    from hurtle_http import serve, text

    async def handler(request):
        return text("Hello")

    serve(handler, "127.0.0.1", 8000)
"""

from typing import TYPE_CHECKING, Any

from hurtle_http.__about__ import __version__
from hurtle_http.config import HTTP_DEFAULTS, HttpConfig
from hurtle_http.conninfo import ConnInfo
from hurtle_http.cookies import CookieJar
from hurtle_http.exceptions import SanicException
from hurtle_http.headers import Header, format_http1_response
from hurtle_http.http import Http
from hurtle_http.protocol import HttpProtocol
from hurtle_http.request import Request, RequestParameters
from hurtle_http.response import (
    BaseHTTPResponse,
    HTTPResponse,
    JSONResponse,
    ResponseStream,
    empty,
    file,
    file_stream,
    html,
    json,
    raw,
    redirect,
    text,
)
from hurtle_http.server import (
    HandlerApp,
    ServerHandle,
    bind_socket,
    bind_unix_socket,
    load_ssl,
    serve,
    start_server,
    try_use_uvloop,
)
from hurtle_http.stages import Stage

if TYPE_CHECKING:
    from hurtle_http.websocket import WebsocketImplProtocol


def __getattr__(name: str) -> Any:
    # The websocket class is imported on first use: the ``websockets`` library costs
    # memory in every worker of an app that serves no websocket.
    if name == "WebsocketImplProtocol":
        from hurtle_http.websocket import WebsocketImplProtocol

        return WebsocketImplProtocol
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "HTTP_DEFAULTS",
    "BaseHTTPResponse",
    "ConnInfo",
    "CookieJar",
    "HTTPResponse",
    "HandlerApp",
    "Header",
    "Http",
    "HttpConfig",
    "HttpProtocol",
    "JSONResponse",
    "Request",
    "RequestParameters",
    "ResponseStream",
    "SanicException",
    "ServerHandle",
    "Stage",
    "WebsocketImplProtocol",
    "__version__",
    "bind_socket",
    "bind_unix_socket",
    "empty",
    "file",
    "file_stream",
    "format_http1_response",
    "html",
    "json",
    "load_ssl",
    "raw",
    "redirect",
    "serve",
    "start_server",
    "text",
    "try_use_uvloop",
]
