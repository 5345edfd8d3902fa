"""ASGI-mode results that now match Sanic (found with tests-integration/fidelity/)."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import text

from .conftest import run_asgi


def ws_scope(path: str, subprotocols: list[str]) -> dict[str, Any]:
    return {
        "type": "websocket", "path": path, "raw_path": path.encode(), "query_string": b"",
        "headers": [(b"host", b"x")], "client": ("1.2.3.4", 5), "server": ("127.0.0.1", 80),
        "subprotocols": subprotocols,
    }


def http_scope(path: str) -> dict[str, Any]:
    return {
        "type": "http", "http_version": "1.1", "method": "GET", "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": [(b"host", b"x"), (b"accept", b"text/plain")],
        "client": ("1.2.3.4", 5), "server": ("127.0.0.1", 80),
    }


async def test_route_order_chooses_the_subprotocol(app: Sanic) -> None:
    @app.websocket("/ws", subprotocols=["chat", "superchat"])
    async def ws(request: Any, socket: Any) -> None:
        await socket.send(str(socket.subprotocol))

    sent = await run_asgi(app, ws_scope("/ws", ["superchat", "chat"]), [{"type": "websocket.connect"}])
    # The route's preference wins, as when Hurtle serves the socket itself (and in Sanic).
    assert sent[0] == {"type": "websocket.accept", "subprotocol": "chat"}
    assert sent[1] == {"type": "websocket.send", "text": "chat"}


async def test_the_handlers_websocket_has_sanics_asgi_api(app: Sanic) -> None:
    # Sanic's ASGI mode hands the handler a WebSocketConnection: code written for it calls
    # receive() and reads the offered subprotocols (Hurtle's lacked both).
    from hurtle_app.models.asgi_websocket import WebSocketConnection

    @app.websocket("/ws", subprotocols=["chat"])
    async def ws(request: Any, socket: Any) -> None:
        message = await socket.receive()
        kind = type(socket).__name__
        await socket.send(f"{message} {kind} {socket.subprotocols} {socket.subprotocol}")
        assert isinstance(socket, WebSocketConnection)

    messages = [{"type": "websocket.connect"}, {"type": "websocket.receive", "text": "hi"}]
    sent = await run_asgi(app, ws_scope("/ws", ["x", "chat"]), messages)
    assert sent[0] == {"type": "websocket.accept", "subprotocol": "chat"}
    assert sent[1] == {"type": "websocket.send", "text": "hi WebSocketConnection ['x', 'chat'] chat"}


async def test_plain_get_on_a_websocket_route_is_a_400(app: Sanic) -> None:
    @app.websocket("/ws")
    async def ws(request: Any, socket: Any) -> None:
        await socket.send("never")

    sent = await run_asgi(app, http_scope("/ws"), [{"type": "http.request", "body": b""}])
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 400
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    assert b"Improper websocket connection." in body


async def test_websocket_max_size_closes_with_1009(app: Sanic) -> None:
    app.config.WEBSOCKET_MAX_SIZE = 8
    got: list[Any] = []

    @app.websocket("/ws")
    async def ws(request: Any, socket: Any) -> None:
        got.append(await socket.recv())
        got.append(await socket.recv())

    messages = [
        {"type": "websocket.connect"},
        {"type": "websocket.receive", "text": "small"},
        {"type": "websocket.receive", "bytes": b"x" * 9},
    ]
    sent = await run_asgi(app, ws_scope("/ws", []), messages)
    assert got == ["small"]
    closes = [m for m in sent if m["type"] == "websocket.close"]
    assert closes[0]["code"] == 1009


async def test_request_signal_fires_under_asgi(app: Sanic) -> None:
    seen: list[str] = []

    @app.signal("http.lifecycle.request")
    async def on_request(request: Any) -> None:
        seen.append(f"request {request.path}")

    @app.signal("http.lifecycle.handle")
    async def on_handle(request: Any) -> None:
        seen.append("handle")

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    await run_asgi(app, http_scope("/"), [{"type": "http.request", "body": b""}])
    assert seen == ["request /", "handle"]


async def test_stream_stage_is_idle_in_the_request_signal_under_asgi(app: Sanic) -> None:
    # As Sanic's ASGI mode: http.lifecycle.request comes before the handling starts, so
    # the exchange is IDLE there; HANDLER from the request middleware on.
    seen: list[str] = []

    @app.signal("http.lifecycle.request")
    async def on_request(request: Any) -> None:
        seen.append(f"signal {request.stream.stage.name}")

    @app.on_request
    async def before(request: Any) -> None:
        seen.append(f"middleware {request.stream.stage.name}")

    @app.get("/")
    async def index(request: Any) -> Any:
        seen.append(f"handler {request.stream.stage.name}")
        return text("ok")

    await run_asgi(app, http_scope("/"), [{"type": "http.request", "body": b""}])
    assert seen == ["signal IDLE", "middleware HANDLER", "handler HANDLER"]


async def test_websocket_without_route_gets_the_404_page_when_the_server_can_send_it(
    app: Sanic,
) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    scope = ws_scope("/nope", [])
    scope["extensions"] = {"websocket.http.response": {}}
    sent = await run_asgi(app, scope, [{"type": "websocket.connect"}])
    assert sent[0]["type"] == "websocket.http.response.start"
    assert sent[0]["status"] == 404
    assert b"Requested URL /nope not found" in sent[1]["body"]
    # Without the extension the websocket is refused (the ASGI server answers 403).
    sent = await run_asgi(app, ws_scope("/nope", []), [{"type": "websocket.connect"}])
    assert sent == [{"type": "websocket.close", "code": 1000}]


async def test_exception_handler_returning_no_response_is_a_500_over_asgi(app: Sanic) -> None:
    @app.get("/")
    async def handler(request: Any) -> Any:
        raise KeyError("k")

    @app.exception(KeyError)
    async def returns_nothing(request: Any, exception: BaseException) -> None:
        return None

    await app._startup()
    sent = await run_asgi(app, http_scope("/"), [{"type": "http.request", "body": b""}])
    assert sent[0]["status"] == 500
    body = b"".join(m.get("body", b"") for m in sent[1:])
    assert b"Invalid response type None (need HTTPResponse)" in body


async def test_handler_that_streamed_and_returned_a_response_over_asgi(app: Sanic) -> None:
    @app.get("/")
    async def handler(request: Any) -> Any:
        response = await request.respond()
        await response.send("streamed")
        return text("ignored")

    await app._startup()
    sent = await run_asgi(app, http_scope("/"), [{"type": "http.request", "body": b""}])
    assert sent[0]["status"] == 200
    assert b"".join(m.get("body", b"") for m in sent[1:]) == b"streamed"
    assert sent[-1].get("more_body", False) is False


async def test_a_1xx_status_from_a_handler_becomes_an_error_page(app: Sanic) -> None:
    # RFC 9110 15.2: a 1xx is never final, a client would wait for another response. As
    # when Hurtle (or Sanic) serves the app itself: an error page, without a second run
    # of the response middleware (Sanic's ASGI mode sends the 103 and its body).
    seen: list[int] = []

    @app.on_response
    async def mark(request: Any, response: Any) -> None:
        seen.append(response.status)
        response.headers["x-mw"] = "1"

    @app.get("/hints")
    async def hints(request: Any) -> Any:
        return text("x", status=103)

    sent = await run_asgi(app, http_scope("/hints"), [{"type": "http.request", "body": b""}])
    start = sent[0]
    assert start["type"] == "http.response.start" and start["status"] == 500
    assert b"x-mw" not in [name for name, _ in start["headers"]]
    assert b"Invalid response status 103" not in b"".join(m.get("body", b"") for m in sent[1:])
    assert seen == [103]
    assert [m["type"] for m in sent] == ["http.response.start", "http.response.body"]


@pytest.mark.parametrize("status", [600, 999, 1000, 200.0, 404.0])
async def test_a_status_past_599_becomes_an_error_page(app: Sanic, status: int) -> None:
    # RFC 9110 15: every valid status code is an integer within 100-599; the ASGI server
    # is not handed another (uvicorn took a 600 and then failed writing it: no answer, no
    # log). A float (200.0) is refused as when Hurtle serves the app (Sanic's ASGI mode
    # hands it to the server).
    @app.get("/big")
    async def big(request: Any) -> Any:
        return text("x", status=status)

    sent = await run_asgi(app, http_scope("/big"), [{"type": "http.request", "body": b""}])
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 500


async def test_a_head_the_server_fails_on_is_logged_and_the_error_page_tried(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    # A server that fails on the head with another error than uvicorn's RuntimeError
    # for a bad field: it was taken for a client gone (logged at debug level only), and
    # the client got nothing. Now the error is logged and the 500 page offered.
    @app.get("/x")
    async def handler(request: Any) -> Any:
        return text("x", status=299)

    sent: list[Any] = []
    messages = [{"type": "http.request", "body": b""}]

    async def receive() -> dict[str, Any]:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)
        if message.get("status") == 299:
            raise KeyError(299)

    with caplog.at_level("ERROR", logger="sanic.error"):
        await app(http_scope("/x"), receive, send)
    assert [m.get("status") for m in sent if m["type"] == "http.response.start"] == [299, 500]
    assert any(record.exc_info and record.exc_info[0] is KeyError for record in caplog.records)


@pytest.mark.parametrize("status", [None, "200"])
async def test_a_status_that_is_no_number_becomes_an_error_page(app: Sanic, status: Any) -> None:
    # As Sanic (over ASGI and over its own sockets): the 500 page. The comparison with
    # the status failed with a TypeError that reached the ASGI server.
    @app.get("/odd")
    async def odd(request: Any) -> Any:
        return text("x", status=status)

    sent = await run_asgi(app, http_scope("/odd"), [{"type": "http.request", "body": b""}])
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 500
    assert b"Internal Server Error" in sent[1]["body"]


async def test_an_error_page_with_a_1xx_status_too_is_a_plain_500(app: Sanic) -> None:
    @app.exception(RuntimeError)
    async def on_runtime_error(request: Any, exception: Any) -> Any:
        return text("still informational", status=100)

    @app.get("/hints")
    async def hints(request: Any) -> Any:
        return text("x", status=103)

    sent = await run_asgi(app, http_scope("/hints"), [{"type": "http.request", "body": b""}])
    assert sent[0]["status"] == 500
    assert b"".join(m.get("body", b"") for m in sent[1:]) == b"Internal Server Error"


async def test_a_streaming_route_reads_a_body_over_request_max_size(app: Sanic) -> None:
    # As when Hurtle (or Sanic) serves the app: stream=True routes have no size limit.
    app.config.REQUEST_MAX_SIZE = 10

    @app.post("/upload", stream=True)
    async def upload(request: Any) -> Any:
        total = 0
        async for chunk in request.stream:
            total += len(chunk)
        return text(f"streamed {total}")

    @app.post("/plain")
    async def plain(request: Any) -> Any:
        return text("never")

    parts = [{"type": "http.request", "body": b"x" * 8, "more_body": True}] * 3
    parts.append({"type": "http.request", "body": b"", "more_body": False})
    for path, status, body in (("/upload", 200, b"streamed 24"), ("/plain", 413, None)):
        scope = {**http_scope(path), "method": "POST"}
        sent = await run_asgi(app, scope, list(parts))
        assert sent[0]["status"] == status
        if body is not None:
            assert b"".join(m.get("body", b"") for m in sent[1:]) == body


async def test_serve_location_under_asgi(app: Sanic) -> None:
    @app.get("/where")
    async def where(request: Any) -> Any:
        return text(request.app.serve_location)

    sent = await run_asgi(app, http_scope("/where"), [{"type": "http.request", "body": b""}])
    assert sent[-1]["body"] == b"http://<ASGI>"


async def test_outer_listener_timing_is_logged_in_debug_at_verbosity_2(
    app: Sanic, caplog: Any
) -> None:
    import logging

    from hurtle_app.state import Mode

    @app.before_server_start
    async def early(app: Sanic) -> None:
        return None

    @app.after_server_stop
    async def late(app: Sanic) -> None:
        return None

    def messages() -> list[str]:
        caplog.clear()
        with caplog.at_level(logging.DEBUG, logger="sanic.root"):
            from hurtle_app.asgi import Lifespan

            Lifespan(app, {"type": "lifespan"}, None, None)  # type: ignore[arg-type]
        return [m for m in caplog.messages if "in ASGI mode" in m]

    try:
        assert messages() == []  # production
        app.state.mode = Mode.DEBUG
        assert messages() == []  # verbosity 0 filters them
        app.state.verbosity = 2
        assert messages() == [
            'You have set a listener for "before_server_start" in ASGI mode. It will be '
            "executed as early as possible, but not before the ASGI server is started.",
            'You have set a listener for "after_server_stop" in ASGI mode. It will be '
            "executed as late as possible, but not after the ASGI server is stopped.",
        ]
    finally:
        app.state.verbosity = 0


async def test_response_header_names_reach_the_asgi_server_lower_cased(app: Sanic) -> None:
    # The ASGI spec ("Response Start"): header names must be lower-cased. An ASGI
    # middleware looking for b"content-encoding" missed the app's "Content-Encoding" (and
    # compressed twice); Sanic passes the names as the app wrote them.
    @app.get("/")
    async def handler(request: Any) -> Any:
        response = text("hi", headers={"Content-Encoding": "identity", "X-Custom": "a"})
        response.headers["Last-Modified"] = "Sun, 06 Dec 2026 00:00:00 GMT"
        response.cookies.add_cookie("k", "v")
        return response

    sent = await run_asgi(app, http_scope("/"), [{"type": "http.request", "body": b""}])
    names = [name for name, _ in sent[0]["headers"]]
    assert names == [name.lower() for name in names]
    assert {b"content-encoding", b"x-custom", b"last-modified", b"set-cookie"} <= set(names)
    assert dict(sent[0]["headers"])[b"x-custom"] == b"a"
