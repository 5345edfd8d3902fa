"""The fast request path (one Task per connection, ``Http.finish``) answers like the slow one."""

from __future__ import annotations

import asyncio
import re
import sys
import types
from typing import Any

import pytest

from hurtle_http import datefield
from hurtle_http.http import Http
from hurtle_http.protocol import HttpProtocol
from hurtle_http.request import Request
from hurtle_http.response import HTTPResponse, empty, json, raw, text
from hurtle_http.server import HandlerApp
from hurtle_http.testing import FakeConnection, parse_responses

from .conftest import echo, exchange, hello


@pytest.fixture(autouse=True)
def _one_second(monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests here compare two connections' bytes, Date field included: with the wall
    # clock, a second that turned between them (a slow machine, a logged traceback) made
    # them differ. The clock is held at one second instead.
    monkeypatch.setattr(datefield, "time", types.SimpleNamespace(time=lambda: 1_800_000_000.0))
    datefield._refresh()


@pytest.mark.parametrize(("line", "status"), [(b"GET / HTTP/2.0", 505), (b"GET / HTTP/0.9", 400)])
@pytest.mark.parametrize("connection", [b"", b"Connection: keep-alive\r\n", b"Connection: close\r\n"])
async def test_versions_other_than_1_0_and_1_1_are_refused_whatever_the_connection_field(
    line: bytes, status: int, connection: bytes
) -> None:
    conn = FakeConnection(echo)
    [res] = await exchange(conn, line + b"\r\nHost: x\r\n" + connection + b"\r\n")
    assert res.status == status  # 505: RFC 9110 15.6.6 (Sanic: 400)


@pytest.mark.parametrize(
    ("head", "keep_alive"),
    [
        (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", True),
        (b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", False),
        (b"GET / HTTP/1.0\r\n\r\n", False),
        (b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", True),
    ],
)
async def test_version_and_keep_alive_reach_the_request_and_the_response(
    head: bytes, keep_alive: bool
) -> None:
    async def handler(request: Any) -> Any:
        return text(request.version)

    conn = FakeConnection(handler)
    [res] = await exchange(conn, head)
    assert res.body == head[11:14]
    assert res.header("connection") == ("keep-alive" if keep_alive else "close")
    assert conn.closed is not keep_alive


async def test_one_task_serves_the_keep_alive_connection_and_each_request_is_current() -> None:
    seen: list[tuple[Any, Any]] = []

    async def handler(request: Any) -> Any:
        seen.append((asyncio.current_task(), Request.get_current()))
        if request.path == "/wait":
            await asyncio.sleep(0)
        return text(request.path)

    conn = FakeConnection(handler)
    pipelined = b"GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /wait HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"
    responses = await exchange(conn, pipelined)
    responses += await exchange(conn, b"GET /c HTTP/1.1\r\nHost: x\r\n\r\n")
    assert [r.body for r in responses] == [b"/a", b"/wait", b"/b", b"/c"]
    tasks = {task for task, _ in seen}
    assert len(tasks) == 1 and None not in tasks
    assert [request.path for _, request in seen] == ["/a", "/wait", "/b", "/c"]


async def test_an_idle_connection_parks_its_task_and_closing_ends_it() -> None:
    conn = FakeConnection(hello)
    await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    http = conn.protocol.http
    task = http.task
    assert task is not None and not task.done() and not http.running
    assert conn.protocol.close_if_idle() is True
    await conn.settle()
    assert task.done() and http.task is None


def _fields(raw_head: bytes) -> list[bytes]:
    return raw_head.split(b"\r\n\r\n", 1)[0].split(b"\r\n")


@pytest.mark.parametrize(
    "make",
    [
        lambda: text("hi"),
        lambda: text("hi", headers={"X-A": "1", "Content-Type": "text/x-mine"}),
        lambda: text("hi", headers={"X-A": "1", "x-b": "", "X-C": "3 4"}),
        lambda: json({"a": 1}, headers={"X-Middleware": "1"}),
        lambda: json({"a": "/"}, status=201),
        lambda: raw(b"\x00\x01", status=299),
        lambda: HTTPResponse(None, 200),
    ],
)
async def test_the_fast_head_equals_the_slow_one(make: Any) -> None:
    async def handler(request: Any) -> Any:
        response = make()
        if request.path == "/slow":
            await request.respond(response)  # bound first: finish() does not apply
            await response.send(end_stream=True)
            return None
        return response

    conn = FakeConnection(handler)
    conn.receive(b"GET /fast HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    fast = conn.take()
    conn.receive(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    slow = conn.take()
    # the Date value may differ when the two answers straddle a second
    assert _undated(fast) == _undated(slow)
    assert fast.startswith(b"HTTP/1.1 ")


@pytest.mark.parametrize(
    "fields",
    [
        {"X-A": "1", "X-Bad": "a\r\nSet-Cookie: evil=1"},
        {"X-A": "1", "X-B": "2", "X-Bad": "b\nevil: 1"},
        {"X-Bad\r\nevil": "1", "X-A": "1"},
        {"X-A": "1\r", "X-B": "evil"},
        {"X-A": "\nevil"},
    ],
)
async def test_cr_or_lf_in_any_of_several_fields_is_a_500_on_the_fast_path(
    fields: dict[str, str],
) -> None:
    # finish() searches the fields joined without their CRLFs: a CR or LF anywhere in a
    # name or value, in any field, must still send the whole response to the slow path.
    async def handler(request: Any) -> Any:
        return text("x", headers=fields)

    conn = FakeConnection(handler)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    data = conn.take()
    [res] = parse_responses(data)
    assert res.status == 500
    assert b"evil" not in data


@pytest.mark.parametrize(
    ("make", "check"),
    [
        (lambda: empty(), lambda r: r.status == 204 and r.header("content-length") is None),
        (
            lambda: text("abc", headers={"Content-Length": "3"}),
            lambda r: r.header("content-length") == "3" and r.body == b"abc",
        ),
        (
            lambda: text("abc", headers={"Connection": "close"}),
            lambda r: r.header("connection") == "close",
        ),
    ],
)
async def test_responses_that_change_framing_still_frame_correctly(make: Any, check: Any) -> None:
    async def handler(request: Any) -> Any:
        return make()

    conn = FakeConnection(handler)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert check(res)


async def test_head_request_gets_the_head_without_the_body() -> None:
    conn = FakeConnection(hello)
    [res] = await exchange(conn, b"HEAD / HTTP/1.1\r\nHost: x\r\n\r\n", head_only=True)
    assert res.header("content-length") == "5"
    assert conn.take() == b""


async def test_unread_body_is_drained_after_the_answer_and_the_connection_kept(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """As Sanic 25.12: a stream route answering before the rest of its body came says
    keep-alive, logs that the body was not consumed, reads and drops the rest, and serves
    the next request of the connection."""

    async def handler(request: Any) -> Any:
        return text("early")  # answers before the rest of the body came

    conn = FakeConnection(HandlerApp(handler, stream=True))
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
    await conn.settle()
    data = conn.take()
    assert b"connection: keep-alive" in data and data.endswith(b"early")
    assert "<Request: POST /> body not consumed." in caplog.text
    conn.receive(b"defghij" + b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    await conn.settle()
    data = conn.take()
    assert data.startswith(b"HTTP/1.1 200 OK\r\n") and data.endswith(b"early")
    assert b"connection: close" in data
    assert data.count(b"HTTP/1.1 ") == 1


@pytest.mark.parametrize("pieces", [1, 3])
async def test_a_body_here_already_or_in_pieces_reaches_the_handler_whole(pieces: int) -> None:
    body = b"0123456789" * 30
    head = b"POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(body)
    data = head + body + b"GET /next HTTP/1.1\r\nHost: x\r\n\r\n"
    conn = FakeConnection(echo)
    step = len(data) // pieces + 1
    for i in range(0, len(data), step):
        conn.receive(data[i : i + step])
        await conn.settle()
    responses = parse_responses(conn.take())
    assert [r.body for r in responses] == [b"POST /p " + body, b"GET /next "]
    assert not conn.closed


@pytest.mark.parametrize("bound", ["none", "sent", "bound-only", "replaced", "stream"])
async def test_what_a_plain_handler_returns_after_responding_itself(bound: str) -> None:
    from hurtle_http.response import ResponseStream

    async def handler(request: Any) -> Any:
        if bound == "none":
            return None  # nothing bound, nothing returned: a 500
        if bound == "sent":
            response = await request.respond(text("sent"))
            await response.send(end_stream=True)
            return response  # the same, finished response
        if bound == "bound-only":
            return await request.respond(text("bound"))  # bound, not sent: finished for it
        if bound == "replaced":
            await request.respond(text("first"))
            return text("second")  # nothing was sent: the returned one goes out

        async def produce(response: Any) -> None:
            await response.write("streamed")

        return ResponseStream(produce)

    conn = FakeConnection(handler)
    [res] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    expected = {"none": None, "sent": b"sent", "bound-only": b"bound", "replaced": b"second"}
    if bound == "none":
        assert res.status == 500
    elif bound == "stream":
        assert res.status == 200 and res.body == b"streamed"
    else:
        assert res.status == 200 and res.body == expected[bound]
    assert not conn.closed or bound == "none"


# -- requests answered by run_parked (a parked connection Task, a complete request alone) --

# run_parked needs create_task(context=), Python 3.11+; on 3.10 the Task answers them all.
PARKS = 1 if sys.version_info >= (3, 11) else 0

WARM_UP = b"GET /warm-up HTTP/1.1\r\nHost: x\r\n\r\n"


class _CountingHttp(Http):
    """``Http`` counting the requests answered for its parked Task (``data_received``
    hands each to the connection's handler pump, which nothing else sends to)."""

    __slots__ = ("parked",)

    def __init__(self, protocol: Any) -> None:
        super().__init__(protocol)
        self.parked = 0

    def _start_pump(self) -> Any:
        send = super()._start_pump()

        def counting(request: Any) -> Any:
            self.parked += 1
            return send(request)

        self._pump_send = counting
        return counting


class _CountingProtocol(HttpProtocol):
    __slots__ = ()
    HTTP_CLASS = _CountingHttp


def _connection(handler: Any, **kwargs: Any) -> FakeConnection:
    return FakeConnection(handler, protocol_class=_CountingProtocol, **kwargs)


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET /x HTTP/1.1\r\nHost: h\r\n\r\n",
        b"HEAD /x HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        b"GET /x HTTP/1.0\r\n\r\n",
        b"GET /x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
        b"POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
        b"GET /x HTTP/1.1\r\nHost: x\r\n\r\nGET /y HTTP/1.1\r\nHost: x\r\n\r\n",  # pipelined: the Task answers
        b"GET /raise HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /none HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /wait HTTP/1.1\r\nHost: x\r\n\r\n",
    ],
)
async def test_a_parked_answer_writes_the_bytes_the_task_writes(request_bytes: bytes) -> None:
    async def handler(request: Any) -> Any:
        if request.path == "/raise":
            raise ValueError("no")
        if request.path == "/none":
            return None
        if request.path == "/wait":
            await asyncio.sleep(0)
        return text(f"{request.method} {request.path} {request.body!r} {request.version}")

    first = FakeConnection(handler)  # the request is the connection's first: the Task
    first.receive(request_bytes)
    await first.settle()
    by_task = first.take()

    second = _connection(handler)  # the same request on a warmed-up, parked connection
    await exchange(second, WARM_UP)
    second_http = second.protocol.http  # (None once the connection is over)
    second.receive(request_bytes)
    await second.settle()
    assert second.take() == by_task
    assert second.closed == first.closed
    assert second_http.parked == (0 if b"/y" in request_bytes else PARKS)
    if not second.closed:  # and the connection goes on
        [res] = await exchange(second, b"GET /after HTTP/1.1\r\nHost: x\r\n\r\n")
        assert res.body == b"GET /after b'' 1.1"


def _undated(answer: bytes) -> bytes:
    """``answer`` with the value of its one Date field blanked."""
    date = rb"\r\ndate: [A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} [\d:]{8} GMT\r\n"
    dated = re.subn(date, b"\r\ndate: -\r\n", answer)
    assert dated[1] == 1
    return dated[0]


@pytest.mark.parametrize(
    "make",
    [
        lambda: text("hi"),
        lambda: text("hi", content_type="text/x-mine"),
        lambda: json({"a": "/"}, status=201),
        lambda: raw(b"\x00\x01", status=299),
        lambda: text("gone", status=404),
        lambda: HTTPResponse(None, 200),
    ],
)
@pytest.mark.parametrize(
    "line", [b"GET /fast HTTP/1.1\r\nHost: x\r\n\r\n", b"GET /fast HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"]
)
@pytest.mark.parametrize("access_log", [False, True])
async def test_a_cached_head_sent_for_a_parked_task_equals_the_slow_one(
    make: Any,
    line: bytes,
    access_log: bool,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The handler pump writes a whole response whose head is cached without calling
    ``finish()``: the same bytes (and access-log line) as a response bound and sent (the
    slow path)."""
    finished: list[Any] = []
    finish = Http.finish

    def counted(self: Http, response: Any) -> bool:
        finished.append(response)
        return finish(self, response)

    monkeypatch.setattr(Http, "finish", counted)

    async def handler(request: Any) -> Any:
        response = make()
        if request.path == "/slow":
            await request.respond(response)  # bound first: no fast path applies
            await response.send(end_stream=True)
            return None
        return response

    conn = _connection(handler, config={"ACCESS_LOG": access_log})
    await exchange(conn, WARM_UP)
    conn_http = conn.protocol.http  # (None once the connection is over)
    caplog.set_level("INFO", logger="sanic.access")
    conn.receive(line)  # parked; its head is not cached yet: finish() writes it
    await conn.settle()
    first = conn.take()
    finished.clear()
    conn.receive(line)  # parked, head cached: written by the pump itself
    await conn.settle()
    fast = conn.take()
    assert len(finished) == 1 - PARKS and conn_http.parked == 2 * PARKS
    conn.receive(line.replace(b"/fast", b"/slow"))
    await conn.settle()
    slow = conn.take()
    # (the Date value may turn to the next second between the three answers)
    assert _undated(fast) == _undated(slow) == _undated(first)
    assert fast.startswith(b"HTTP/1.1 ") and not conn.closed
    logged = [(r.status, r.byte) for r in caplog.records if r.name == "sanic.access"]
    assert logged == ([(make().status, len(make().body or b""))] * 3 if access_log else [])


async def test_a_parked_answer_runs_as_the_connection_task_in_its_context() -> None:
    import contextvars

    var: contextvars.ContextVar[str] = contextvars.ContextVar("var")
    seen: list[tuple[Any, Any, str]] = []

    async def handler(request: Any) -> Any:
        seen.append((asyncio.current_task(), Request.get_current(), var.get("unset")))
        var.set(request.path)
        if request.path == "/wait":
            await asyncio.sleep(0)
            seen.append((asyncio.current_task(), Request.get_current(), var.get()))
        return text(request.path)

    conn = _connection(handler)
    await exchange(conn, b"GET /one HTTP/1.1\r\nHost: x\r\n\r\n")  # the Task
    for path in (b"/two", b"/wait", b"/three"):
        [res] = await exchange(conn, b"GET " + path + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        assert res.body == path
    assert conn.protocol.http.parked == 3 * PARKS
    task = conn.protocol.http.task
    assert [t for t, _, _ in seen] == [task] * 5
    assert [r.path for _, r, _ in seen] == ["/one", "/two", "/wait", "/wait", "/three"]
    # one context for the connection, as with a Task serving every request
    assert [v for _, _, v in seen] == ["unset", "/one", "/two", "/wait", "/wait"]
    assert asyncio.current_task() is not task  # the caller's task is current again


async def test_a_parked_answer_from_a_loop_callback_runs_as_the_task_and_leaves_none_current() -> None:
    """As the server calls it: data_received from a loop callback, no task current."""
    seen: list[Any] = []

    async def handler(request: Any) -> Any:
        seen.append(asyncio.current_task())
        if request.path == "/raise":
            raise ValueError("no")
        return text(request.path)

    conn = _connection(handler)
    await exchange(conn, WARM_UP)
    conn_http = conn.protocol.http  # (None once the connection is over)
    after: list[Any] = []

    def feed(path: bytes) -> None:
        conn.receive(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        after.append(asyncio.current_task())

    for path in (b"/one", b"/raise", b"/two"):
        asyncio.get_running_loop().call_soon(feed, path)
        await conn.settle()
    assert [res.status for res in parse_responses(conn.take())] == [200, 500, 200]
    assert seen == [conn.protocol.http.task] * 4
    assert after == [None, None, None]
    assert conn_http.parked == 3 * PARKS


async def test_a_parked_answer_that_suspends_is_cancelled_like_a_task_answer() -> None:
    cancelled: list[bool] = []

    async def handler(request: Any) -> Any:
        if request.path == "/slow":
            try:
                await asyncio.sleep(3600)
            except asyncio.CancelledError:
                cancelled.append(True)
                raise
        return text("ok")

    conn = _connection(handler, config={"RESPONSE_TIMEOUT": 5})
    await exchange(conn, WARM_UP)
    conn_http = conn.protocol.http  # (None once the connection is over)
    conn.receive(b"GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    await conn.advance(6)
    [res] = parse_responses(conn.take())
    assert conn_http.parked == PARKS
    assert res.status == 503 and cancelled == [True]


class _Awaitable:
    """An awaitable that is no coroutine."""

    def __init__(self, response: Any) -> None:
        self.response = response

    def __await__(self) -> Any:
        yield from asyncio.sleep(0).__await__()
        return self.response


async def _plain_handler(request: Any) -> Any:
    """Every kind of answer a plain handler gives, by path (HandlerApp.handle_request's
    steps, which run_parked takes inline for a request without a body)."""
    from hurtle_http.exceptions import NotFound

    kind = request.path[1:]
    if kind == "not-found":
        raise NotFound("nothing here")
    if kind == "respond":
        stream = await request.respond(content_type="text/plain")
        await stream.send("streamed")
        await stream.eof()
        return None
    if kind == "respond-unsent":
        return await request.respond(text("bound"))
    if kind == "close":
        return text("closing", headers={"connection": "close"})
    if kind == "length":
        return text("sized", headers={"content-length": "5"})
    if kind == "no-content":
        return empty()
    if kind == "bad-field":
        return text("split", headers={"x-a": "1\r\nx-b: 2"})
    if kind == "not-a-response":
        return "a str"
    if kind == "none":
        return None
    return text(f"{request.method} {kind}", headers={"x-kind": kind})


def _sync_handler(request: Any) -> Any:
    return _Awaitable(text("awaited")) if request.path == "/awaitable" else text("not awaitable")


@pytest.mark.parametrize(
    "path",
    [
        b"/plain",
        b"/not-found",
        b"/respond",
        b"/respond-unsent",
        b"/close",
        b"/length",
        b"/no-content",
        b"/bad-field",
        b"/not-a-response",
        b"/none",
    ],
)
@pytest.mark.parametrize("method", [b"GET", b"HEAD"])
async def test_a_parked_plain_handler_answers_as_handle_request(method: bytes, path: bytes) -> None:
    request_bytes = method + b" " + path + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    first = FakeConnection(_plain_handler)  # the Task: HandlerApp.handle_request
    first.receive(request_bytes)
    await first.settle()
    by_task = first.take()
    assert by_task

    second = _connection(_plain_handler)  # parked: its steps inline in the pump
    await exchange(second, WARM_UP)
    second_http = second.protocol.http  # (None once the connection is over)
    second.receive(request_bytes)
    await second.settle()
    assert second.take() == by_task
    assert second.closed == first.closed
    assert second_http.parked == PARKS


@pytest.mark.parametrize("path", [b"/awaitable", b"/other"])
async def test_a_parked_handler_returning_no_coroutine_answers_as_handle_request(
    path: bytes,
) -> None:
    request_bytes = b"GET " + path + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    first = FakeConnection(_sync_handler)
    first.receive(request_bytes)
    await first.settle()
    by_task = first.take()

    second = _connection(_sync_handler)
    await exchange(second, WARM_UP)
    second.receive(request_bytes)
    await second.settle()
    assert second.take() == by_task
    assert parse_responses(by_task)[0].status == (200 if path == b"/awaitable" else 500)


class _Shout(Request):
    async def receive_body(self) -> None:
        await super().receive_body()
        self.body = self.body.upper()


async def _body_handler(request: Any) -> Any:
    if request.path == "/stream":  # HandlerApp(stream=True): the handler reads it
        chunks = [chunk async for chunk in request.stream]
        return raw(b"|".join(chunks))
    return raw(request.body)


@pytest.mark.parametrize("kind", ["plain", "own-receive-body", "stream"])
async def test_a_parked_plain_handler_reads_the_body_as_handle_request(kind: str) -> None:
    def app() -> HandlerApp:
        if kind == "own-receive-body":
            return HandlerApp(_body_handler, request_class=_Shout)
        return HandlerApp(_body_handler, stream=kind == "stream")

    path = b"/stream" if kind == "stream" else b"/"
    request_bytes = b"POST " + path + b" HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nshout"
    first = FakeConnection(app())
    first.receive(request_bytes)
    await first.settle()
    by_task = first.take()
    assert parse_responses(by_task)[0].body == (b"SHOUT" if kind == "own-receive-body" else b"shout")

    second = _connection(app())
    await exchange(second, WARM_UP)
    second_http = second.protocol.http  # (None once the connection is over)
    second.receive(request_bytes)
    await second.settle()
    assert second.take() == by_task
    assert second_http.parked == PARKS


async def test_a_request_class_overriding_receive_body_reads_the_body_itself() -> None:
    class Upper(Request):
        async def receive_body(self) -> None:
            await super().receive_body()
            self.body = self.body.upper()

    async def handler(request: Any) -> Any:
        return raw(request.body)

    conn = FakeConnection(HandlerApp(handler, request_class=Upper))
    [res] = await exchange(conn, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nshout")
    assert res.status == 200
    assert res.body == b"SHOUT"


@pytest.mark.parametrize(
    ("length", "status"),
    [
        (b"5", 200),
        (b"05", 200),
        (b"5\r\nContent-Length: 5", 400),  # repeated (also refused by Sanic)
        (b"5\r\nContent-Length: 6", 400),  # repeated, differing
        (b"\xd9\xa5", 400),  # ARABIC-INDIC DIGIT FIVE: int() would take it
        (b"+5", 400),
        (b"99999999999", 413),
    ],
)
async def test_content_length_values(length: bytes, status: int) -> None:
    conn = FakeConnection(echo, config={"REQUEST_MAX_SIZE": 1000})
    [res] = await exchange(conn, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + b"\r\n\r\nhello")
    assert res.status == status
    if status == 200:
        assert res.body.endswith(b" hello")


_FIELDS = b"".join(b"X-%d: %s\r\n" % (i, b"v" * 30) for i in range(4))  # 4 fields, 148 bytes
_SMALL = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"
# 175 bytes; 171 as Sanic measures a head (up to the blank line's last 4 bytes)
_BIG = b"GET / HTTP/1.1\r\nHost: x\r\n" + _FIELDS + b"\r\n"


@pytest.mark.parametrize("cut", [None, 5, 20, 60, 100, 150])
@pytest.mark.parametrize(("limit", "status"), [(172, 200), (171, 431)])
async def test_the_header_limit_holds_on_a_kept_alive_connection_however_reads_fall(
    cut: int | None, limit: int, status: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a first request, reads take the connection's fast path, which measures a head
    only once it may pass REQUEST_MAX_HEADER_SIZE: the answer is the same for any cut."""
    # the connection's own setting (no app start-up set the process-wide one)
    monkeypatch.setattr(Http, "HEADER_MAX_SIZE", 0)
    conn = FakeConnection(echo, config={"REQUEST_MAX_HEADER_SIZE": limit})
    [first] = await exchange(conn, _SMALL)
    assert first.status == 200
    pieces = [_BIG] if cut is None else [_BIG[:cut], _BIG[cut:]]
    for piece in pieces:
        conn.receive(piece)
        await conn.settle()
    [res] = parse_responses(conn.take())
    assert res.status == status


async def test_too_many_fields_in_a_small_head_is_431() -> None:
    conn = FakeConnection(echo, config={"REQUEST_MAX_HEADERS": 3})
    first, second = await exchange(conn, _SMALL + _BIG)
    assert (first.status, second.status) == (200, 431)


async def _version(request: Any) -> Any:
    return text(request.version)


@pytest.mark.parametrize(
    ("reads", "answers"),
    [
        ([b"GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n"], [(200, "1.1")]),
        ([b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"], [(200, "1.0")]),
        ([b"GET / HTTP/2.0\r\nConnection: keep-alive\r\n\r\n"], [(505, None)]),
        ([b"GET / HTTP/1.0\r\nConnection: keep-alive\r\nX: a HTTP/1.1\r\nHost: x\r\n\r\n"], [(200, "1.0")]),
        (
            [b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n"],
            [(200, "1.0"), (200, "1.1")],
        ),
        (
            [b"GET / HTTP/1.0\r\nConnection: keep-", b"alive\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n"],
            [(200, "1.0"), (200, "1.1")],
        ),
    ],
)
async def test_the_http_version_of_kept_alive_requests_on_the_fast_path(
    reads: list[bytes], answers: list[tuple[int, str | None]]
) -> None:
    """A Connection field sends the version question to the parser (only a head without
    one that llhttp keeps alive is HTTP/1.1 for sure)."""
    conn = FakeConnection(HandlerApp(_version))
    [first] = await exchange(conn, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")  # then the fast path
    assert first.body == b"1.1"
    for data in reads:
        conn.receive(data)
        await conn.settle()
    got = [(res.status, res.body.decode() if res.status == 200 else None) for res in parse_responses(conn.take())]
    assert got == answers


async def test_field_values_that_are_not_strings_are_written_as_str() -> None:
    async def handler(request: Any) -> Any:
        response = text("ok")
        response.headers["x-count"] = 5  # type: ignore[assignment]
        response.headers.add("x-many", "a")
        response.headers.add("x-many", "b")
        return response

    conn = FakeConnection(HandlerApp(handler))
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    data = conn.take()
    assert b"\r\nx-count: 5\r\nx-many: a\r\nx-many: b\r\n" in data
    [res] = parse_responses(data)
    assert res.status == 200 and res.body == b"ok"


class _OneShotFields(dict):  # type: ignore[type-arg]
    """Header fields a handler set as its own mapping, whose items() can be read once."""

    def items(self) -> Any:  # type: ignore[override]
        return iter(list(super().items()))


async def test_fields_of_a_mapping_read_once_are_all_written_when_a_value_is_no_str() -> None:
    # The fields are first joined as str; a value that is no str (here the second) makes
    # that fail part-way, and the fields are then written as their str(), all of them.
    async def handler(request: Any) -> Any:
        response = text("ok")
        response.headers = _OneShotFields({"x-a": "1", "x-count": 5, "x-b": "2"})
        return response

    conn = FakeConnection(HandlerApp(handler))
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    data = conn.take()
    assert b"\r\nx-a: 1\r\nx-count: 5\r\nx-b: 2\r\n" in data
    [res] = parse_responses(data)
    assert res.status == 200 and res.body == b"ok"


class _MediaRange:
    """A content type that is no str and no hashable (as request.accept.match()'s result)."""

    __hash__ = None  # type: ignore[assignment]

    def __str__(self) -> str:
        return "text/html"


@pytest.mark.parametrize(("content_type", "written"), [(_MediaRange(), b"text/html"), (5, b"5")])
@pytest.mark.parametrize("fields", [None, {"x-a": "1"}])
async def test_a_content_type_that_is_no_str_is_written_as_its_str(
    content_type: Any, written: bytes, fields: Any
) -> None:
    """As Sanic: content_type=request.accept.match(...) gives that type (it was a 500)."""

    async def handler(request: Any) -> Any:
        return text("ok", content_type=content_type, headers=fields)

    conn = FakeConnection(HandlerApp(handler))
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert (res.status, res.header("content-type"), res.body) == (200, written.decode(), b"ok")


@pytest.mark.parametrize("status", [302, 400, 404, 500])
async def test_unread_body_after_a_non_2xx_answer_is_not_logged(
    caplog: pytest.LogCaptureFixture, status: int
) -> None:
    """As Sanic 25.12: "body not consumed." is logged only after a 2xx answer; a client
    posting to a missing route (or a handler refusing early) leaves no error in the log.
    The unread rest is still dropped and the connection serves its next request."""

    async def handler(request: Any) -> Any:
        return text("no", status=status)

    conn = FakeConnection(HandlerApp(handler, stream=True))
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
    await conn.settle()
    assert conn.take().startswith(f"HTTP/1.1 {status} ".encode())
    conn.receive(b"defghij" + b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    await conn.settle()
    assert conn.take().startswith(f"HTTP/1.1 {status} ".encode())
    assert "body not consumed" not in caplog.text


@pytest.mark.parametrize("method", [b"GET", b"PROPFIND", b"MKCOL", b"BREW", b"get"])
async def test_a_method_is_the_same_str_when_seen_again(method: bytes) -> None:
    """The method's str comes from a cache after the first time; the same either way."""

    async def handler(request: Any) -> Any:
        return text(f"{request.method!r} {type(request.method).__name__}")

    conn = FakeConnection(handler)
    request_bytes = method + b" /x HTTP/1.1\r\nHost: x\r\n\r\n"
    first, second = await exchange(conn, request_bytes + request_bytes)
    expected = f"{method.decode()!r} str".encode()
    assert first.body == second.body == expected


@pytest.mark.parametrize(
    "make",
    [
        lambda: text("seen again"),
        lambda: json({"seen": "again"}, status=201),
        lambda: raw(b"\x00again", status=299),
        lambda: HTTPResponse(None, 200),
    ],
)
async def test_a_head_written_before_is_written_the_same_again(make: Any) -> None:
    # finish() takes a head it wrote before from its cache without checking the response's
    # type and status again: the bytes are those of the first time and of the slow path.
    async def handler(request: Any) -> Any:
        response = make()
        if request.path == "/slow":
            await request.respond(response)
            await response.send(end_stream=True)
            return None
        return response

    conn = FakeConnection(handler)
    answers = []
    for path in (b"/first", b"/again", b"/slow"):
        conn.receive(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        await conn.settle()
        answers.append(conn.take())
    assert _undated(answers[0]) == _undated(answers[1]) == _undated(answers[2])
    assert answers[0].startswith(b"HTTP/1.1 ")


class _Marked(HTTPResponse):
    """A response class with its own head fields: finish() must never write it."""

    @property
    def processed_headers(self) -> Any:
        self.headers["x-sent-by"] = "own head"
        return HTTPResponse.processed_headers.fget(self)  # type: ignore[attr-defined]


async def test_a_cached_head_is_not_taken_for_a_response_class_with_its_own_head() -> None:
    # Same status, content type and size as a plain response answered before: the head
    # cache must not write it past its own head (the cache key holds the class).
    async def handler(request: Any) -> Any:
        if request.path == "/plain":
            return text("same")
        return _Marked(b"same", 200, None, "text/plain; charset=utf-8")

    conn = FakeConnection(handler)
    [plain] = await exchange(conn, b"GET /plain HTTP/1.1\r\nHost: x\r\n\r\n")
    [marked] = await exchange(conn, b"GET /marked HTTP/1.1\r\nHost: x\r\n\r\n")
    assert plain.body == marked.body == b"same"
    assert plain.header("x-sent-by") is None
    assert marked.header("x-sent-by") == "own head"


async def test_a_cached_head_still_closes_for_a_client_waiting_for_100_continue() -> None:
    # A head cached as keep-alive must not keep alive a connection whose client may never
    # send the body it announced (it waits for a 100 the handler did not ask for).
    async def handler(request: Any) -> Any:
        return text("no body read")

    app = HandlerApp(handler, stream=True)
    first = FakeConnection(app)
    [kept] = await exchange(first, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    assert kept.header("connection") == "keep-alive"
    conn = FakeConnection(app)
    head = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"
    [res] = await exchange(conn, head)
    assert res.body == b"no body read"
    assert res.header("connection") == "close"
    assert conn.closed


@pytest.mark.parametrize(("fields", "status"), [(1999, 200), (2000, 431)])  # and Host
async def test_a_field_limit_below_what_the_head_limit_allows_is_counted(
    fields: int, status: int
) -> None:
    # An 8 KiB head holds up to about 2,700 fields: a limit of 2,000 is counted when the
    # head is complete (a higher one could never be reached before the head limit).
    conn = FakeConnection(echo, config={"REQUEST_MAX_HEADERS": 2000})
    head = b"GET / HTTP/1.1\r\nHost: x\r\n" + b"a:\r\n" * fields + b"\r\n"
    assert len(head) < 8192
    [res] = await exchange(conn, head)
    assert res.status == status


async def test_a_task_a_handler_spawned_keeps_its_request_current_after_the_next_one() -> None:
    """Request.get_current() in a task the handler started: that handler's request, even once
    the connection serves the next one (answered on the fast path, in the same context)."""
    release = asyncio.Event()
    seen: list[str] = []

    async def later() -> None:
        await release.wait()
        seen.append(Request.get_current().path)

    async def handler(request: Any) -> Any:
        if request.path == "/spawn":
            asyncio.get_running_loop().create_task(later())
        seen.append(Request.get_current().path)
        return text(request.path)

    conn = _connection(handler)
    await exchange(conn, b"GET /first HTTP/1.1\r\nHost: x\r\n\r\n")  # the Task
    await exchange(conn, b"GET /spawn HTTP/1.1\r\nHost: x\r\n\r\n")
    await exchange(conn, b"GET /next HTTP/1.1\r\nHost: x\r\n\r\n")
    assert conn.protocol.http.parked == 2 * PARKS  # both answered for the parked Task
    release.set()
    for _ in range(10):
        await asyncio.sleep(0)
    assert seen == ["/first", "/spawn", "/next", "/spawn"]


class _StreamedNames:
    """A handler streaming its response with ``fields`` (the head written by ``send``)."""

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = fields

    async def __call__(self, request: Any) -> None:
        response = await request.respond(headers=self.fields)
        await response.send("x", end_stream=True)


async def _answer_with_fields(fields: dict[str, str], streamed: bool) -> tuple[bytes, Any]:
    """The bytes sent for ``GET /`` answered by ``text("x", headers=fields)``, or streamed
    with those fields, and the one response they hold."""

    async def whole(request: Any) -> Any:
        return text("x", headers=fields)

    conn = FakeConnection(_StreamedNames(fields) if streamed else whole)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    data = conn.take()
    [res] = parse_responses(data)
    return data, res


@pytest.mark.parametrize(
    "fields",
    [{"X-\u00e9": "1"}, {"X-A": "1", "X-\u20ac": "2"}, {"X-\u00e9": "\u00e9"}],
)
@pytest.mark.parametrize("streamed", [False, True])
async def test_a_field_name_beyond_ascii_is_a_500(fields: dict[str, str], streamed: bool) -> None:
    # RFC 9110 section 5.1: a field name is a token. Hurtle wrote the name's UTF-8 bytes;
    # Sanic 25.12 fails to encode the head and closes without any answer.
    data, res = await _answer_with_fields(fields, streamed)
    assert res.status == 500
    assert b"X-\xc3\xa9" not in data and b"X-\xe2\x82\xac" not in data
    assert b"Response header field name is not ASCII" in res.body


@pytest.mark.parametrize("streamed", [False, True])
async def test_a_field_value_beyond_ascii_still_goes_out_as_utf8(streamed: bool) -> None:
    # As Sanic: the value's UTF-8 bytes (only names are refused above).
    data, res = await _answer_with_fields({"X-A": "caf\u00e9 \u20ac"}, streamed)
    assert res.status == 200
    assert b"\r\nX-A: caf\xc3\xa9 \xe2\x82\xac\r\n" in data


async def test_a_float_status_is_refused_even_after_its_int_twin_was_cached() -> None:
    # 200.0 == 200 and hashes alike: the parked connection's inlined lookup of cached
    # heads found the 200's and served the float as a 200 (core alone; Sanic: 500).
    async def handler(request: Request) -> HTTPResponse:
        return text("x", status=200.0 if request.path == "/f" else 200)  # type: ignore[arg-type]

    conn = FakeConnection(handler)
    statuses = []
    for path in (b"/", b"/f", b"/", b"/f"):
        [res] = await exchange(conn, b"GET " + path + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        statuses.append(res.status)
    assert statuses == [200, 500, 200, 500]
