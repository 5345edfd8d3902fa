"""Response types and helpers: text, json, html, raw, empty, redirect, send()."""

from __future__ import annotations

import json as stdlib_json
from typing import Any

import pytest

from hurtle_http.exceptions import SanicException, ServerError
from hurtle_http.headers import Header
from hurtle_http.response import (
    HTTPResponse,
    JSONResponse,
    ResponseStream,
    empty,
    html,
    json,
    raw,
    redirect,
    text,
)


def head(response: Any) -> list[tuple[bytes, bytes]]:
    return list(response.processed_headers)


def test_text() -> None:
    response = text("hi")
    assert (response.status, response.body, response.content_type) == (
        200,
        b"hi",
        "text/plain; charset=utf-8",
    )
    assert head(response) == [(b"content-type", b"text/plain; charset=utf-8")]
    assert isinstance(response.headers, Header)
    assert repr(response) == "<HTTPResponse: 200 text/plain; charset=utf-8>"


@pytest.mark.parametrize("bad", [b"x", 1, None])
def test_text_refuses_non_str(bad: Any) -> None:
    with pytest.raises(TypeError, match="Expected str"):
        text(bad)


def test_json_uses_compact_ujson_without_escaping_slashes() -> None:
    response = json({"a": 1, "b": "é/"})
    assert isinstance(response, JSONResponse)
    assert response.body == b'{"a":1,"b":"\\u00e9/"}'
    assert response.content_type == "application/json"


@pytest.mark.parametrize(
    "value",
    ["a/b", "a\\/b", "\\", "\\\\/", "//", {"/k\\": ["\\/", "x/"]}, "\u00e9/\\"],
)
def test_json_slashes_and_backslashes_come_out_like_sanic(value: Any) -> None:
    # Sanic's encoder: ujson with escape_forward_slashes=False; a backslash stays escaped.
    import ujson

    expected = ujson.dumps(value, escape_forward_slashes=False).encode()
    assert json(value).body == expected
    assert stdlib_json.loads(json(value).body) == value


def test_json_options_and_custom_dumps() -> None:
    assert json({"a": 1}, indent=2).body == b'{\n  "a": 1\n}'
    custom = json({"a": 1}, dumps=stdlib_json.dumps, separators=(",", ":"), status=201)
    assert (custom.body, custom.status) == (b'{"a":1}', 201)
    assert json(None).body == b"null"
    vendor = json([], headers={"X": "1"}, content_type="application/vnd.x+json")
    assert head(vendor) == [(b"X", b"1"), (b"content-type", b"application/vnd.x+json")]


def test_json_response_editing() -> None:
    response = json([1])
    response.append(2)
    response.extend([3])
    assert response.pop(0) == 1
    assert (response.raw_body, response.body) == ([2, 3], b"[2,3]")
    mapping = json({"a": 1})
    mapping.update({"b": 2})
    assert mapping.pop("a") == 1 and mapping.pop("z", 5) == 5
    assert mapping.body == b'{"b":2}'
    mapping.set_body({"z": 1}, dumps=stdlib_json.dumps)
    assert mapping.body == b'{"z": 1}'
    mapping.raw_body = {"k": "v"}
    assert mapping.body == b'{"k":"v"}'  # set_body's dumps is for that call only


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: json({}).append(1), "Cannot append to a non-list object."),
        (lambda: json({}).extend([1]), "Cannot extend a non-list object."),
        (lambda: json([]).update({}), "Cannot update a non-dict object."),
        (lambda: json("x").pop(0), "Cannot pop from a non-list and non-dict object."),
    ],
)
def test_json_response_editing_errors(call: Any, message: str) -> None:
    with pytest.raises(SanicException, match=message):
        call()


def test_json_body_set_by_hand_freezes_raw_body() -> None:
    response = json({"a": 1})
    response.body = b"manual"
    with pytest.raises(SanicException, match="manually set"):
        response.raw_body  # noqa: B018
    with pytest.raises(TypeError, match="default"):
        json([1]).pop(0, 1)


def test_json_unserialisable_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        json({"x": object()})


def test_html_accepts_str_bytes_and_html_objects() -> None:
    class Markup:
        def __html__(self) -> str:
            return "<i>x</i>"

    class Display:
        def _repr_html_(self) -> str:
            return "<r>"

    assert html("<b>").body == b"<b>"
    assert html(b"<b>").body == b"<b>"
    assert html(Markup()).body == b"<i>x</i>"
    assert html(Display()).body == b"<r>"
    assert html("x").content_type == "text/html; charset=utf-8"


def test_raw_and_empty() -> None:
    assert (raw(b"\x00").body, raw("x").content_type) == (b"\x00", "application/octet-stream")
    nothing = empty()
    assert (nothing.status, nothing.body, head(nothing)) == (204, b"", [])
    assert head(empty(304, headers={"X": "1"})) == [(b"X", b"1")]


def test_redirect_quotes_the_location() -> None:
    response = redirect("/a b?x=é&y=1#frag")
    assert response.status == 302
    assert response.headers["Location"] == "/a%20b?x=%C3%A9&y=1#frag"
    moved = redirect("http://ex.com/ä", status=301, headers={"x": "y"})
    assert head(moved) == [
        (b"x", b"y"),
        (b"Location", b"http://ex.com/%C3%A4"),
        (b"content-type", b"text/html; charset=utf-8"),
    ]


def test_redirect_space_is_plus_only_in_the_query() -> None:
    # RFC 3986 3.3: a "+" in a path is a plus, so "/a+b" is another resource than
    # "/a b" (Sanic sends the client there); in a query "+" is a space (form encoding).
    assert redirect("/files/my file.txt?q=a b#see also").headers["Location"] == (
        "/files/my%20file.txt?q=a+b#see%20also"
    )
    assert redirect("http://h.example/p q").headers["Location"] == "http://h.example/p%20q"
    assert redirect("/a+b?c+d").headers["Location"] == "/a+b?c+d"


def test_redirect_percent_that_starts_no_escape_is_encoded() -> None:
    # RFC 3986 2.1, RFC 9110 10.2.2: "/100%" is no URI reference; escapes already made
    # are kept as they are.
    assert redirect("/100%").headers["Location"] == "/100%25"
    assert redirect("/a%zz?q=5%&r=%2").headers["Location"] == "/a%25zz?q=5%25&r=%252"
    assert redirect("/caf%C3%A9?q=%c3%bc#x%20y").headers["Location"] == (
        "/caf%C3%A9?q=%c3%bc#x%20y"
    )


def test_redirect_gives_an_international_host_name_in_idna_form() -> None:
    # RFC 3986 3.2.2: a producer SHOULD give an IDN in IDNA form, the form DNS resolves;
    # Sanic sent `http://b%C3%BCcher.example/...`. Userinfo, port, path and query as before.
    assert redirect("http://bücher.example/ä?q=ü").headers["Location"] == (
        "http://xn--bcher-kva.example/%C3%A4?q=%C3%BC"
    )
    assert redirect("https://u:pä@Bücher.example:8443/x").headers["Location"] == (
        "https://u:p%C3%A4@xn--bcher-kva.example:8443/x"
    )
    assert redirect("//ü.example").headers["Location"] == "//xn--tda.example"
    # No host, an IP literal, or a name IDNA refuses (an empty label): percent-encoded.
    assert redirect("/bücher.example/x").headers["Location"] == "/b%C3%BCcher.example/x"
    assert redirect("http://[::1]/ä").headers["Location"] == "http://[::1]/%C3%A4"
    assert redirect("http://a..ü/").headers["Location"] == "http://a..%C3%BC/"


def test_redirect_takes_bytes_as_sanic_does() -> None:
    assert redirect(b"/caf\xc3\xa9 x?q=a b").headers["Location"] == "/caf%C3%A9%20x?q=a+b"
    assert redirect(b"/\xff").headers["Location"] == "/%FF"
    with pytest.raises(TypeError):
        redirect(None)  # type: ignore[arg-type]


def test_http_response_headers_and_content_type() -> None:
    given = HTTPResponse("s", 201, {"content-type": "a/b"})
    assert head(given) == [(b"content-type", b"a/b")]
    assert (
        HTTPResponse(b"s", headers={"content-type": "a/b"}, content_type="c/d").content_type
        == "c/d"
    )
    assert head(HTTPResponse()) == []
    assert head(HTTPResponse(status=100)) == []
    values = HTTPResponse(headers={"X": 1, "Y": "é"})  # type: ignore[dict-item]
    assert head(values) == [(b"X", b"1"), (b"Y", "é".encode())]


class RecordingStream:
    def __init__(self) -> None:
        self.sent: list[tuple[bytes, bool]] = []

    async def send(self, data: bytes, end_stream: bool | None) -> None:
        self.sent.append((data, bool(end_stream)))


async def test_send_through_the_stream() -> None:
    response = text("x")
    with pytest.raises(SanicException, match="No stream is connected"):
        await response.send(b"a")
    stream = RecordingStream()
    response.stream = stream
    await response.send("a")
    await response.send(b"b", False)
    await response.send()
    assert stream.sent == [(b"a", False), (b"b", False), (b"", True)]


async def test_send_after_the_stream_ended() -> None:
    response = text("x")
    response.stream = RecordingStream()
    response.stream.send = None
    await response.send()  # finishing twice is harmless
    with pytest.raises(ServerError, match="no more response data"):
        await response.send(b"late")


async def test_response_as_async_context_manager() -> None:
    response = HTTPResponse()
    stream = RecordingStream()
    response.stream = stream
    async with response as send:
        await send("part")
    assert stream.sent == [(b"part", False), (b"", True)]


class FakeRequest:
    def __init__(self) -> None:
        self.stream = RecordingStream()

    async def respond(self, **kwargs: Any) -> HTTPResponse:
        response = HTTPResponse(**kwargs)
        response.stream = self.stream
        return response


async def test_response_stream_runs_its_function() -> None:
    async def produce(response: ResponseStream) -> None:
        await response.write("a")
        await response.write(b"b")

    streamed = ResponseStream(produce, status=201, headers={"X": "1"}, content_type="text/x")
    assert (streamed.status, streamed.content_type, streamed.body) == (201, "text/x", None)
    request = FakeRequest()
    bound = await streamed(request)
    await streamed.eof()
    assert request.stream.sent == [(b"a", False), (b"b", False), (b"", True)]
    assert bound.status == 201
    assert head(streamed) == [(b"X", b"1"), (b"content-type", b"text/x")]


def test_response_has_slots() -> None:
    with pytest.raises(AttributeError):
        text("x").anything = 1  # type: ignore[attr-defined]


def _slot_values(obj: object) -> dict[str, object]:
    names = {n for cls in type(obj).__mro__ for n in getattr(cls, "__slots__", ())}
    return {n: getattr(obj, n, "<unset>") for n in sorted(names)}


def test_inlined_text_and_json_build_what_their_constructors_build() -> None:
    # text(), json() and raw() skip __init__ on their common call (hot path); every slot
    # must still hold what the constructor would have put there.
    from hurtle_http.response import HTTPResponse, JSONResponse, json, raw, text

    assert _slot_values(text("héllo", 201)) == _slot_values(
        HTTPResponse("héllo", 201, None, "text/plain; charset=utf-8")
    )
    for body in (b"\x00x", b""):
        assert _slot_values(raw(body, 202)) == _slot_values(
            HTTPResponse(body, 202, None, "application/octet-stream")
        )
    # the other bodies and headers= take the constructor
    for body, status, headers in ((None, 200, None), ("é", 201, None), (b"x", 200, {"a": "1"})):
        built = raw(body, status, headers)  # type: ignore[arg-type]
        assert _slot_values(built) == _slot_values(
            HTTPResponse(body, status, headers, "application/octet-stream")
        )
    assert raw(bytearray(b"ab")).body == bytearray(b"ab")
    built = json({"a": "/x", "b": [1, 2]}, 202)
    assert _slot_values(built) == _slot_values(
        JSONResponse({"a": "/x", "b": [1, 2]}, 202, None, "application/json")
    )


def test_a_subclass_may_list_the_response_fields_in_its_own_slots() -> None:
    # Sanic keeps them in plain slots, so a subclass may name them again (sanic-ext's
    # template responses do); headers given to the constructor must still be there.
    class Listed(HTTPResponse):
        __slots__ = ("body", "status", "content_type", "headers", "_cookies", "extra")

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.extra = "kept"

    response = Listed(body="hi", status=201, headers={"x-a": "1"}, content_type="text/html")
    assert response.headers["x-a"] == "1"
    response.headers["x-b"] = "2"
    response.add_cookie("c", "v")
    assert (response.status, response.body, response.extra) == (201, b"hi", "kept")
    fields = dict(head(response))
    assert fields[b"x-a"] == b"1" and fields[b"x-b"] == b"2"
    assert fields[b"content-type"] == b"text/html"
    assert fields[b"Set-Cookie"].startswith(b"c=v")


@pytest.mark.parametrize(
    "make",
    [
        lambda h: text("x", headers=h),
        lambda h: json({"a": 1}, headers=h),
        lambda h: html("x", headers=h),
        lambda h: raw(b"x", headers=h),
        lambda h: empty(headers=h),
        lambda h: HTTPResponse("x", headers=h),
        lambda h: JSONResponse({"a": 1}, headers=h),
    ],
)
def test_a_header_given_is_copied_not_shared(make: Any) -> None:
    """As Sanic: the fields a response gains while it is sent (its content-type here) do not
    reach a Header the app passes to several responses (JSON went out as text/plain)."""
    shared = Header([("x-a", "1")])
    response = make(shared)
    assert response.headers is not shared
    head(response)
    response.headers["x-b"] = "2"
    assert list(shared.items()) == [("x-a", "1")]
    assert ("x-a", "1") in response.headers.items()
