"""ErrorHandler: MRO lookup per route, caching, default pages, failures in handlers."""

from __future__ import annotations

import logging
from types import SimpleNamespace
from typing import Any

import pytest

from hurtle_app.config import Config
from hurtle_app.errorpages import HTMLRenderer
from hurtle_app.handlers import ErrorHandler
from hurtle_http.exceptions import BadRequest, NotFound, SanicException, ServerError
from hurtle_http.response import HTTPResponse


def make_request(name: str | None = "app.route", debug: bool = False, **headers: str) -> Any:
    config = Config(env_prefix=None)
    return SimpleNamespace(
        name=name,
        app=SimpleNamespace(name="app", debug=debug, config=config),
        headers={k.replace("_", "-"): v for k, v in headers.items()},
        route=None,
        path="/x",
        url="http://127.0.0.1/x",
        args={},
        body=b"",
        method="GET",
    )


def handler_a(request: Any, exc: BaseException) -> HTTPResponse:
    return HTTPResponse("a")


def handler_b(request: Any, exc: BaseException) -> HTTPResponse:
    return HTTPResponse("b")


def test_lookup_walks_the_mro_and_prefers_route_handlers() -> None:
    eh = ErrorHandler()
    eh.add(LookupError, handler_a)
    eh.add(KeyError, handler_b, route_names=["app.special"])
    assert eh.lookup(KeyError()) is handler_a
    assert eh.lookup(IndexError(), "app.special") is handler_a
    assert eh.lookup(KeyError(), "app.special") is handler_b
    assert eh.lookup(ValueError()) is None


def test_a_route_handler_for_an_ancestor_beats_an_app_handler_for_a_nearer_one() -> None:
    # As Sanic: the exception's own class first (route, then app), then the ancestors for
    # the route, then app-wide: a blueprint's handler for Exception answers a KeyError its
    # route raises even when the app has one for LookupError (Hurtle took the app's).
    eh = ErrorHandler()
    eh.add(LookupError, handler_a)
    eh.add(Exception, handler_b, route_names=["app.bp.r"])
    assert eh.lookup(KeyError(), "app.bp.r") is handler_b
    assert eh.lookup(KeyError(), "app.other") is handler_a
    eh.add(KeyError, handler_a)
    assert eh.lookup(KeyError(), "app.bp.r") is handler_a  # the app's, for the exact class


def test_lookup_is_cached_and_refreshed_by_add() -> None:
    eh = ErrorHandler()
    assert eh.lookup(KeyError()) is None
    assert (KeyError, None) in eh.cached_handlers
    eh.add(KeyError, handler_a)
    assert eh.lookup(KeyError()) is handler_a


def test_a_subclass_may_keep_its_own_handlers_attribute() -> None:
    # Apps written for the old ErrorHandler fill ``self.handlers`` with a list in their
    # subclass's ``__init__``; Sanic has no such attribute, so it is theirs. Hurtle had a
    # read-only property there: ``Sanic(error_handler=Collection())`` raised AttributeError.
    class Collection(ErrorHandler):
        def __init__(self) -> None:
            super().__init__()
            self.handlers = [(NotFound, handler_a)]

    eh = Collection()
    assert eh.handlers == [(NotFound, handler_a)]
    # The list registers nothing (as in Sanic): the default page still answers.
    assert eh.lookup(NotFound("x")) is None
    assert eh.response(make_request(), NotFound("gone")).status == 404
    eh.add(NotFound, handler_b)
    assert eh.registered_handler(NotFound) is handler_b
    assert eh.registered_handler(NotFound, "app.route") is None


def test_duplicate_registration_is_an_error() -> None:
    eh = ErrorHandler()
    eh.add(KeyError, handler_a, route_names=["x"])
    with pytest.raises(ServerError, match="Duplicate exception handler definition"):
        eh.add(KeyError, handler_b, route_names=["x"])


def test_a_duplicate_app_wide_handler_names_all_routes() -> None:
    eh = ErrorHandler()
    eh.add(KeyError, handler_a)
    with pytest.raises(ServerError, match="on: route=__ALL_ROUTES__ and exception=<class 'Key"):
        eh.add(KeyError, handler_b)


def test_response_uses_the_registered_handler() -> None:
    eh = ErrorHandler()
    eh.add(KeyError, handler_a)
    assert eh.response(make_request(), KeyError()).body == b"a"


def test_a_function_handler_returning_nothing_leaves_the_default_page() -> None:
    # As Sanic: a plain function that returns None (it only logged, say) is as if no
    # handler had answered; the exception gets its default page with its own status.
    def only_logs(request: Any, exc: BaseException) -> None:
        return None

    eh = ErrorHandler()
    eh.add(NotFound, only_logs)
    response = eh.response(make_request(), NotFound("nothing here"))
    assert response.status == 404
    assert b"nothing here" in response.body


async def test_async_handler_result_is_awaitable() -> None:
    async def async_handler(request: Any, exc: BaseException) -> HTTPResponse:
        return HTTPResponse("async")

    eh = ErrorHandler()
    eh.add(KeyError, async_handler)
    response = await eh.response(make_request(), KeyError())
    assert response.body == b"async"


def test_a_plain_handler_raising_an_http_error_gives_the_500(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # As Sanic: a plain function that raises, even an HTTP error, failed as a handler: a 500
    # and its log line (it got the raised error's 400 page).
    def converts(request: Any, exc: BaseException) -> HTTPResponse:
        raise BadRequest("from handler")

    eh = ErrorHandler()
    eh.add(KeyError, converts)
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        response = eh.response(make_request(), KeyError("k"))
    assert response.status == 500
    assert response.body == b"An error occurred while handling an error"
    assert 'Exception raised in exception handler "converts"' in caplog.text


def test_the_handler_failure_record_is_a_template_with_arguments(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # As Sanic's record: a template with the handler's name and the URL as arguments, so
    # Sentry's logging integration groups these events as one issue (it keys on the
    # template), whatever handler or URL.
    def broken(request: Any, exc: BaseException) -> HTTPResponse:
        raise LookupError("in the handler")

    eh = ErrorHandler()
    eh.add(KeyError, broken)
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        eh.response(make_request(), KeyError("k"))
    [record] = [r for r in caplog.records if "exception handler" in str(r.msg)]
    assert record.msg == 'Exception raised in exception handler "%s" for uri: %s'
    assert record.args == ("broken", repr(make_request().url))
    assert record.getMessage().startswith('Exception raised in exception handler "broken"')


async def test_an_async_handler_raising_an_http_error_gets_its_page_quietly(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # As Sanic: an async handler's HTTP error is answered with that error's page, and logged
    # as that error would be (a 400 is quiet); no "Exception raised in exception handler".
    async def converts(request: Any, exc: BaseException) -> HTTPResponse:
        raise BadRequest("from handler")

    eh = ErrorHandler()
    eh.add(KeyError, converts)
    with caplog.at_level(logging.DEBUG, logger="sanic.error"):
        response = await eh.response(make_request(), KeyError("k"))
    assert response.status == 400
    assert b"from handler" in response.body
    assert "Exception raised in exception handler" not in caplog.text


async def test_an_async_handler_failing_in_debug_mode_shows_the_error_and_stack() -> None:
    # As Sanic: the 500's debug body is the error and its traceback (it was the log line).
    async def broken(request: Any, exc: BaseException) -> HTTPResponse:
        raise RuntimeError("in async handler")

    eh = ErrorHandler()
    eh.add(KeyError, broken)
    response = await eh.response(make_request(debug=True), KeyError("k"))
    assert response.status == 500
    assert response.body.startswith(b"Error while handling error: in async handler\nStack: ")
    assert b"RuntimeError: in async handler" in response.body


@pytest.mark.parametrize("debug", [False, True])
def test_error_in_a_handler_gives_500_and_a_log_line(
    debug: bool, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(request: Any, exc: BaseException) -> HTTPResponse:
        raise RuntimeError("in handler")

    eh = ErrorHandler()
    eh.add(KeyError, broken)
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        try:
            raise KeyError("k")
        except KeyError as original:  # handlers run while the original is being handled
            response = eh.response(make_request(debug=debug), original)
    assert response.status == 500
    assert 'Exception raised in exception handler "broken"' in caplog.text
    if debug:
        # Sanic's debug body: the logged message (which handler failed, for which URL).
        assert response.body.startswith(b'Exception raised in exception handler "broken" for uri: ')
    else:
        assert response.body == b"An error occurred while handling an error"
    assert response.content_type == "text/plain; charset=utf-8"


async def test_error_in_an_async_handler_gives_500(caplog: pytest.LogCaptureFixture) -> None:
    async def broken(request: Any, exc: BaseException) -> HTTPResponse:
        raise RuntimeError("in handler")

    eh = ErrorHandler()
    eh.add(KeyError, broken)
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        response = await eh.response(make_request(), KeyError("k"))
    assert response.status == 500
    assert "RuntimeError" in caplog.text


async def test_an_http_error_raised_by_a_handler_gets_its_own_default_page() -> None:
    async def raises_not_found(request: Any, exc: BaseException) -> HTTPResponse:
        raise NotFound("gone from the handler")

    eh = ErrorHandler()
    eh.add(KeyError, raises_not_found)
    eh.add(NotFound, handler_a)  # not consulted again: Sanic renders the default page
    response = await eh.response(make_request(), KeyError("k"))
    assert response.status == 404
    assert b"gone from the handler" in response.body


def test_default_logs_unless_quiet(caplog: pytest.LogCaptureFixture) -> None:
    eh = ErrorHandler()
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        response = eh.default(make_request(), ValueError("boom"))
        quiet = eh.default(make_request(), NotFound("nf"))
    assert response.status == 500 and quiet.status == 404
    assert caplog.text.count("Exception occurred while handling uri: 'http://127.0.0.1/x'") == 1


def test_noisy_exceptions_logs_quiet_ones(caplog: pytest.LogCaptureFixture) -> None:
    request = make_request()
    request.app.config.NOISY_EXCEPTIONS = True
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        ErrorHandler().default(request, NotFound("nf"))
    assert "Exception occurred while handling uri" in caplog.text


def test_default_uses_config_fallback_and_base_renderer() -> None:
    request = make_request()
    request.app.config.FALLBACK_ERROR_FORMAT = "json"
    assert ErrorHandler().default(request, SanicException("x")).content_type == "application/json"
    html = ErrorHandler(base=HTMLRenderer).default(make_request(accept="image/png"), KeyError())
    assert "text/html" in html.content_type


def test_default_shows_debug_details_only_in_debug() -> None:
    page = ErrorHandler().default(make_request(debug=True), ValueError("detail")).body
    assert b"Traceback of app" in page
    plain = ErrorHandler().default(make_request(debug=False), ValueError("detail")).body
    assert b"detail" not in plain
