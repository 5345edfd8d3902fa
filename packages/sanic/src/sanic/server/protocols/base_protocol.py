"""``sanic.server.protocols.base_protocol``: the protocol every server connection uses."""

from hurtle_app.app import error_logger as error_logger
from hurtle_app.state import ServerSignal as Signal
from hurtle_http.conninfo import ConnInfo
from hurtle_http.exceptions import RequestCancelled
from hurtle_http.protocol import HttpProtocol as SanicProtocol

__all__ = ["ConnInfo", "RequestCancelled", "SanicProtocol", "Signal"]
