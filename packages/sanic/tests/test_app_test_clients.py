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


def test_reading_asgi_client_marks_the_app_asgi_and_reading_test_client_does_not() -> None:
    # As Sanic (sanic-testing's ASGI client sets it when made): app.asgi, and what
    # follows from it (serve_location, app.loop before start-up), change once the ASGI
    # client is read; the socket client is made alone and changes nothing. Serving the app
    # over a socket afterwards sets it back.
    app = make_app("AsgiFlag")
    seen: list[bool] = []
    app.after_server_start(lambda app: seen.append(app.asgi))
    assert app.test_client is not None
    assert (app.asgi, app.serve_location, app._test_manager) == (False, "http://<unknown>", None)
    assert app.asgi_client is not None
    assert (app.asgi, app.serve_location) == (True, "http://<ASGI>")
    app.test_client.get("/")
    assert seen == [False] and app.asgi is False
