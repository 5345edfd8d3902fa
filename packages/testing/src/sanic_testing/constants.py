"""Addresses the test clients use (the names sanic-testing exports from ``testing``)."""

from __future__ import annotations

__all__ = ["ASGI_BASE_URL", "ASGI_HOST", "ASGI_PORT", "HOST", "PORT"]

#: Loopback address the socket clients bind their server to.
HOST = "127.0.0.1"
#: Fixed port for the socket clients; ``None`` picks a free port for every server start.
PORT: int | None = None
#: Host and port the ASGI clients pretend to be (no socket is opened).
ASGI_HOST = "mockserver"
ASGI_PORT = 1234
ASGI_BASE_URL = f"http://{ASGI_HOST}:{ASGI_PORT}"
