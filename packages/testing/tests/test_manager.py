"""TestManager: attaches test_client and asgi_client to an app."""

from __future__ import annotations

from typing import Any

from hurtle_app import Sanic
from sanic_testing import TestManager
from sanic_testing.asgi import SanicASGITestClient
from sanic_testing.client import SanicTestClient


def test_attaches_both_clients_to_a_plain_framework_app(app: Sanic) -> None:
    manager = TestManager(app)
    assert isinstance(manager.test_client, SanicTestClient)
    assert isinstance(manager.asgi_client, SanicASGITestClient)
    assert app.test_client is manager.test_client
    assert app.asgi_client is manager.asgi_client
    assert app._test_manager is manager
    assert Sanic.test_mode is True


def test_app_test_client_serves_requests(app: Sanic) -> None:
    TestManager(app)
    request, response = app.test_client.get("/")
    assert (request.method, response.body, response.status) == ("GET", b"foo", 200)


async def test_app_asgi_client_serves_requests(app: Sanic) -> None:
    TestManager(app)
    request, response = await app.asgi_client.get("/")
    assert (request.method, response.text) == ("GET", "foo")


class _WiredSanic(Sanic):
    """The wiring ``sanic.Sanic`` has: properties that create a TestManager on demand."""

    _test_manager: Any = None

    @property
    def test_client(self) -> SanicTestClient:
        return (self._test_manager or TestManager(self)).test_client

    @property
    def asgi_client(self) -> SanicASGITestClient:
        return (self._test_manager or TestManager(self)).asgi_client


def test_properties_on_the_app_class_are_served_by_the_manager() -> None:
    app = _WiredSanic("WiredApp")
    client = app.test_client
    assert isinstance(client, SanicTestClient)
    assert app.test_client is client  # created once, then reused
    assert app.asgi_client is app._test_manager.asgi_client
    assert "test_client" not in vars(app)


def test_an_app_with_a_test_manager_pickles_and_the_copy_serves(reply: Any) -> None:
    # Workers started with "spawn" get the app pickled; with a TestManager attached that
    # failed on the ASGI client's cookie jar (it holds a lock).
    import pickle

    app = Sanic("pickled_with_manager")
    TestManager(app)
    app.router.reset()
    app.signal_router.reset()
    copy = pickle.loads(pickle.dumps({"app": app}, protocol=4))["app"]
    assert isinstance(copy._test_manager, TestManager)
    assert copy._test_manager.asgi_client.sanic_app is copy

    @copy.get("/")
    async def index(request: Any) -> None:
        await reply(request, "copied")

    _, response = copy._test_manager.test_client.get("/")
    assert response.text == "copied"
