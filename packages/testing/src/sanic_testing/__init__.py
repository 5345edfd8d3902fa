"""Test clients for Sanic-compatible apps, with the API of the real ``sanic-testing``.

``SanicTestClient`` (real socket per call), ``SanicASGITestClient`` (in-process, httpx),
``ReusableClient`` (one real server, many calls), ``TestManager`` (``app.test_client`` and
``app.asgi_client``), and beyond sanic-testing the fast in-process ``InProcessClient`` /
``AsyncInProcessClient``.
"""

from sanic_testing.__about__ import __version__
from sanic_testing.asgi import SanicASGITestClient
from sanic_testing.client import SanicTestClient
from sanic_testing.inprocess import AsyncInProcessClient, InProcessClient
from sanic_testing.manager import TestManager
from sanic_testing.response import TestingResponse
from sanic_testing.reusable import ReusableClient

__all__ = [
    "AsyncInProcessClient",
    "InProcessClient",
    "ReusableClient",
    "SanicASGITestClient",
    "SanicTestClient",
    "TestManager",
    "TestingResponse",
    "__version__",
]
