"""``request.headers`` of a head without framing fields is built on first use, and is the
same ``Header`` (fields, order, duplicates, case of the names) as one built at once."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

import hurtle_http.http as http_module
import hurtle_http.request.types as types_module
from hurtle_http.headers import Header
from hurtle_http.request import Request
from hurtle_http.response import text
from hurtle_http.server import HandlerApp
from hurtle_http.testing import FakeConnection

from .conftest import exchange

# Ordinary fields only (Host aside): duplicates in two cases, a value that is no UTF-8,
# a name the name cache has not seen.
_FIELDS = (
    b"Host: example.com\r\n"
    b"X-Dup: one\r\n"
    b"Accept: */*\r\n"
    b"x-DUP: two\r\n"
    b"X-Latin: caf\xe9\r\n"
    b"X-Never-Seen-Before-1234: v\r\n"
    b"Connection: keep-alive\r\n"
)


def _seen(request: Any) -> dict[str, Any]:
    headers = request.headers
    return {
        "type": type(headers).__name__,
        "items": list(headers.items()),
        "names": list(headers),
        "keys": list(headers.keys()),
        "dup": headers.getall("X-DUP"),
        "latin": headers.get("x-latin"),
        "same": request.headers is headers,
        "raw": request.raw_headers.decode("latin-1"),
    }


async def _answer(head: bytes) -> dict[str, Any]:
    seen: list[dict[str, Any]] = []

    async def handler(request: Any) -> Any:
        seen.append(_seen(request))
        return text("ok")

    conn = FakeConnection(handler)
    [res] = await exchange(conn, head)
    assert res.status == 200
    return seen[0]


async def test_fields_read_later_are_those_of_a_header_built_at_once() -> None:
    lazy = await _answer(b"GET / HTTP/1.1\r\n" + _FIELDS + b"\r\n")
    # A framing field makes the core build the Header while reading the head.
    eager = await _answer(b"GET / HTTP/1.1\r\n" + _FIELDS + b"Content-Length: 0\r\n\r\n")
    assert lazy["type"] == "Header" and lazy["same"] is True
    assert eager["items"][:-1] == lazy["items"]
    assert eager["names"][:-1] == lazy["names"] == [
        "host", "x-dup", "accept", "x-dup", "x-latin", "x-never-seen-before-1234", "connection",
    ]
    assert eager["keys"][:-1] == lazy["keys"]
    assert lazy["dup"] == eager["dup"] == ["one", "two"]
    assert lazy["latin"] == eager["latin"] == "caf\udce9"
    assert lazy["raw"] == eager["raw"].rsplit("\r\n", 1)[0]
    assert lazy["raw"].startswith("Host: example.com\r\nX-Dup: one\r\n")


async def test_a_request_that_never_reads_its_fields_builds_no_header(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[Any] = []

    class Counted(Header):
        __slots__ = ()

        def __init__(self, *args: Any) -> None:
            built.append(args)
            super().__init__(*args)

    monkeypatch.setattr(http_module, "Header", Counted)
    monkeypatch.setattr(types_module, "Header", Counted)

    async def handler(request: Any) -> Any:
        if request.path == "/read":
            return text(request.headers["x-a"])
        return text("ok")

    conn = FakeConnection(handler)
    responses = await exchange(conn, b"GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n\r\n")
    assert [r.body for r in responses] == [b"ok"] and built == []
    responses = await exchange(conn, b"GET /read HTTP/1.1\r\nHost: h\r\nX-A: 2\r\n\r\n")
    assert [r.body for r in responses] == [b"2"] and len(built) == 1


@pytest.mark.parametrize(
    ("head", "version", "keep_alive"),
    [
        (b"GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n\r\n", "1.1", True),
        (b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "1.1", False),
        (b"GET / HTTP/1.0\r\nX-A: 1\r\n\r\n", "1.0", False),
        (b"GET / HTTP/1.0\r\nCONNECTION: Keep-Alive\r\n\r\n", "1.0", True),
    ],
)
@pytest.mark.parametrize("framing", [b"", b"Content-Length: 0\r\n"])  # read without, with a Header
async def test_a_head_has_its_version_and_connection_read_with_or_without_a_header(
    head: bytes, version: str, keep_alive: bool, framing: bytes
) -> None:
    async def handler(request: Any) -> Any:
        return text(f"{request.version} {dict(request.headers)}")

    conn = FakeConnection(handler)
    [res] = await exchange(conn, head[:-2] + framing + b"\r\n")
    assert res.body.decode().startswith(version + " {")
    assert res.header("connection") == ("keep-alive" if keep_alive else "close")


async def test_headers_assigned_by_the_handler_are_what_it_reads_back() -> None:
    async def handler(request: Any) -> Any:
        request.headers = Header({"x-b": "2"})
        return text(",".join(request.headers))

    conn = FakeConnection(handler)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n\r\n")
    assert res.body == b"x-b"


async def test_a_task_reading_the_fields_after_the_next_request_sees_its_own() -> None:
    release = asyncio.Event()
    later: list[Any] = []

    async def read_later(request: Any) -> None:
        await release.wait()
        later.append(list(request.headers.items()))

    async def handler(request: Any) -> Any:
        if request.path == "/spawn":
            asyncio.get_running_loop().create_task(read_later(request))
        return text("ok")

    conn = FakeConnection(handler)
    await exchange(conn, b"GET /spawn HTTP/1.1\r\nHost: h\r\nX-A: first\r\n\r\n")
    await exchange(conn, b"GET / HTTP/1.1\r\nHost: h\r\nX-A: second\r\nX-C: 3\r\n\r\n")
    release.set()
    for _ in range(10):
        await asyncio.sleep(0)
    assert later == [[("host", "h"), ("x-a", "first")]]


class _OwnRequest(Request):
    """A request_class with an __init__ of its own (the core calls it, not its inlined copy)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.own = True


@pytest.mark.parametrize("framing", [b"", b"Content-Length: 0\r\n"])  # read without, with a Header
@pytest.mark.parametrize("read_first", [False, True])
@pytest.mark.parametrize("request_class", [None, _OwnRequest])
async def test_raw_headers_are_as_received_after_the_fields_are_changed(
    framing: bytes, read_first: bool, request_class: type[Request] | None
) -> None:
    # As in Sanic: raw_headers is the head as the client sent it, not the Header after a
    # middleware (here the handler) added, removed or replaced fields.
    async def handler(request: Any) -> Any:
        if read_first:
            request.raw_headers  # noqa: B018
        headers = request.headers
        headers["x-added"] = "mw"
        headers.add("X-Dup", "three")
        del headers["x-gone"]
        headers["accept"] = "text/html"
        first = request.raw_headers
        request.headers = Header({"x-replaced": "1"})
        assert request.raw_headers == first
        return text(first.decode("latin-1"))

    received = b"Host: h\r\nX-Dup: one\r\nX-Gone: 1\r\nAccept: */*\r\n" + framing
    conn = FakeConnection(
        handler if request_class is None else HandlerApp(handler, request_class=request_class)
    )
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\n" + received + b"\r\n")
    assert res.body == received.rstrip(b"\r\n")


@pytest.mark.parametrize("framing", [b"", b"Content-Length: 0\r\n"])  # read without, with a Header
@pytest.mark.parametrize("request_class", [None, _OwnRequest])
async def test_raw_headers_and_head_are_as_received_after_headers_are_set_to_none(
    framing: bytes, request_class: type[Request] | None
) -> None:
    # As in Sanic (which keeps the head's bytes): a middleware that sets
    # ``request.headers = None`` reads None back, and raw_headers/head still show the
    # head as received; they raised AttributeError ('NoneType' ... 'items').
    async def handler(request: Any) -> Any:
        request.headers = None
        assert request.headers is None
        return text((request.head + b"|" + request.raw_headers).decode("latin-1"))

    received = b"Host: h\r\nX-Dup: one\r\nAccept: */*\r\n" + framing
    conn = FakeConnection(
        handler if request_class is None else HandlerApp(handler, request_class=request_class)
    )
    [res] = await exchange(conn, b"GET /p?q=1 HTTP/1.1\r\n" + received + b"\r\n")
    fields = received.rstrip(b"\r\n")
    assert res.body == b"GET /p?q=1 HTTP/1.1\r\n" + fields + b"|" + fields
