"""``TestManager``: gives an app its ``test_client`` and ``asgi_client``."""

from __future__ import annotations

from typing import Any

from sanic_testing.asgi import SanicASGITestClient
from sanic_testing.client import SanicTestClient
from sanic_testing.running import enable_test_mode

__all__ = ["TestManager"]


class TestManager:
    """Create both test clients for ``app`` and attach them to it.

    Sets ``app._test_manager`` (which ``sanic.Sanic``'s ``test_client``/``asgi_client``
    properties read) and turns on ``Sanic.test_mode``.  For an app class without those
    properties, ``app.test_client`` and ``app.asgi_client`` are set on the instance.
    """

    __test__ = False  # not a pytest test class, despite the name

    def __init__(self, app: Any) -> None:
        self.test_client = SanicTestClient(app)
        self.asgi_client = SanicASGITestClient(app)
        # object.__setattr__: the framework's app refuses new attributes by design.
        object.__setattr__(app, "_test_manager", self)
        for name in ("test_client", "asgi_client"):
            if not hasattr(type(app), name):
                object.__setattr__(app, name, getattr(self, name))
        enable_test_mode(app)
