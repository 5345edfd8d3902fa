"""Under ASGI, a client that leaves before the response is finished stops the handler.

ASGI servers (uvicorn) drop what is sent after a disconnect without an error, so a
handler streaming a response (server-sent events) would run on forever for a client
that is gone. As when Hurtle serves the socket itself, the handler is cancelled.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.exceptions import RequestCancelled, SanicException
from hurtle_http.response import text

from .test_asgi import http_scope


def _client(messages: list[dict[str, Any]], leave_after_chunks: int):
    """receive/send of a client that sends ``messages`` and leaves once it got
    ``leave_after_chunks`` response body chunks; ``sent`` lists what the app sent."""
    pending = list(messages)
    sent: list[dict[str, Any]] = []
    gone = asyncio.Event()

    async def receive() -> dict[str, Any]:
        if pending:
            return pending.pop(0)
        await gone.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if gone.is_set():
            return  # as uvicorn: what comes after the disconnect is dropped
        sent.append(message)
        chunks = sum(1 for m in sent if m["type"] == "http.response.body")
        if chunks >= leave_after_chunks:
            gone.set()

    return receive, send, sent


def _streaming_app(app: Sanic, method: str, ended: list[str]) -> None:
    @app.route("/events", methods=[method])
    async def events(request: Any) -> None:
        response = await request.respond(content_type="text/event-stream")
        try:
            for _ in range(500):
                await response.send(b"data: x\n\n")
                await asyncio.sleep(0.001)
        except asyncio.CancelledError:
            ended.append("cancelled")
            raise
        ended.append("ran to the end")


async def test_streaming_handler_is_cancelled_when_the_client_leaves(app: Sanic) -> None:
    ended: list[str] = []
    _streaming_app(app, "GET", ended)
    receive, send, sent = _client(
        [{"type": "http.request", "body": b"", "more_body": False}], leave_after_chunks=3
    )
    await asyncio.wait_for(app(http_scope("GET", "/events"), receive, send), 10)
    assert ended == ["cancelled"]
    assert len(sent) < 10


async def test_handler_is_cancelled_when_the_client_leaves_after_a_body(app: Sanic) -> None:
    ended: list[str] = []
    _streaming_app(app, "POST", ended)
    scope = http_scope("POST", "/events")
    scope["headers"].append((b"content-length", b"3"))
    receive, send, sent = _client(
        [
            {"type": "http.request", "body": b"ab", "more_body": True},
            {"type": "http.request", "body": b"c", "more_body": False},
        ],
        leave_after_chunks=3,
    )
    await asyncio.wait_for(app(scope, receive, send), 10)
    assert ended == ["cancelled"]


async def test_the_transport_is_closing_once_the_client_left(app: Sanic) -> None:
    # As a served connection's transport: a handler (or its `finally`) asking
    # `request.transport.is_closing()` learns the client is gone; it said False forever.
    seen: list[bool] = []

    @app.get("/events")
    async def events(request: Any) -> None:
        response = await request.respond(content_type="text/event-stream")
        seen.append(request.transport.is_closing())
        try:
            for _ in range(500):
                await response.send(b"data: x\n\n")
                await asyncio.sleep(0.001)
        finally:
            seen.append(request.transport.is_closing())

    receive, send, _ = _client(
        [{"type": "http.request", "body": b"", "more_body": False}], leave_after_chunks=3
    )
    await asyncio.wait_for(app(http_scope("GET", "/events"), receive, send), 10)
    assert seen == [False, True]


async def test_the_transport_is_closing_once_the_client_left_mid_body(app: Sanic) -> None:
    seen: list[Any] = []

    @app.post("/up", stream=True)
    async def up(request: Any) -> Any:
        try:
            while await request.stream.read() is not None:
                pass
        except BaseException as error:  # cancelled, as when served
            seen.append((type(error).__name__, request.transport.is_closing()))
            raise
        return text("read")

    scope = http_scope("POST", "/up")
    scope["headers"].append((b"content-length", b"10"))
    messages = [{"type": "http.request", "body": b"abc", "more_body": True}]

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        pass

    await asyncio.wait_for(app(scope, receive, send), 5)
    assert seen == [("CancelledError", True)]


def _leaves_mid_body(path: str) -> tuple[dict[str, Any], Any, Any, list[dict[str, Any]]]:
    """A POST that declares 10 bytes, sends 3 and leaves; what the app sent."""
    scope = http_scope("POST", path)
    scope["headers"].append((b"content-length", b"10"))
    messages = [{"type": "http.request", "body": b"abc", "more_body": True}]
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if messages:
            return messages.pop(0)
        await asyncio.sleep(0.01)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    return scope, receive, send, sent


@pytest.mark.parametrize("path", ["/plain", "/streamed"])
async def test_a_client_leaving_mid_body_runs_the_error_path_for_nobody(app: Sanic, path: str) -> None:
    # As when Hurtle or Sanic serve the socket (Sanic's ASGI mode runs the handler on the
    # truncated body instead): the handler (or the body's read) is cancelled, then the
    # request goes through the error path with RequestCancelled: the exception signal,
    # an exception handler for it (not one for Exception: it is a CancelledError), the
    # response middleware with the 500; nothing is sent.
    ran: list[str] = []

    @app.post("/plain")
    async def plain(request: Any) -> Any:
        ran.append("handler")
        return text("ok")

    @app.post("/streamed", stream=True)
    async def streamed(request: Any) -> Any:
        ran.append("handler")
        try:
            while await request.stream.read() is not None:
                pass
        except BaseException as error:
            ran.append(f"read: {type(error).__name__}")
            raise
        return text("ok")

    @app.exception(Exception)
    async def on_error(request: Any, exception: Exception) -> Any:
        ran.append(f"error handler: {type(exception).__name__}")
        return text("handled", status=500)

    @app.exception(RequestCancelled)
    async def on_cancelled(request: Any, exception: Exception) -> Any:
        ran.append(f"cancelled handler: {type(exception).__name__}")
        return text("gone", status=500)

    @app.signal("http.lifecycle.exception")
    async def on_exception(request: Any, exception: Exception) -> None:
        ran.append(f"signal: {type(exception).__name__}")

    @app.on_response
    async def after(request: Any, response: Any) -> None:
        ran.append(f"response middleware: {response.status}")

    scope, receive, send, sent = _leaves_mid_body(path)
    await asyncio.wait_for(app(scope, receive, send), 5)
    await asyncio.sleep(0.05)  # (a signal dispatched in a task of its own)
    expected = ["handler", "read: CancelledError"] if path == "/streamed" else []
    expected += [
        "signal: RequestCancelled",
        "cancelled handler: RequestCancelled",
        "response middleware: 500",
    ]
    assert ran == expected
    assert sent == []


async def test_a_task_reading_the_body_after_a_client_left_mid_body_gets_bad_request(
    app: Sanic,
) -> None:
    # As when served: the handler is cancelled, but a task of it still reading the body
    # learns that the body was cut short (not a truncated body read as complete).
    outcome: list[Any] = []
    tasks: list[asyncio.Task[None]] = []

    async def reader(request: Any) -> None:
        try:
            while await request.stream.read() is not None:
                pass
            outcome.append("complete")
        except Exception as error:
            outcome.append(error)

    @app.post("/up", stream=True)
    async def up(request: Any) -> Any:
        tasks.append(asyncio.ensure_future(reader(request)))
        await asyncio.Event().wait()  # until cancelled

    scope, receive, send, _ = _leaves_mid_body("/up")
    await asyncio.wait_for(app(scope, receive, send), 5)
    await asyncio.wait(tasks, timeout=5)
    assert len(outcome) == 1 and isinstance(outcome[0], SanicException)
    assert outcome[0].status_code == 400


async def test_a_finished_response_is_not_cancelled_by_the_later_disconnect(app: Sanic) -> None:
    done: list[str] = []

    @app.post("/echo")
    async def echo(request: Any) -> Any:
        response = await request.respond()
        await response.send(request.body)
        await response.eof()
        await asyncio.sleep(0.01)  # work after the response: the client may leave now
        done.append("after")
        return None

    scope = http_scope("POST", "/echo")
    scope["headers"].append((b"content-length", b"2"))
    receive, send, sent = _client(
        [{"type": "http.request", "body": b"hi", "more_body": False}], leave_after_chunks=1
    )
    await asyncio.wait_for(app(scope, receive, send), 10)
    assert done == ["after"]
    assert sent[0]["status"] == 200
    assert b"".join(m.get("body", b"") for m in sent[1:]) == b"hi"


async def test_a_plain_response_is_answered_as_before(app: Sanic) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        return text("hello")

    receive, send, sent = _client(
        [{"type": "http.request", "body": b"", "more_body": False}], leave_after_chunks=1
    )
    await asyncio.wait_for(app(http_scope("GET", "/"), receive, send), 10)
    assert sent[0]["status"] == 200 and sent[1]["body"] == b"hello"


async def test_a_declared_length_over_the_limit_is_413_before_any_body(app: Sanic) -> None:
    app.config.REQUEST_MAX_SIZE = 1000
    seen: list[str] = []

    @app.post("/echo")
    async def echo(request: Any) -> Any:
        return text(str(len(request.body)))

    @app.post("/upload", stream=True)
    async def upload(request: Any) -> Any:
        seen.append("streamed")
        return text("ok")

    async def never_sends_the_body() -> dict[str, Any]:
        await asyncio.Event().wait()  # a client declaring a body and sending nothing
        return {"type": "http.disconnect"}

    sent: list[dict[str, Any]] = []

    async def record(message: dict[str, Any]) -> None:
        sent.append(message)

    for length in (b"1001", b"9" * 30):
        sent.clear()
        scope = http_scope("POST", "/echo")
        scope["headers"].append((b"content-length", length))
        await asyncio.wait_for(app(scope, never_sends_the_body, record), 5)
        assert sent[0]["status"] == 413

    # A stream=True route reads bodies of any size: no 413 for it.
    sent.clear()

    scope = http_scope("POST", "/upload")
    scope["headers"].append((b"content-length", b"5000"))
    body = [{"type": "http.request", "body": b"x" * 5000, "more_body": False}]
    receive, _, _ = _client(body, leave_after_chunks=99)
    await asyncio.wait_for(app(scope, receive, record), 5)
    assert sent[0]["status"] == 200 and seen == ["streamed"]


async def test_websocket_send_to_a_client_that_left_ends_the_handler_quietly(
    app: Sanic, caplog
) -> None:
    from websockets.exceptions import ConnectionClosed

    class ClientGone(OSError):
        """What uvicorn raises on a send after the client disconnected."""

    seen: list[Any] = []

    @app.websocket("/feed")
    async def feed(request: Any, ws: Any) -> None:
        try:
            for _ in range(100):
                await ws.send("tick")
        except ConnectionClosed as closed:
            seen.append(closed.rcvd.code if closed.rcvd else None)
            # As a served socket's transport once the peer is gone (it said False).
            seen.append(request.transport.is_closing())
            raise

    pending = [{"type": "websocket.connect"}]
    sends = 0

    async def receive() -> dict[str, Any]:
        if pending:
            return pending.pop(0)
        await asyncio.Event().wait()
        return {"type": "websocket.disconnect", "code": 1006}

    async def send(message: dict[str, Any]) -> None:
        nonlocal sends
        if message["type"] == "websocket.send":
            sends += 1
            if sends > 2:
                raise ClientGone("the client left")

    scope = {"type": "websocket", "path": "/feed", "headers": [], "subprotocols": []}
    with caplog.at_level("ERROR"):
        await asyncio.wait_for(app(scope, receive, send), 5)
    assert seen == [1006, True]
    assert sends == 3
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


async def test_a_websocket_transport_is_closing_once_the_client_closed(app: Sanic) -> None:
    from websockets.exceptions import ConnectionClosed

    seen: list[Any] = []

    @app.websocket("/wait")
    async def wait(request: Any, ws: Any) -> None:
        seen.append(request.transport.is_closing())
        try:
            await ws.recv()
        except ConnectionClosed:
            seen.append(request.transport.is_closing())
            raise

    pending = [{"type": "websocket.connect"}, {"type": "websocket.disconnect", "code": 1001}]

    async def receive() -> dict[str, Any]:
        if pending:
            return pending.pop(0)
        await asyncio.Event().wait()
        return {}

    async def send(message: dict[str, Any]) -> None:
        pass

    scope = {"type": "websocket", "path": "/wait", "headers": [], "subprotocols": []}
    await asyncio.wait_for(app(scope, receive, send), 5)
    assert seen == [False, True]


async def test_a_waiting_handler_is_cancelled_when_the_client_leaves(app: Sanic) -> None:
    ended: list[str] = []

    @app.get("/poll")
    async def poll(request: Any) -> Any:
        try:
            await asyncio.sleep(30)  # a long poll: nothing is sent before it ends
        except asyncio.CancelledError:
            ended.append("cancelled")
            raise
        return text("late")

    sent: list[dict[str, Any]] = []
    pending = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive() -> dict[str, Any]:
        if pending:
            return pending.pop(0)
        await asyncio.sleep(0.01)  # the client gives up before any answer
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await asyncio.wait_for(app(http_scope("GET", "/poll"), receive, send), 5)
    assert ended == ["cancelled"]
    assert sent == []


async def test_a_handler_for_request_cancelled_runs_when_a_waiting_client_leaves(
    app: Sanic,
) -> None:
    # Sanic's documented way to act on a client that left: an exception handler for
    # RequestCancelled (or CancelledError), as when the socket is served.
    seen: list[Any] = []

    @app.get("/poll")
    async def poll(request: Any) -> Any:
        await asyncio.sleep(30)
        return text("late")

    @app.exception(asyncio.CancelledError)
    async def on_cancelled(request: Any, exception: BaseException) -> Any:
        seen.append((type(exception).__name__, request.path))
        await asyncio.sleep(0)  # it may await: its task is no longer being cancelled
        return text("gone", status=500)

    @app.on_response
    async def after(request: Any, response: Any) -> None:
        seen.append(response.status)

    sent: list[dict[str, Any]] = []
    pending = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive() -> dict[str, Any]:
        if pending:
            return pending.pop(0)
        await asyncio.sleep(0.01)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await asyncio.wait_for(app(http_scope("GET", "/poll"), receive, send), 5)
    assert seen == [("RequestCancelled", "/poll"), 500]
    assert sent == []


async def test_expect_100_continue_asks_for_the_body_only_when_it_is_read(app: Sanic) -> None:
    @app.on_request
    async def slow_check(request: Any) -> None:
        for _ in range(5):
            await asyncio.sleep(0)

    @app.post("/upload", stream=True)
    async def upload(request: Any) -> Any:
        if request.headers.get("x-read") == "yes":
            size = 0
            async for chunk in request.stream:
                size += len(chunk)
            return text(str(size))
        return text("refused without reading")

    for read, expected in ((b"no", b"refused without reading"), (b"yes", b"3")):
        events: list[str] = []

        async def receive(events: list[str] = events) -> dict[str, Any]:
            # Under uvicorn, this first receive sends "100 Continue" to the client.
            events.append("receive")
            if events.count("receive") == 1:
                return {"type": "http.request", "body": b"abc", "more_body": False}
            await asyncio.Event().wait()
            return {"type": "http.disconnect"}

        sent: list[dict[str, Any]] = []

        async def send(message: dict[str, Any], sent: list[dict[str, Any]] = sent) -> None:
            sent.append(message)

        scope = http_scope("POST", "/upload")
        scope["headers"] += [
            (b"expect", b"100-continue"), (b"content-length", b"3"), (b"x-read", read)
        ]
        await asyncio.wait_for(app(scope, receive, send), 5)
        assert b"".join(m.get("body", b"") for m in sent[1:]) == expected
        assert ("receive" in events) == (read == b"yes")


async def test_sends_after_the_client_left_raise(app: Sanic) -> None:
    # Never silently: the handler's own send once the client is gone raises
    # RequestCancelled (a CancelledError); once the handler was cut short its response
    # is detached, so a task of it still sending gets "No stream is connected" (as when
    # Hurtle serves the socket, and as Sanic does there). Both went to a server that
    # drops them without a word (uvicorn), and the task carried on.
    seen: list[str] = []
    responses: list[Any] = []

    @app.get("/events")
    async def events(request: Any) -> None:
        response = await request.respond(content_type="text/event-stream")
        responses.append(response)
        try:
            for _ in range(500):
                await response.send(b"data: x\n\n")
                await asyncio.sleep(0.001)
        except asyncio.CancelledError:
            try:
                await response.send(b"data: after\n\n")
            except RequestCancelled:
                seen.append("RequestCancelled")
            raise

    receive, send, _ = _client(
        [{"type": "http.request", "body": b"", "more_body": False}], leave_after_chunks=3
    )
    await asyncio.wait_for(app(http_scope("GET", "/events"), receive, send), 10)
    assert seen == ["RequestCancelled"]
    with pytest.raises(SanicException, match="No stream is connected"):
        await responses[0].send(b"data: late\n\n")
