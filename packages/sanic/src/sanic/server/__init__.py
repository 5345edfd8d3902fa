"""``sanic.server``: Serving: protocols, ``serve``, ``AsyncioServer``."""

from hurtle_app.serving import AsyncioServer
from hurtle_app.state import ServerSignal as Signal
from hurtle_http.conninfo import ConnInfo
from hurtle_http.protocol import HttpProtocol
from hurtle_http.server import serve, try_use_uvloop

__all__ = ["AsyncioServer", "ConnInfo", "HttpProtocol", "serve", "try_use_uvloop", "Signal"]
