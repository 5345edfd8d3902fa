"""The app as an ASGI 3 application: lifespan, HTTP (streamed both ways), websockets."""

from __future__ import annotations

import json
import logging
import warnings
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import json as json_response
from hurtle_http.response import text

from .conftest import run_asgi


def http_scope(method: str, path: str, query: bytes = b"", **extra: Any) -> dict[str, Any]:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"example.com")],
        "client": ("1.2.3.4", 555),
        "server": ("127.0.0.1", 8000),
    }
    scope.update(extra)
    return scope



async def test_a_scope_without_a_host_header_is_served(app: Sanic) -> None:
    # ASGI mode does not ask for Host (the server in front speaks HTTP; a scope may have
    # none), unlike Hurtle's own server, which answers an HTTP/1.1 head without it 400.
    @app.get("/")
    async def index(request):
        return text(f"host={request.host!r}")

    sent = await run_asgi(app, http_scope("GET", "/", headers=[]), one_body())
    assert sent[0]["status"] == 200
    assert body_of(sent) == b"host=''"


async def test_raw_headers_are_the_scope_fields_after_a_middleware_changes_them(
    app: Sanic,
) -> None:
    # Hurtle rebuilds raw_headers under ASGI (Sanic's raises ValueError there): from the
    # fields the scope gave, not from request.headers once a middleware changed it.
    @app.on_request
    async def mutate(request):
        request.headers["x-added"] = "mw"
        del request.headers["x-gone"]

    @app.get("/")
    async def index(request):
        return text(request.raw_headers.decode())

    fields = [(b"host", b"example.com"), (b"x-gone", b"1"), (b"x-kept", b"2")]
    sent = await run_asgi(app, http_scope("GET", "/", headers=fields), one_body())
    assert sent[0]["status"] == 200
    assert body_of(sent) == b"host: example.com\r\nx-gone: 1\r\nx-kept: 2"


def body_of(sent: list[dict[str, Any]]) -> bytes:
    return b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


def one_body(body: bytes = b"") -> list[dict[str, Any]]:
    return [{"type": "http.request", "body": body, "more_body": False}]


async def test_lifespan_runs_server_listeners_in_order(app: Sanic) -> None:
    calls: list[str] = []
    events = (
        "before_server_start",
        "after_server_start",
        "before_server_stop",
        "after_server_stop",
    )

    def make(event: str) -> Any:
        def listener(app: Sanic) -> None:
            calls.append(event)

        return listener

    for event in events:
        app.register_listener(make(event), event)
    sent = await run_asgi(
        app, {"type": "lifespan"}, [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    )
    assert sent == [{"type": "lifespan.startup.complete"}, {"type": "lifespan.shutdown.complete"}]
    assert calls == [
        "before_server_start",
        "after_server_start",
        "before_server_stop",
        "after_server_stop",
    ]
    assert app.asgi


async def test_main_process_listeners_are_skipped_with_a_warning(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    ran: list[str] = []
    app.register_listener(lambda app: ran.append("main"), "main_process_start")
    with caplog.at_level(logging.WARNING, logger="sanic.error"):
        await run_asgi(
            app, {"type": "lifespan"}, [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
        )
    assert ran == []
    assert '"main_process_start" cannot run under an ASGI server' in caplog.text


@pytest.mark.parametrize("use_uvloop", [True, False])
async def test_use_uvloop_set_under_asgi_is_warned_about(app: Sanic, use_uvloop: bool) -> None:
    app.config.USE_UVLOOP = use_uvloop
    lifespan = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    with pytest.warns(UserWarning, match="^You have set the USE_UVLOOP configuration option"):
        sent = await run_asgi(app, {"type": "lifespan"}, lifespan)
    assert sent[0] == {"type": "lifespan.startup.complete"}


async def test_use_uvloop_left_alone_under_asgi_is_not_warned_about(app: Sanic) -> None:
    lifespan = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        await run_asgi(app, {"type": "lifespan"}, lifespan)


async def test_use_uvloop_removed_from_the_config_is_not_warned_about(app: Sanic) -> None:
    # Nobody set it: the warning saying "You have set" was wrong there. (Sanic's startup
    # fails instead, reading the missing key; Hurtle starts.)
    app.config.pop("USE_UVLOOP")
    lifespan = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sent = await run_asgi(app, {"type": "lifespan"}, lifespan)
    assert sent[0] == {"type": "lifespan.startup.complete"}


async def test_header_values_are_utf8_and_names_must_be_ascii(app: Sanic) -> None:
    from hurtle_http.exceptions import BadRequest

    @app.get("/")
    async def index(request: Any) -> Any:
        return text(ascii(request.headers.getall("x-name")))

    headers = [(b"host", b"x"), (b"x-name", "Jos\u00e9 \U0001f605".encode()), (b"x-name", b"\xe9")]
    sent = await run_asgi(app, http_scope("GET", "/", headers=headers), one_body())
    assert body_of(sent) == b"['Jos\\xe9 \\U0001f605', '\\udce9']"
    bad = [(b"host", b"x"), ("\U0001f602".encode(), b"v")]
    with pytest.raises(BadRequest, match="Header names can only contain US-ASCII characters"):
        await run_asgi(app, http_scope("GET", "/", headers=bad), one_body())


async def test_a_str_body_set_on_the_response_is_sent_as_utf8(app: Sanic) -> None:
    # As Sanic's ASGI mode: ``response.body = "..."`` after text() is sent encoded, with its
    # length; a str in an ASGI body message makes the server fail.
    @app.get("/")
    async def index(request: Any) -> Any:
        response = text("x")
        response.body = "\u00fcn\u00ef"
        return response

    sent = await run_asgi(app, http_scope("GET", "/"), one_body())
    assert body_of(sent) == "\u00fcn\u00ef".encode()
    start = next(m for m in sent if m["type"] == "http.response.start")
    assert (b"content-length", b"5") in start["headers"]


async def test_failing_startup_is_reported_to_the_server(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(app: Sanic) -> None:
        raise RuntimeError("db down")

    app.register_listener(boom, "before_server_start")
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        sent = await run_asgi(app, {"type": "lifespan"}, [{"type": "lifespan.startup"}])
    assert sent == [{"type": "lifespan.startup.failed", "message": "db down"}]
    # As Sanic: logged on sanic.error as the error's own text, with its traceback.
    failed = [r for r in caplog.records if r.name == "sanic.error"]
    assert [r.getMessage() for r in failed] == ["db down"]
    assert failed[0].exc_info is not None and failed[0].exc_info[0] is RuntimeError


async def test_lifespan_banner_comes_before_the_app_starts(app: Sanic) -> None:
    # As Sanic under an ASGI server: the start-up banner, then the app's start (where
    # sanic-ext lists its extensions), then the server listeners.
    order: list[str] = []
    object.__setattr__(app, "_announce_asgi", lambda: order.append("banner"))
    started = app._startup

    async def startup() -> None:
        order.append("startup")
        await started()

    object.__setattr__(app, "_startup", startup)
    app.register_listener(lambda app: order.append("before_server_start"), "before_server_start")
    sent = await run_asgi(
        app, {"type": "lifespan"}, [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    )
    assert sent == [{"type": "lifespan.startup.complete"}, {"type": "lifespan.shutdown.complete"}]
    assert order == ["banner", "startup", "before_server_start"]


async def test_http_request_sees_client_and_url(app: Sanic) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        return text(f"{request.ip} {request.port} {request.url} {request.scope['type']}")

    sent = await run_asgi(app, http_scope("GET", "/", b"a=1"), one_body())
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 200
    expected = b"1.2.3.4 555 http://example.com/?a=1 http"
    assert body_of(sent) == expected
    assert (b"content-length", str(len(expected)).encode()) in sent[0]["headers"]


async def test_request_head_is_empty_under_asgi_and_the_head_over_http(app: Sanic, call) -> None:
    # Sanic's request.head: the bytes of the HTTP/1 head; an ASGI server hands over none.
    @app.get("/")
    async def index(request: Any) -> Any:
        return text(repr(request.head))

    sent = await run_asgi(app, http_scope("GET", "/", b"a=1"), one_body())
    assert body_of(sent) == b"b''"
    served = await call("GET", "/?a=1", headers={"X-One": "1"})
    assert served.text == repr(b"GET /?a=1 HTTP/1.1\r\nhost: example.com\r\nX-One: 1")


async def test_request_body_is_read_across_messages(app: Sanic) -> None:
    @app.post("/echo")
    async def echo(request: Any) -> Any:
        return json_response({"len": len(request.body)})

    chunks = [
        {"type": "http.request", "body": b"abc", "more_body": True},
        {"type": "http.request", "body": b"de", "more_body": False},
    ]
    sent = await run_asgi(app, http_scope("POST", "/echo"), chunks)
    assert json.loads(body_of(sent)) == {"len": 5}


async def test_streaming_request_and_response(app: Sanic) -> None:
    @app.post("/stream", stream=True)
    async def stream(request: Any) -> None:
        response = await request.respond(content_type="text/plain")
        async for chunk in request.stream:
            await response.send(chunk.upper())
        await response.eof()

    chunks = [
        {"type": "http.request", "body": b"ab", "more_body": True},
        {"type": "http.request", "body": b"cd", "more_body": False},
    ]
    sent = await run_asgi(app, http_scope("POST", "/stream"), chunks)
    bodies = [m for m in sent if m["type"] == "http.response.body"]
    assert [m["body"] for m in bodies] == [b"AB", b"CD", b""]
    assert [m["more_body"] for m in bodies] == [True, True, False]


async def test_body_over_the_limit_is_413(app: Sanic) -> None:
    app.config.REQUEST_MAX_SIZE = 4

    @app.post("/echo")
    async def echo(request: Any) -> Any:
        return text("unreachable")

    sent = await run_asgi(app, http_scope("POST", "/echo"), one_body(b"0123456789"))
    assert sent[0]["status"] == 413


async def test_errors_render_error_pages(app: Sanic) -> None:
    @app.get("/err")
    async def err(request: Any) -> Any:
        raise ValueError("hidden")

    sent = await run_asgi(
        app, http_scope("GET", "/err", headers=[(b"accept", b"application/json")]), one_body()
    )
    assert sent[0]["status"] == 500
    assert json.loads(body_of(sent))["description"] == "Internal Server Error"
    missing = await run_asgi(app, http_scope("GET", "/nope"), one_body())
    assert missing[0]["status"] == 404


async def test_no_content_response_has_no_body(app: Sanic) -> None:
    @app.get("/empty")
    async def empty(request: Any) -> Any:
        return text("", status=204)

    sent = await run_asgi(app, http_scope("GET", "/empty"), one_body())
    assert sent[0]["status"] == 204 and body_of(sent) == b""


async def test_a_205_has_no_content_under_asgi_either(app: Sanic) -> None:
    # RFC 9110 15.3.6: as when Hurtle serves the socket (Sanic passes the body on).
    @app.get("/reset")
    async def reset(request: Any) -> Any:
        return text("body", status=205, headers={"transfer-encoding": "chunked"})

    sent = await run_asgi(app, http_scope("GET", "/reset"), one_body())
    headers = dict(sent[0]["headers"])
    assert sent[0]["status"] == 205 and body_of(sent) == b""
    assert headers[b"content-length"] == b"0" and b"transfer-encoding" not in headers


async def test_a_whole_body_is_not_also_chunked_under_asgi(app: Sanic) -> None:
    # The server gets content-length for a whole body; a handler's Transfer-Encoding
    # beside it would have the server send both (RFC 9112 6.1).
    @app.get("/te")
    async def te(request: Any) -> Any:
        return text("body", headers={"transfer-encoding": "chunked"})

    sent = await run_asgi(app, http_scope("GET", "/te"), one_body())
    headers = dict(sent[0]["headers"])
    assert headers[b"content-length"] == b"4" and b"transfer-encoding" not in headers
    assert body_of(sent) == b"body"


async def test_websocket_echo_and_close(app: Sanic) -> None:
    @app.websocket("/ws", subprotocols=["chat"])
    async def ws(request: Any, socket: Any) -> None:
        async for message in socket:
            await socket.send(f"echo:{message}")

    scope = {
        "type": "websocket",
        "path": "/ws",
        "raw_path": b"/ws",
        "query_string": b"",
        "headers": [(b"host", b"x")],
        "client": ("1.2.3.4", 5),
        "server": ("127.0.0.1", 80),
        "subprotocols": ["other", "chat"],
    }
    messages = [
        {"type": "websocket.connect"},
        {"type": "websocket.receive", "text": "hi"},
        {"type": "websocket.receive", "bytes": b"raw"},
        {"type": "websocket.disconnect", "code": 1000},
    ]
    sent = await run_asgi(app, scope, messages)
    assert sent[0] == {"type": "websocket.accept", "subprotocol": "chat"}
    assert sent[1] == {"type": "websocket.send", "text": "echo:hi"}
    assert sent[2] == {"type": "websocket.send", "text": "echo:b'raw'"}


async def test_websocket_handler_closing_sends_close(app: Sanic) -> None:
    @app.websocket("/ws")
    async def ws(request: Any, socket: Any) -> None:
        await socket.send(b"\x00bin")
        await socket.close(code=1001, reason="bye")

    scope = {"type": "websocket", "path": "/ws", "headers": [], "subprotocols": []}
    sent = await run_asgi(app, scope, [{"type": "websocket.connect"}])
    assert sent == [
        {"type": "websocket.accept"},
        {"type": "websocket.send", "bytes": b"\x00bin"},
        {"type": "websocket.close", "code": 1001, "reason": "bye"},
    ]


async def test_websocket_use_after_close_raises_websocket_closed(app: Sanic) -> None:
    """As when Hurtle serves the socket: send/ping after close raise Sanic's
    WebsocketClosed (also a ConnectionClosedOK), and a payload of the wrong type is a
    TypeError; nothing more goes out after the close."""
    from websockets.exceptions import ConnectionClosedOK

    from hurtle_http.exceptions import WebsocketClosed

    seen: list[str] = []

    @app.websocket("/ws")
    async def ws(request: Any, socket: Any) -> None:
        for bad in (5, None):
            try:
                await socket.pong(bad)
            except TypeError:
                seen.append(f"pong({bad!r}) TypeError")
        await socket.close()
        for call in (lambda: socket.send("late"), lambda: socket.ping()):
            try:
                await call()
            except WebsocketClosed as error:
                ok = isinstance(error, ConnectionClosedOK)
                seen.append(f"{error} ok={ok}")
        # after the close a pong is not even checked (as when serving, and Sanic)
        seen.append(f"pong(5) after close: {await socket.pong(5)!r}")

    scope = {"type": "websocket", "path": "/ws", "headers": [], "subprotocols": []}
    sent = await run_asgi(app, scope, [{"type": "websocket.connect"}])
    assert seen == [
        "pong(5) TypeError",
        "pong(None) TypeError",
        "Cannot write to websocket interface after it is closed. ok=True",
        "Cannot send a ping when the websocket interface is closed. ok=True",
        "pong(5) after close: None",
    ]
    assert sent == [
        {"type": "websocket.accept"},
        {"type": "websocket.close", "code": 1000, "reason": ""},
    ]


async def test_websocket_recv_after_the_client_left_raises_websocket_closed(app: Sanic) -> None:
    """As when Hurtle serves the socket (and as Sanic): a recv() once the connection is
    closed raises WebsocketClosed with Sanic's message, also a ConnectionClosedOK."""
    from websockets.exceptions import ConnectionClosedOK

    from hurtle_http.exceptions import WebsocketClosed
    from hurtle_http.websocket_errors import is_recv_after_close

    seen: list[str] = []
    flags: list[bool] = []

    @app.websocket("/ws")
    async def ws(request: Any, socket: Any) -> None:
        for _ in range(2):
            try:
                await socket.recv()
            except ConnectionClosedOK as error:
                seen.append(f"{type(error).__name__} {isinstance(error, WebsocketClosed)} {error}")
                flags.append(is_recv_after_close(error))

    scope = {"type": "websocket", "path": "/ws", "headers": [], "subprotocols": []}
    await run_asgi(
        app, scope, [{"type": "websocket.connect"}, {"type": "websocket.disconnect", "code": 1000}]
    )
    assert seen[1] == (
        "WebsocketClosedOK True Cannot receive from websocket interface after it is closed."
    )
    # (the second is the recv after the close: the flag that ends a handler quietly)
    assert flags == [False, True]


async def test_mock_transport_websocket_connection_and_protocol_completion() -> None:
    from hurtle_app.models.asgi import MockTransport, WebSocketConnection
    from hurtle_http.exceptions import BadRequest

    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)

    async def receive() -> dict:
        return {"type": "websocket.disconnect"}

    transport = MockTransport({"type": "websocket", "subprotocols": ["a"]}, receive, send)
    # no websocket yet: Sanic's 400, not an internal error
    with pytest.raises(BadRequest, match="Improper websocket connection."):
        transport.get_websocket_connection()
    connection = transport.create_websocket_connection(send, receive)
    assert isinstance(connection, WebSocketConnection) and connection.subprotocols == ["a"]
    assert transport.get_websocket_connection() is connection

    protocol = transport.get_protocol()
    await protocol.push_data(b"hello")
    assert protocol.is_complete is False
    await protocol.complete()
    assert protocol.is_complete is True
    assert sent == [
        {"type": "http.response.body", "body": b"hello", "more_body": True},
        {"type": "http.response.body", "body": b"", "more_body": False},
    ]


async def test_closing_the_transport_under_asgi_raises_as_in_sanic(app: Sanic) -> None:
    # The ASGI server owns the connection: `request.transport.close()` only marked the
    # transport, so the handler believed the connection closed while the response still
    # went out. As Sanic: NotImplementedError (a 500 unless the handler catches it), here
    # with a message saying what to do (Sanic's is empty).
    @app.get("/")
    async def index(request):
        try:
            request.transport.close()
        except NotImplementedError as error:
            return text(f"not closed, closing={request.transport.is_closing()}: {error}")
        return text("closed")

    sent = await run_asgi(app, http_scope("GET", "/"), one_body())
    assert sent[0]["status"] == 200
    assert body_of(sent).startswith(
        b"not closed, closing=False: request.transport.close() is not available under ASGI"
    )
    assert b"Connection: close" in body_of(sent)


async def test_nul_in_a_response_field_is_a_500_under_asgi(app: Sanic) -> None:
    # RFC 9110 section 5.5: as over Hurtle's own server; an ASGI server that does not
    # check fields (uvicorn's h11 does) wrote the raw byte.
    @app.get("/")
    async def index(request: Any) -> Any:
        return text("x", headers={"X-A": "a\x00b"})

    sent = await run_asgi(app, http_scope("GET", "/"), one_body())
    assert sent[0]["status"] == 500
    assert all(b"\x00" not in v for _, v in sent[0]["headers"])
    assert b"Response header field contains NUL" in body_of(sent)


async def test_a_response_field_name_beyond_ascii_is_a_500_under_asgi(app: Sanic) -> None:
    # RFC 9110 section 5.1: a field name is a token; as over Hurtle's own server. The name's
    # UTF-8 bytes were handed to the server (uvicorn's h11 refuses them: no answer at all).
    @app.get("/")
    async def index(request: Any) -> Any:
        return text("x", headers={"X-\u00e9": "1"})

    sent = await run_asgi(app, http_scope("GET", "/"), one_body())
    assert sent[0]["status"] == 500
    assert all(name.isascii() for name, _ in sent[0]["headers"])
    assert b"Response header field name is not ASCII" in body_of(sent)


async def test_websocket_closed_ending_a_handler_is_signalled_not_logged_under_asgi(
    app: Sanic, caplog: pytest.LogCaptureFixture
) -> None:
    """As when Hurtle serves the socket (and as Sanic serving it): a handler ending with
    WebsocketClosed (a send after its own close) goes to websocket.handler.exception
    and logs no error ("ASGI mode, fifth check")."""
    seen: list[str] = []

    @app.signal("websocket.handler.exception")
    async def on_exception(**kwargs: Any) -> None:
        seen.append(f"{sorted(kwargs)} {kwargs['exception']}")

    @app.websocket("/ws")
    async def ws(request: Any, socket: Any) -> None:
        await socket.close()
        await socket.send("late")

    scope = {"type": "websocket", "path": "/ws", "headers": [], "subprotocols": []}
    with caplog.at_level(logging.ERROR):
        await run_asgi(app, scope, [{"type": "websocket.connect"}])
    assert seen == [
        "['exception', 'request', 'websocket'] Cannot write to websocket interface after it is closed."
    ]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_websocket_handler_rewriting_proxy_fields_reads_them_under_asgi(app: Sanic) -> None:
    """Under ASGI, as Sanic's ASGI mode: a websocket handler that rewrites Forwarded
    before reading the request's proxy details gets the rewritten ones (served, they
    stay those of the handshake, as Sanic serving the socket)."""
    app.config.FORWARDED_SECRET = "s3"
    seen: list[Any] = []

    @app.websocket("/ws")
    async def ws(request: Any, socket: Any) -> None:
        request.headers["forwarded"] = "for=9.9.9.9;proto=https;host=new.example;secret=s3"
        seen.extend([request.remote_addr, request.url])

    headers = [
        (b"host", b"x"),
        (b"upgrade", b"websocket"),
        (b"connection", b"upgrade"),
        (b"forwarded", b"for=1.2.3.4;proto=http;host=old.example;secret=s3"),
    ]
    scope = {"type": "websocket", "path": "/ws", "headers": headers, "subprotocols": []}
    await run_asgi(app, scope, [{"type": "websocket.connect"}])
    assert seen == ["9.9.9.9", "wss://new.example/ws"]
