"""pytest plugin (registered by the ``hurtle-testing`` distribution): client fixtures.

The app is yours: define an ``app`` fixture returning your ``Sanic`` app, then ask for
one of these clients in a test::

    @pytest.fixture
    def app():
        return create_app()

    def test_index(sanic_client):
        request, response = sanic_client.get("/")

    async def test_index_asgi(asgi_client):
        request, response = await asgi_client.get("/")

- ``sanic_client``: ``SanicTestClient(app)`` (what ``app.test_client`` is).
- ``asgi_client``: ``SanicASGITestClient(app)``; its stop listeners run after the test
  (when pytest-asyncio is installed).
- ``reusable_client``: a running ``ReusableClient(app)``, stopped after the test.
- ``inprocess_client``: a running ``InProcessClient(app)``, stopped after the test.

Nothing is imported until a fixture is used, so the plugin costs nothing to suites that
do not use it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

__all__ = ["asgi_client", "inprocess_client", "reusable_client", "sanic_client"]


@pytest.fixture
def sanic_client(app: Any) -> Any:
    """A ``SanicTestClient`` for the ``app`` fixture (one real server per call)."""
    from sanic_testing.client import SanicTestClient

    return SanicTestClient(app)


@pytest.fixture
def reusable_client(app: Any) -> Iterator[Any]:
    """A started ``ReusableClient`` for the ``app`` fixture (one server for the test)."""
    from sanic_testing.reusable import ReusableClient

    with ReusableClient(app) as client:
        yield client


@pytest.fixture
def inprocess_client(app: Any) -> Iterator[Any]:
    """A started ``InProcessClient`` for the ``app`` fixture (no socket, fast)."""
    from sanic_testing.inprocess import InProcessClient

    with InProcessClient(app) as client:
        yield client


try:
    import pytest_asyncio
except ImportError:  # without pytest-asyncio the stop listeners cannot be awaited

    @pytest.fixture
    def asgi_client(app: Any) -> Any:
        """A ``SanicASGITestClient`` for the ``app`` fixture (in-process, httpx API)."""
        from sanic_testing.asgi import SanicASGITestClient

        return SanicASGITestClient(app)

else:

    @pytest_asyncio.fixture
    async def asgi_client(app: Any) -> AsyncIterator[Any]:
        """A ``SanicASGITestClient`` for the ``app`` fixture (in-process, httpx API);
        the app's stop listeners run after the test."""
        from sanic_testing.asgi import SanicASGITestClient

        async with SanicASGITestClient(app) as client:
            yield client
