"""The status of an error page when an exception declares one the response cannot take."""

from __future__ import annotations

import pytest

from hurtle_app import Sanic
from hurtle_http.exceptions import SanicException


@pytest.mark.parametrize("status_code", ["404", 404.0, True, -5, 1000])
async def test_a_status_code_that_is_no_status_answers_the_generic_500(
    app: Sanic, call, status_code
) -> None:
    # As Sanic: its response refuses such a status, and the error page is the generic 500
    # (a "404" string is not taken as 404; 1000 is not a three-digit status).
    @app.get("/")
    async def index(request):
        raise SanicException("secret detail", status_code=status_code)

    sent = await call("GET", "/")
    assert sent.status == 500
    assert "unexpected error" in sent.text and "secret detail" not in sent.text


@pytest.mark.parametrize(("status_code", "status"), [(418, 418), (299, 299), (None, 500)])
async def test_a_status_code_that_is_a_status_is_used(
    app: Sanic, call, status_code, status
) -> None:
    @app.get("/")
    async def index(request):
        raise SanicException("shown", status_code=status_code)

    sent = await call("GET", "/")
    assert (sent.status, "shown" in sent.text) == (status, True)


class _OwnNotFound(Exception):
    status_code = 404
    headers = {"X-Extra": "1"}


@pytest.mark.parametrize("accept", ["*/*", "application/json", "text/html"])
async def test_a_status_code_on_an_exception_of_the_app_is_not_used(
    app: Sanic, call, accept
) -> None:
    # As Sanic: only its own exceptions choose the status. An app's error class that is a
    # plain Exception with ``status_code = 404`` is a 500 with the generic message (Hurtle
    # answered 404 with "The application encountered an unexpected error").
    @app.get("/")
    async def index(request):
        raise _OwnNotFound("no such search")

    sent = await call("GET", "/", headers={"accept": accept})
    assert sent.status == 500
    assert "x-extra" not in {k.lower() for k in sent.headers}
    assert "no such search" not in sent.text


class _NoStatus(SanicException):
    status_code = None  # type: ignore[assignment]


class _ZeroStatus(SanicException):
    status_code = 0


@pytest.mark.parametrize("kind", [_NoStatus, _ZeroStatus])
@pytest.mark.parametrize("accept", ["*/*", "application/json", "text/html"])
async def test_a_class_without_a_status_answers_the_generic_500(
    app: Sanic, call, kind, accept
) -> None:
    # As Sanic: a SanicException subclass declaring no status (None, 0) is answered by
    # the generic 500, its message not shown (Hurtle showed it).
    @app.get("/")
    async def index(request):
        raise kind("secret detail")

    sent = await call("GET", "/", headers={"accept": accept})
    assert sent.status == 500
    assert "unexpected error" in sent.text and "secret detail" not in sent.text
