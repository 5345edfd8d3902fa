"""The error page format a route takes from the response its handler returns (as Sanic)."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http import response
from hurtle_http.response import JSONResponse, json, text


def _fail() -> None:
    raise ValueError("boom")


# Each handler fails before its return; what the return statement says decides the page.
async def json_with_a_status_tuple(request: Any) -> Any:
    _fail()
    return json({}), 201


async def json_in_parentheses(request: Any) -> Any:
    _fail()
    return (json({}))  # fmt: skip


async def json_with_a_space_before_the_call(request: Any) -> Any:
    _fail()
    return json ({})  # fmt: skip


async def json_in_a_conditional(request: Any) -> Any:
    _fail()
    return json({}) if request else json([])


async def json_by_module_attribute(request: Any) -> Any:
    _fail()
    return response.json({})


async def json_beside_a_string_naming_text(request: Any) -> Any:
    """Not a return: return text("x")."""
    _fail()
    return json("return text(1)")


async def json_response_class(request: Any) -> Any:
    _fail()
    return JSONResponse({})


async def text_in_a_nested_function(request: Any) -> Any:
    def inner() -> Any:
        return text("x")

    _fail()
    return inner


@pytest.mark.parametrize(
    ("handler", "page"),
    [
        # `return json(...), 201` returns a tuple: no format, the fallback's text page
        (json_with_a_status_tuple, "text/plain; charset=utf-8"),
        (json_in_parentheses, "application/json"),
        (json_with_a_space_before_the_call, "application/json"),
        (json_in_a_conditional, "text/plain; charset=utf-8"),
        (json_by_module_attribute, "text/plain; charset=utf-8"),
        (json_beside_a_string_naming_text, "application/json"),
        (json_response_class, "application/json"),
        (text_in_a_nested_function, "text/plain; charset=utf-8"),
    ],
)
async def test_the_error_page_follows_the_response_call_each_return_makes(
    app: Sanic, call: Any, handler: Any, page: str
) -> None:
    app.add_route(handler, "/page")
    sent = await call("GET", "/page")
    assert sent.status == 500
    assert sent.headers["content-type"] == page
