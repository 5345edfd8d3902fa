"""``sanic.server``: Serving: protocols, ``serve``, ``AsyncioServer``."""

from hurtle_app.serving import AsyncioServer
from hurtle_app.state import ServerSignal as Signal
from hurtle_http.conninfo import ConnInfo
from hurtle_http.protocol import HttpProtocol
from hurtle_http.server import try_use_uvloop
from sanic.server.runners import serve, serve_multiple

__all__ = [
    "AsyncioServer",
    "ConnInfo",
    "HttpProtocol",
    "Signal",
    "serve",
    "serve_multiple",
    "try_use_uvloop",
]

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
