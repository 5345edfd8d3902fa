"""How the error page format is chosen, and the debug line that says why (as Sanic)."""

from __future__ import annotations

import logging
from types import SimpleNamespace
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_app.errorpages import TextRenderer, exception_response, guess_mime
from hurtle_http.exceptions import SanicException
from hurtle_http.response import json


def _request(accept: str | None, error_format: str | None = None, **headers: str) -> Any:
    if accept is not None:
        headers["accept"] = accept
    route = None
    if error_format is not None:
        route = SimpleNamespace(name="app.page", extra=SimpleNamespace(error_format=error_format))
    return SimpleNamespace(headers=headers, route=route, json=None)


@pytest.mark.parametrize(
    ("accept", "error_format", "fallback", "headers", "said"),
    [
        ("*/*", "json", "html", {}, "The client accepts */*, using 'json' from app.page"),
        ("text/*,*/plain", "", "html", {}, "The client accepts text/*, using 'html' from FALLBACK_ERROR_FORMAT"),
        ("*/*,application/json;q=0.5", "", "auto", {}, "The client accepts */*, using 'json' from request.accept"),
        ("*/*", "", "auto", {"content-type": "application/json"}, "The client accepts */*, using 'json' from content-type"),
        ("text/html,text/plain", "", "auto", {}, "The client accepts text/plain, using 'text' from any"),
        ("text/html,text/plain;q=0.9", "", "auto", {}, "The client accepts text/html, using 'html' from any"),
        ("application/xml", "html", "json", {}, "No format found, the client accepts [application/xml]"),
    ],
)  # fmt: skip
def test_the_choice_and_its_reason_are_logged(
    accept: str,
    error_format: str,
    fallback: str,
    headers: dict[str, str],
    said: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.DEBUG, logger="sanic.root"):
        guess_mime(_request(accept, error_format, **headers), fallback)
    lines = [r.getMessage() for r in caplog.records if r.funcName == "guess_mime"]
    assert lines == [f"Error Page: {said}"]


def test_the_choice_is_logged_as_a_template_and_its_arguments(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # Log pipelines group records by their template (``record.msg``), as Sanic logs it.
    with caplog.at_level(logging.DEBUG, logger="sanic.root"):
        guess_mime(_request("*/*"), "auto")
        guess_mime(_request("application/xml", "html"), "json")
    records = [r for r in caplog.records if r.getMessage().startswith("Error Page")]
    assert [(r.msg, tuple(str(a) for a in r.args)) for r in records] == [
        ("Error Page: The client accepts %s, using '%s' from %s", ("*/*", "text", "any")),
        ("Error Page: No format found, the client accepts %s", ("[application/xml]",)),
    ]


def test_equal_preference_goes_to_text_then_json_then_html() -> None:
    assert guess_mime(_request("text/html,application/json"), "auto") == "application/json"
    assert guess_mime(_request("text/html,text/plain"), "auto") == "text/plain"



@pytest.mark.parametrize("q", ["2", "inf", "1.5"])
def test_a_range_whose_q_is_no_qvalue_is_not_chosen(q: str) -> None:
    # RFC 9110 12.4.2 (a qvalue is 0 to 1), the rule request.accept follows: q=2 on JSON
    # chose the JSON page over an HTML wanted at 0.5 (Sanic does so too).
    accept = f"application/json;q={q}, text/html;q=0.5"
    assert guess_mime(_request(accept), "auto") == "text/html"

def test_a_json_accept_among_others_is_a_json_request() -> None:
    try:
        raise ValueError("bad")
    except ValueError as error:
        response = exception_response(
            _request("text/plain,application/json"), error, False, "auto", TextRenderer
        )
    assert response.content_type == "application/json"


async def test_routes_added_after_reset_and_finalize_get_their_error_format(
    app: Sanic, call: Any
) -> None:
    @app.get("/first")
    async def first(request: Any) -> Any:
        return json({})

    await call("GET", "/first")
    app.router.reset()

    @app.get("/later")
    async def later(request: Any) -> Any:
        raise RuntimeError("nope")
        return json({})

    app.router.finalize()
    await app._startup()
    sent = await call("GET", "/later", headers={"accept": "foo/bar,*/*"})
    assert sent.status == 500
    assert sent.headers["content-type"] == "application/json"


async def test_handlers_wrapped_by_one_decorator_each_keep_their_own_error_format(
    app: Sanic, call: Any
) -> None:
    # As Sanic: the format comes from the wrapped handler's source (functools.wraps), so
    # two handlers decorated alike, one returning text() and one json(), differ.
    from functools import wraps

    from hurtle_http.response import text

    def checked(handler: Any) -> Any:
        @wraps(handler)
        async def decorated(request: Any, *args: Any, **kwargs: Any) -> Any:
            if "fail" in request.args:
                raise ValueError("bad input")
            return await handler(request, *args, **kwargs)

        return decorated

    @app.get("/as-json")
    @checked
    async def as_json(request: Any) -> Any:
        return json({})

    @app.get("/as-text")
    @checked
    async def as_text(request: Any) -> Any:
        return text("")

    await app._startup()
    sent = await call("GET", "/as-text?fail=1", headers={"content-type": "application/json"})
    assert sent.status == 500
    assert sent.headers["content-type"] == "text/plain; charset=utf-8"
    sent = await call("GET", "/as-json?fail=1")
    assert sent.headers["content-type"] == "application/json"


async def test_a_blueprint_route_keeps_the_fallback_format_of_its_registration(
    app: Sanic, call: Any
) -> None:
    # As Sanic: a blueprint route without error_format takes FALLBACK_ERROR_FORMAT when the
    # blueprint is registered; a later change reaches the app's own routes only.
    from hurtle_app import Blueprint
    from hurtle_http.exceptions import NotFound

    bp = Blueprint("bp", url_prefix="/bp")

    @bp.get("/gone")
    async def gone(request: Any) -> Any:
        raise NotFound("gone")

    @app.get("/gone")
    async def app_gone(request: Any) -> Any:
        raise NotFound("gone")

    app.config.FALLBACK_ERROR_FORMAT = "text"
    app.blueprint(bp)
    app.config.FALLBACK_ERROR_FORMAT = "json"
    sent = await call("GET", "/bp/gone")
    assert sent.status == 404
    assert sent.headers["content-type"] == "text/plain; charset=utf-8"
    assert app.router.name_index["TestApp.bp.gone"].extra.error_format == "text"
    sent = await call("GET", "/gone")
    assert sent.headers["content-type"] == "application/json"


async def test_a_blueprint_route_takes_the_format_its_handler_returns(
    app: Sanic, call: Any
) -> None:
    # As Sanic: the only response type a blueprint route's handler returns is its error
    # format, before FALLBACK_ERROR_FORMAT (which only routes returning none or several
    # types take); an app route was already so.
    from hurtle_app import Blueprint
    from hurtle_http.response import html, text

    bp = Blueprint("bp", url_prefix="/bp")

    @bp.get("/j")
    async def only_json(request: Any) -> Any:
        if request.args:
            raise ValueError("boom")
        return json({"f": request.route.extra.error_format})

    @bp.get("/h")
    async def only_html(request: Any) -> Any:
        if request.args:
            return html("<p>x</p>", status=103)  # a 1xx status: the 500 page
        raise ValueError("boom")

    @bp.get("/two")
    async def two(request: Any) -> Any:
        if request.args:
            return html("x")
        return text(str(request.route.extra.error_format))

    app.config.FALLBACK_ERROR_FORMAT = "text"
    app.blueprint(bp)
    sent = await call("GET", "/bp/j")
    assert sent.text == '{"f":"json"}'
    sent = await call("GET", "/bp/j?boom=1")
    assert sent.status == 500
    assert sent.headers["content-type"] == "application/json"
    for target in ("/bp/h", "/bp/h?x=1"):
        sent = await call("GET", target)
        assert sent.status == 500
        assert sent.headers["content-type"] == "text/html; charset=utf-8"
    sent = await call("GET", "/bp/two")
    assert sent.text == "text"


async def test_an_empty_route_error_format_is_no_format(app: Sanic, call: Any) -> None:
    # As Sanic: error_format="" is accepted like None, and the fallback format answers.
    from hurtle_http.exceptions import NotFound

    app.config.FALLBACK_ERROR_FORMAT = "json"

    @app.get("/gone", error_format="")
    async def gone(request: Any) -> Any:
        raise NotFound("nope")

    await app._startup()
    sent = await call("GET", "/gone")
    assert sent.status == 404
    assert sent.headers["content-type"] == "application/json"


async def test_an_auto_route_error_format_is_as_if_not_given(app: Sanic) -> None:
    # As Sanic: error_format="auto" shows as "" on an app route, and a blueprint route
    # takes FALLBACK_ERROR_FORMAT at registration, as without the argument.
    from hurtle_app import Blueprint

    bp = Blueprint("bp", url_prefix="/bp")

    @bp.get("/x", error_format="auto")
    async def in_bp(request: Any) -> Any:
        return None

    @app.get("/x", error_format="auto")
    async def on_app(request: Any) -> Any:
        return None

    app.config.FALLBACK_ERROR_FORMAT = "html"
    app.blueprint(bp)
    app.router.finalize()
    assert app.router.name_index["TestApp.on_app"].extra.error_format == ""
    assert app.router.name_index["TestApp.bp.in_bp"].extra.error_format == "html"


async def test_a_json_page_chosen_by_the_body_alone_warns_that_the_guess_is_deprecated(
    app: Sanic, call: Any
) -> None:
    # As Sanic: with FALLBACK_ERROR_FORMAT "auto", a route whose format is undetermined
    # answers JSON to a body that parses as JSON, and warns that this guess is deprecated
    # (shown once per route by DEPRECATION_FILTER); a Content-Type or Accept asking for JSON is no guess.
    import warnings

    from hurtle_http.exceptions import BadRequest

    @app.post("/guess")
    async def guess(request: Any) -> Any:
        raise BadRequest("no")

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        plain = await call("POST", "/guess", body=b'{"k": 1}')
        typed = await call(
            "POST", "/guess", headers={"content-type": "application/json"}, body=b'{"k": 1}'
        )
        empty = await call("POST", "/guess", body=b"{}")
    assert plain.status == typed.status == empty.status == 400
    assert plain.headers["content-type"] == typed.headers["content-type"] == "application/json"
    assert empty.headers["content-type"] == "text/plain; charset=utf-8"
    said = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    assert said == [
        "[DEPRECATION v24.3] Response type was determined by the JSON content of the "
        "request. This behavior is deprecated and will be removed in v24.3. Please specify "
        'the format either by\n  error_format="json" on route TestApp.guess, by\n'
        '  FALLBACK_ERROR_FORMAT = "json", or by adding header\n'
        "  accept: application/json to your requests."
    ]


@pytest.mark.parametrize(
    ("lines", "content_type"),
    [
        ({"Accept": "text/html;q=0.1", "accept": "application/json"}, "application/json"),
        ({"Accept": "application/json;q=0.1", "accept": "text/html"}, "text/html; charset=utf-8"),
    ],
)
async def test_accept_on_two_field_lines_chooses_from_both(
    app: Sanic, call, lines: dict[str, str], content_type: str
) -> None:
    # RFC 9110 5.3: the two lines are one list; Sanic 25.12 reads only the first, so it
    # answered the first case with the HTML page the client ranked lowest.
    @app.get("/err")
    async def err(request):
        raise SanicException("nope", status_code=403)

    sent = await call("GET", "/err", lines)
    assert sent.status == 403
    assert sent.headers["content-type"] == content_type
