"""Test clients for Sanic-compatible apps, with the API of the real ``sanic-testing``.

``SanicTestClient`` (real socket per call), ``SanicASGITestClient`` (in-process, httpx),
``ReusableClient`` (one real server, many calls), ``TestManager`` (``app.test_client`` and
``app.asgi_client``), and beyond sanic-testing the fast in-process ``InProcessClient`` /
``AsyncInProcessClient``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sanic_testing.__about__ import __version__

if TYPE_CHECKING:
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

# Imported on first use: the pytest plugin imports this package in every test run of an
# environment where it is installed, and most of those never touch a client.
_LAZY = {
    "AsyncInProcessClient": "sanic_testing.inprocess",
    "InProcessClient": "sanic_testing.inprocess",
    "ReusableClient": "sanic_testing.reusable",
    "SanicASGITestClient": "sanic_testing.asgi",
    "SanicTestClient": "sanic_testing.client",
    "TestManager": "sanic_testing.manager",
    "TestingResponse": "sanic_testing.response",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'sanic_testing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
