"""``app.test_client`` / ``app.asgi_client`` of ``sanic.Sanic``: kept on the app as in
Sanic (``_test_client`` / ``_asgi_client``), so a fixture can drop them for new ones."""

from __future__ import annotations

from sanic import Sanic
from sanic.response import text


def make_app(name: str) -> Sanic:
    app = Sanic(name)

    @app.get("/")
    async def index(request: object) -> object:
        return text(request.cookies.get("seen", "new"))  # type: ignore[attr-defined]

    return app


async def test_a_dropped_asgi_client_is_replaced_by_a_new_one() -> None:
    # Fixtures write `app._asgi_client = None` "to avoid event loop conflicts between
    # async tests" (Sanic keeps its client there); on Hurtle the assignment raised
    # "Setting variables on Sanic instances is not allowed".
    app = make_app("DroppedAsgiClient")
    first = app.asgi_client
    assert app.asgi_client is first and app._asgi_client is first
    first.cookies.set("seen", "old")
    _, response = await app.asgi_client.get("/")
    assert response.text == "old"

    app._asgi_client = None
    second = app.asgi_client
    assert second is not first and app.asgi_client is second
    _, response = await second.get("/")
    assert response.text == "new"  # a new client: no cookies of the old one


def test_a_dropped_test_client_is_replaced_too() -> None:
    app = make_app("DroppedTestClient")
    first = app.test_client
    assert app.test_client is first and app._test_client is first
    app._test_client = None
    second = app.test_client
    assert second is not first
    _, response = second.get("/")
    assert response.text == "new"
