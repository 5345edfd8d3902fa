"""Error pages: the format chosen per request, and the text/JSON/HTML bodies."""

from __future__ import annotations

import html
import json
import re
from types import SimpleNamespace
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_app.errorpages import (
    FALLBACK_TEXT,
    HTMLRenderer,
    JSONRenderer,
    TextRenderer,
    check_error_format,
    exception_response,
    guess_mime,
)
from hurtle_app.handlers import ErrorHandler
from hurtle_app.state import Mode
from hurtle_http.exceptions import BadRequest, NotFound, SanicException, ServerError


def make_request(
    headers: dict[str, str] | None = None,
    error_format: str | None = None,
    body: bytes = b"",
    path: str = "/boom",
    args: dict[str, list[str]] | None = None,
    app_name: str = "probe",
) -> Any:
    route = SimpleNamespace(
        name=f"{app_name}.boom", extra=SimpleNamespace(error_format=error_format)
    )
    return SimpleNamespace(
        headers={k.lower(): v for k, v in (headers or {}).items()},
        route=route,
        body=body,
        path=path,
        args=args or {},
        method="GET",
        url=f"http://127.0.0.1{path}",
        app=SimpleNamespace(name=app_name),
    )


def raised(exc: BaseException) -> BaseException:
    try:
        raise exc
    except BaseException as caught:
        return caught


def render(request: Any, exc: BaseException, debug: bool = False, fallback: str = "auto") -> Any:
    return exception_response(request, exc, debug=debug, fallback=fallback, base=TextRenderer)


def render_handling(request: Any, exc: BaseException, debug: bool = True) -> Any:
    """``render`` while ``exc`` is being handled, as the framework renders its pages (the
    debug text and JSON pages show the traceback of what is being handled)."""
    try:
        raise exc
    except BaseException as caught:
        return render(request, caught, debug=debug)


def body(response: Any) -> str:
    return response.body.decode()


# -- format choice (observed on Sanic 25.12) ---------------------------------------------

AUTO_CASES = [
    ({}, "text/plain"),
    ({"accept": "application/json"}, "application/json"),
    ({"accept": "text/html"}, "text/html"),
    ({"accept": "text/plain"}, "text/plain"),
    ({"accept": "*/*"}, "text/plain"),
    ({"accept": "image/png"}, ""),  # none accepted: exception_response uses its base
    ({"accept": "text/*"}, "text/plain"),
    ({"accept": "application/*"}, "application/json"),
    ({"accept": "text/html, application/json;q=0.9"}, "text/html"),
    ({"accept": "application/json;q=0.5, text/html"}, "text/html"),
    ({"accept": "text/html;q=0.1, text/plain;q=0.2, application/json;q=0.3"}, "application/json"),
    ({"content-type": "application/json"}, "application/json"),
]


@pytest.mark.parametrize(("headers", "expected"), AUTO_CASES)
def test_auto_format_follows_accept_and_content_type(
    headers: dict[str, str], expected: str
) -> None:
    assert guess_mime(make_request(headers), "auto") == expected


def test_json_body_prefers_json_unless_accept_says_otherwise() -> None:
    # As Sanic, that guess is deprecated (test_errorpages_choice.py has the warning).
    with pytest.warns(DeprecationWarning, match="determined by the JSON content"):
        assert guess_mime(make_request(body=b'{"a": 1}'), "auto") == "application/json"
    request = make_request({"accept": "text/html"}, body=b'{"a": 1}')
    assert guess_mime(request, "auto") == "text/html"


@pytest.mark.parametrize(
    ("route_format", "accept", "expected"),
    [
        ("json", None, "application/json"),
        ("json", "text/html", "text/html"),
        ("json", "text/*", "text/plain"),
        ("html", "*/*", "text/html"),
        ("html", "text/*", "text/html"),
        ("text", "application/json", "application/json"),
    ],
)
def test_route_error_format_is_the_first_choice_in_auto_mode(
    route_format: str, accept: str | None, expected: str
) -> None:
    request = make_request({"accept": accept} if accept else {}, error_format=route_format)
    assert guess_mime(request, "auto") == expected


@pytest.mark.parametrize(
    ("fallback", "route_format", "accept", "expected"),
    [
        ("html", None, None, "text/html"),
        ("html", None, "application/json", ""),
        ("json", None, "text/html", ""),
        ("json", None, "*/*", "application/json"),
        ("text", None, "application/json", ""),
        ("html", "json", "application/json", "application/json"),
        ("json", "html", None, "text/html"),
    ],
)
def test_fixed_fallback_offers_only_one_format(
    fallback: str, route_format: str | None, accept: str | None, expected: str
) -> None:
    request = make_request({"accept": accept} if accept else {}, error_format=route_format)
    assert guess_mime(request, fallback) == expected


@pytest.mark.parametrize(
    ("fallback", "accept"), [("html", "image/png"), ("json", "text/html"), ("xml", None)]
)
def test_guess_mime_is_empty_when_no_candidate_is_accepted(
    fallback: str, accept: str | None
) -> None:
    # Observed on Sanic 25.12: "" (exception_response then uses its base renderer); a
    # caller of guess_mime got "text/plain", a format the client did not ask for.
    request = make_request({"accept": accept} if accept else {})
    assert guess_mime(request, fallback) == ""


def test_unknown_format_is_refused() -> None:
    with pytest.raises(SanicException, match="Unknown format: xml"):
        check_error_format("xml")
    check_error_format("auto")


# -- bodies --------------------------------------------------------------------------------


def test_text_page_for_unexpected_error_hides_the_message() -> None:
    response = render(make_request(), raised(ValueError("secret")))
    assert response.status == 500
    assert body(response) == (
        f"⚠️ 500 — Internal Server Error\n==============================\n{FALLBACK_TEXT}\n\n"
    )
    assert "text/plain" in response.content_type


def test_json_page_has_description_status_message() -> None:
    response = render(make_request({"accept": "application/json"}), raised(ValueError("x")))
    assert body(response) == (
        f'{{"description":"Internal Server Error","status":500,"message":"{FALLBACK_TEXT}"}}'
    )
    assert response.content_type == "application/json"


def test_sanic_exception_message_status_headers_and_context_are_shown() -> None:
    exc = SanicException(
        "teapot here",
        status_code=418,
        context={"foo": "bar"},
        extra={"secret": 1},
        headers={"X-A": "1"},
    )
    response = render(make_request({"accept": "application/json"}), raised(exc))
    assert response.status == 418
    assert response.headers["X-A"] == "1"
    assert json.loads(body(response)) == {
        "description": "I'm a teapot",
        "status": 418,
        "message": "teapot here",
        "context": {"foo": "bar"},
    }
    text = body(render(make_request(), raised(exc)))
    assert text == (
        '⚠️ 418 — I\'m a teapot\n=====================\nteapot here\n\n\nContext\n    foo: "bar"'
    )


def test_json_page_and_text_context_escape_non_ascii_as_sanic() -> None:
    # Sanic 25.12 writes these with ASCII-only JSON: a client decoding the body as Latin-1
    # (or a log line) still reads the page. "/" is not escaped.
    exc = SanicException("m\u00e9/\u0131", status_code=400, context={"k": "\u00e9"})
    response = render(make_request({"accept": "application/json"}), raised(exc))
    assert body(response) == (
        '{"description":"Bad Request","status":400,"message":"m\\u00e9/\\u0131",'
        '"context":{"k":"\\u00e9"}}'
    )
    text = body(render(make_request(), raised(exc)))
    assert text.endswith('Context\n    k: "\\u00e9"')
    assert "m\u00e9/\u0131" in text  # the message itself stays as written


def test_html_page_escapes_and_titles_the_app() -> None:
    exc = SanicException("<b>x</b>", status_code=400, context={"s": "t<>"})
    response = render(make_request({"accept": "text/html"}, app_name="my_app-x"), raised(exc))
    page = body(response)
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Application My App-X cannot handle your request</title>" in page
    assert "<h1>⚠️ 400 — Bad Request</h1><p>&lt;b&gt;x&lt;/b&gt;" in page
    assert "t&lt;&gt;" in page
    assert "Traceback" not in page and "tracerite" not in page


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("AppFuzz6_15", "AppFuzz6 15"),
        ("ABC_DEF", "ABC DEF"),
        ("mY_aPP", "mY aPP"),
        ("my_app", "My App"),
        ("MyApp", "MyApp"),
        ("myApp", "myApp"),
    ],
)
def test_html_page_shows_underscores_in_the_app_name_as_spaces(name: str, shown: str) -> None:
    # as Sanic: `_` is a space whatever the case; an all-lower-case name is also titled
    response = render(make_request({"accept": "text/html"}, app_name=name), raised(NotFound("x")))
    page = body(response)
    assert f"<title>Application {shown} cannot handle your request</title>" in page
    assert f"<strong>{shown}</strong>" in page


def test_debug_text_page_shows_explicit_cause_chain_and_extra() -> None:
    def fail() -> None:
        try:
            raise KeyError("inner")
        except KeyError as error:
            raise ValueError("outer") from error

    try:
        fail()
    except ValueError as caught:
        page = body(render(make_request(path="/chain"), caught, debug=True))
    exc_extra = SanicException("m", context={"a": 1}, extra={"x": "y"})
    assert page.startswith(
        "⚠️ 500 — Internal Server Error\n==============================\nouter\n\n"
        "ValueError: outer while handling path /chain\n"
        "Traceback of probe (most recent call last):\n\n  KeyError: 'inner'\n"
    )
    assert "\n  ValueError: outer\n" in page
    assert 'raise ValueError("outer") from error' in page
    extra_page = body(render_handling(make_request(path="/ctx"), exc_extra))
    assert extra_page.endswith('\n\nContext\n    a: 1\n\nExtra\n    x: "y"')


def test_debug_json_page_has_path_args_and_frames() -> None:
    request = make_request({"accept": "application/json"}, args={"a": ["1", "2"]}, path="/q")
    data = json.loads(body(render_handling(request, ValueError("boom"))))
    assert data["message"] == "boom"
    assert data["path"] == "/q"
    assert data["args"] == {"a": ["1", "2"]}
    assert data["exceptions"][0]["type"] == "ValueError"
    frame = data["exceptions"][0]["frames"][-1]
    assert frame["name"] == "render_handling" and frame["src"] == "raise exc"


def test_debug_text_and_json_pages_trace_the_exception_being_handled() -> None:
    # As Sanic 25.12: those pages show the traceback of what is being handled where the
    # page is rendered, so an exception handler answering a KeyError with another error's
    # page shows the KeyError (Hurtle showed the other error, with no frames); rendered
    # outside an ``except`` block, they show none.
    other = SanicException("no such item", 404, context={"id": 7})
    try:
        {}["missing"]
    except KeyError:
        json_page = json.loads(
            body(render(make_request({"accept": "application/json"}), other, True))
        )
        text_page = body(render(make_request(), other, debug=True))
    assert [e["type"] for e in json_page["exceptions"]] == ["KeyError"]
    assert json_page["exceptions"][0]["frames"][-1]["src"] == '{}["missing"]'
    assert json_page["message"] == "no such item" and json_page["context"] == {"id": 7}
    assert "\n  KeyError: 'missing'\n" in text_page and "  SanicException" not in text_page
    outside = json.loads(body(render(make_request({"accept": "application/json"}), other, True)))
    assert outside["exceptions"] == []
    assert body(render(make_request(), raised(other), debug=True)).endswith(
        "Traceback of probe (most recent call last):\n\n\nContext\n    id: 7"
    )


def test_quiet_exceptions_never_show_debug_details() -> None:
    for exc in (NotFound("nf"), BadRequest("bad"), SanicException("q", quiet=True)):
        request = make_request({"accept": "application/json"})
        data = json.loads(body(render(request, raised(exc), debug=True)))
        assert "exceptions" not in data
        assert data["message"] == str(exc)


def test_server_error_message_is_kept_without_debug() -> None:
    data = json.loads(
        body(render(make_request({"accept": "application/json"}), raised(ServerError("srv"))))
    )
    assert data == {"description": "Internal Server Error", "status": 500, "message": "srv"}


def test_forced_renderer_and_base_renderer() -> None:
    exc = raised(NotFound("nope"))
    forced = exception_response(
        make_request(), exc, debug=False, fallback="auto", base=TextRenderer, renderer=JSONRenderer
    )
    assert forced.content_type == "application/json"
    unmatched = exception_response(
        make_request({"accept": "image/png"}), exc, debug=False, fallback="auto", base=HTMLRenderer
    )
    assert "text/html" in unmatched.content_type


@pytest.mark.parametrize("debug", [False, True])
def test_a_json_renderer_subclass_shapes_the_body_through_generate_output(debug: bool) -> None:
    # As Sanic: JSONRenderer.minimal()/full() serialize what _generate_output(full=...)
    # returns, so a subclass overriding that one method (web_foundation's error handler
    # does) gets its own JSON error bodies; it was ignored, the stock body was sent.
    class CodedJSON(JSONRenderer):
        def _generate_output(self, *, full: bool) -> dict[str, Any]:
            output = super()._generate_output(full=full)
            output["error"] = {"code": f"E-{self.status}", "full": full}
            del output["message"]
            return output

    exc = raised(SanicException("conflicted", status_code=409, context={"field": "x"}))
    response = exception_response(
        make_request(args={"q": ["1"]}),
        exc,
        debug=debug,
        fallback="auto",
        base=TextRenderer,
        renderer=CodedJSON,
    )
    data = json.loads(body(response))
    assert data["error"] == {"code": "E-409", "full": debug}
    assert "message" not in data and data["context"] == {"field": "x"}
    assert ("args" in data) is debug


@pytest.mark.parametrize("renderer", [TextRenderer, JSONRenderer, HTMLRenderer])
def test_full_and_minimal_return_responses_that_render_completes(renderer: Any) -> None:
    # As Sanic: full()/minimal() return a 200 response in the renderer's content type
    # (an exception handler may return `HTMLRenderer(request, exc, True).full()` as RT's
    # backend does); render() gives it the exception's status and headers. They returned
    # a str, which a handler could not answer with (500 "Invalid response type").
    exc = raised(SanicException("short", status_code=418, context={"a": 1}, headers={"x-h": "1"}))
    page = renderer(make_request(), exc, True)
    for response in (page.full(), page.minimal()):
        assert response.status == 200 and response.content_type == renderer.content_type
        assert "short" in response.body.decode() and "x-h" not in response.headers
    rendered = page.render()
    assert rendered.status == 418 and rendered.headers["x-h"] == "1"
    assert rendered.body == page.full().body


@pytest.mark.parametrize("status", [299, 421, 425, 600])
def test_status_without_a_phrase_is_titled_error_occurred(status: int) -> None:
    # Observed on Sanic 25.12: no reason phrase -> "Error Occurred" and an empty message.
    response = render(make_request(), raised(SanicException(status_code=status)))
    title = f"⚠️ {status} — Error Occurred"
    assert response.status == status
    assert body(response) == f"{title}\n{'=' * len(title)}\n\n\n"


def test_renderers_give_subclasses_sanics_titles() -> None:
    # A renderer subclass building its own page from self.title gets Sanic's heading:
    # the status and phrase (the text page's with its sign, the JSON one the phrase
    # alone); it got the bare phrase from every renderer.
    exc = raised(NotFound("gone"))
    titles = {
        cls: cls(make_request(), exc, False).title
        for cls in (TextRenderer, JSONRenderer, HTMLRenderer)
    }
    assert titles == {
        TextRenderer: "⚠️ 404 — Not Found",
        JSONRenderer: "Not Found",
        HTMLRenderer: "404 — Not Found",
    }


def test_teapot_title_is_lower_case_like_sanic() -> None:
    response = render(make_request(), raised(SanicException("x", status_code=418)))
    assert body(response).startswith("⚠️ 418 — I'm a teapot\n")


def test_debug_html_page_details_quiet_exceptions_too() -> None:
    # Observed on Sanic 25.12: JSON and text pages hide a quiet exception's traceback in
    # debug mode, the HTML page shows the developer details for every exception.
    request = make_request({"accept": "text/html", "Host": "x"})
    page = body(render(request, raised(NotFound("nf")), debug=True))
    assert "Details for developers" in page
    assert "Exception in probe.boom:" in page
    assert ">host</span>" in page  # request header names as the server keeps them
    assert "Details for developers" not in body(render(request, raised(NotFound("nf"))))


def test_debug_html_page_shows_the_exception_being_handled_when_one_was_raised() -> None:
    # Observed on Sanic 25.12: its debug HTML page shows "KeyError while handling
    # ValueError" with both tracebacks; text and JSON pages follow explicit causes only.
    def fail() -> None:
        try:
            int("x")
        except ValueError:
            raise KeyError("inner")  # noqa: B904

    def hidden() -> None:
        try:
            int("y")
        except ValueError:
            raise KeyError("alone") from None

    request = make_request({"accept": "text/html"})
    page = html.unescape(body(render(request, raised_by(fail), debug=True)))
    assert "ValueError: invalid literal for int()" in page and 'int("x")' in page
    assert page.index("ValueError") < page.index("KeyError")
    plain = body(render(make_request(), raised_by(fail), debug=True))
    assert "KeyError" in plain and "ValueError" not in plain
    quiet = body(render(request, raised_by(hidden), debug=True))
    assert "KeyError" in quiet and "ValueError" not in quiet


def raised_by(fn: Any) -> BaseException:
    try:
        fn()
    except BaseException as caught:
        return caught
    raise AssertionError("fn raised nothing")


def test_debug_html_page_without_a_route_says_so() -> None:
    request = make_request({"accept": "text/html"})
    request.route = None
    page = body(render(request, raised(NotFound("Requested URL /x not found")), debug=True))
    assert "Exception in [route not found]:" in page


class _FailingErrorHandler(ErrorHandler):
    """An ErrorHandler whose own response() raises what it was built with."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error

    def response(self, request, exception):
        raise self.error


@pytest.mark.parametrize("debug", [False, True])
async def test_an_error_handler_that_raises_answers_a_plain_500(send_to, debug: bool) -> None:
    app = Sanic("failing_handler", error_handler=_FailingErrorHandler(KeyError("broken")))
    app.config.FALLBACK_ERROR_FORMAT = "json"
    app.state.mode = Mode.DEBUG if debug else Mode.PRODUCTION

    @app.get("/")
    async def boom(request):
        raise ValueError("first")

    sent = await send_to(app, "GET", "/")
    assert sent.status == 500
    assert sent.headers["content-type"].startswith("text/plain")
    if debug:
        assert sent.text.startswith("Error while handling error: 'broken'\nStack: Traceback")
    else:
        assert sent.text == "An error occurred while handling an error"


async def test_an_error_handler_raising_an_http_error_answers_with_it(send_to) -> None:
    app = Sanic(
        "http_error_handler",
        error_handler=_FailingErrorHandler(SanicException("Teapot here", status_code=418)),
    )
    app.config.FALLBACK_ERROR_FORMAT = "text"

    @app.get("/")
    async def boom(request):
        raise ValueError("first")

    sent = await send_to(app, "GET", "/")
    assert sent.status == 418
    assert "Teapot here" in sent.text


@pytest.mark.parametrize("method", ["minimal", "full", "render"])
@pytest.mark.parametrize("renderer_debug", [False, True])
def test_html_details_follow_the_apps_debug_mode(method: str, renderer_debug: bool) -> None:
    # As Sanic 25.12's HTML page: the developer details (extra data, traceback, request
    # headers) are shown when the request's app is in debug mode, whichever method builds
    # the page and whatever ``debug`` the renderer got; that one picks the message and the
    # footer. An exception handler calling ``HTMLRenderer(...).full()`` in production
    # showed the details; ``minimal()`` in debug mode hid them.
    exc = raised(ValueError("secret"))
    for app_debug in (False, True):
        request = make_request({"accept": "text/html"})
        request.app.debug = app_debug
        page = html.unescape(
            getattr(HTMLRenderer(request, exc, renderer_debug), method)().body.decode()
        )
        assert ("Details for developers" in page) is app_debug, (app_debug, page)
        assert ("secret" in page) is (renderer_debug or app_debug)
        assert ("DEBUG mode" in page) is renderer_debug


def test_a_json_page_shows_a_context_that_is_no_mapping_as_given() -> None:
    # As Sanic: ``context=[...]`` is shown as the list it is on a JSON page, with the
    # exception's status (Hurtle made it a dict first: the page failed, a 500).
    exc = raised(SanicException("listed", 400, context=["not", "a", "dict"]))
    response = render(make_request({"accept": "application/json"}), exc)
    assert response.status == 400
    assert json.loads(body(response))["context"] == ["not", "a", "dict"]


def test_html_context_table_shows_a_none_key_as_an_empty_name() -> None:
    # As Sanic 25.12's page: ``context={None: "x"}`` has an empty name; a None value is
    # shown as "None", other keys as their text.
    exc = raised(SanicException("keys", 400, context={None: "none", 1: "one", "v": None}))
    page = body(render(make_request({"accept": "text/html"}), exc))
    keys = re.findall(r'<span class="nobr key">([^<]*)</span>', page)
    values = re.findall(r"<dd>([^<]*)", page)
    assert (keys, values) == (["", "1", "v"], ["none", "one", "None"])
