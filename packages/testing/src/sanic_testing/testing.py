"""The names of sanic-testing's ``sanic_testing.testing`` module."""

from __future__ import annotations

from sanic_testing.asgi import SanicASGITestClient, app_call_with_return
from sanic_testing.client import SanicTestClient
from sanic_testing.constants import ASGI_BASE_URL, ASGI_HOST, ASGI_PORT, HOST, PORT
from sanic_testing.response import TestingResponse
from sanic_testing.websocket import websocket_proxy

__all__ = [
    "ASGI_BASE_URL",
    "ASGI_HOST",
    "ASGI_PORT",
    "HOST",
    "PORT",
    "SanicASGITestClient",
    "SanicTestClient",
    "TestingResponse",
    "app_call_with_return",
    "websocket_proxy",
]
