"""``sanic.http.tls``: TLS contexts."""

from hurtle_http.server import load_ssl

process_to_context = load_ssl
"""Build an ``SSLContext`` from a context, a dict (cert/key) or a folder."""

__all__ = ["load_ssl", "process_to_context"]
