"""An unknown expectation is refused with 417 before the request is routed, as in Sanic."""

from __future__ import annotations

from typing import Any

from hurtle_app import Sanic
from hurtle_http.response import json

from .conftest import exchange


def _json_route(app: Sanic) -> None:
    @app.post("/j")
    async def j(request: Any) -> Any:
        return json({"ok": True})


async def test_a_missing_route_does_not_win_over_an_unknown_expectation(app: Sanic) -> None:
    """RFC 9110 10.1.1 lets a server refuse an expectation it does not know with 417;
    Sanic does so from the head alone. Hurtle routed first: a 404 (or a 405) came back,
    telling the client nothing of its expectation."""
    _json_route(app)
    res = await exchange(app, "POST", "/nope", {"expect": "teapot"}, b"abc")
    assert res.status == 417
    assert "Unknown Expect: teapot" in res.text
    res = await exchange(app, "PUT", "/j", {"expect": "teapot"}, b"abc")
    assert res.status == 417


async def test_the_417_page_is_not_in_the_route_format(app: Sanic) -> None:
    """The request is not routed, so a JSON route's error format does not apply: the
    page is the plain one, as Sanic's (Hurtle answered JSON)."""
    _json_route(app)
    res = await exchange(app, "POST", "/j", {"expect": "teapot"}, b"abc")
    assert res.status == 417
    assert res.headers["content-type"] == "text/plain; charset=utf-8"
    assert res.headers["connection"] == "close"
