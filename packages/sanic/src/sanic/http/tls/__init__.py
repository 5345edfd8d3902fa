"""``sanic.http.tls``: TLS contexts."""

from hurtle_http.server import load_ssl
from sanic.http.tls.context import process_to_context
from sanic.http.tls.creators import get_ssl_context

__all__ = ["get_ssl_context", "load_ssl", "process_to_context"]

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
