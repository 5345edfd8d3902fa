"""Sanic-compatible results found by tests-integration/fidelity/compare_ws_asgi.py.

Real loopback sockets, the app served in-process by ``create_server``: websocket handshake
refusals, the arguments of ``http.lifecycle.*`` signals, middleware signals and their
``attach_to`` condition, the response signal of an error page, listeners and tasks.
"""

from __future__ import annotations

import asyncio
import base64
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from helpers import free_port

from hurtle_app import Sanic
from hurtle_http.response import text

HOST = "127.0.0.1"


@asynccontextmanager
async def serving(app: Sanic) -> AsyncIterator[int]:
    port = free_port()
    server = await app.create_server(host=HOST, port=port, return_asyncio_server=True)
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        yield port
    finally:
        await server.before_stop()
        await server.graceful_shutdown(1)
        await server.after_stop()
        Sanic._app_registry.clear()


async def exchange(port: int, data: bytes) -> bytes:
    reader, writer = await asyncio.open_connection(HOST, port)
    writer.write(data)
    try:
        return await asyncio.wait_for(reader.read(), 5)
    finally:
        writer.close()


def upgrade(path: str, **headers: str) -> bytes:
    key = base64.b64encode(os.urandom(16)).decode()
    fields = {
        "host": "x", "upgrade": "websocket", "connection": "Upgrade",
        "sec-websocket-key": key, "sec-websocket-version": "13", **headers,
    }
    head = "".join(f"{k.replace('_', '-')}: {v}\r\n" for k, v in fields.items())
    return f"GET {path} HTTP/1.1\r\n{head}\r\n".encode()


def new_app(name: str) -> Sanic:
    Sanic.test_mode = True
    app = Sanic(name, configure_logging=False)
    app.config.AUTO_EXTEND = False
    return app


async def test_refused_websocket_upgrades_show_the_whole_explanation() -> None:
    app = new_app("WsRefusals")

    @app.websocket("/chat", subprotocols=["chat", "superchat"])
    async def chat(request: Any, ws: Any) -> None:
        await ws.send(ws.subprotocol)

    async with serving(app) as port:
        unknown = await exchange(port, upgrade("/chat", sec_websocket_protocol="other"))
        missing = await exchange(port, upgrade("/chat"))
        plain = await exchange(port, b"GET /chat HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
    # As Sanic: the explanation keeps its final newline, then the page's blank lines.
    assert unknown.startswith(b"HTTP/1.1 400 ")
    assert unknown.endswith(
        b"Failed to open a WebSocket connection: invalid subprotocol; expected one of "
        b"chat, superchat.\n\n\n"
    )
    assert missing.endswith(b"Failed to open a WebSocket connection: missing subprotocol.\n\n\n")
    assert plain.startswith(b"HTTP/1.1 426 ")
    assert plain.endswith(b"You need a WebSocket client.\n\n\n")


async def test_lifecycle_signals_get_sanics_arguments() -> None:
    app = new_app("LifecycleArgs")
    seen: list[tuple[str, dict[str, Any]]] = []
    events = ("begin", "read_head", "request", "read_body", "response", "send", "complete")
    for event in events:
        def make(name: str) -> Any:
            async def handler(**kwargs: Any) -> None:
                seen.append((name, kwargs))
            return handler
        app.signal(f"http.lifecycle.{event}")(make(event))

    @app.post("/echo")
    async def echo(request: Any) -> Any:
        return text(request.body.decode())

    async with serving(app) as port:
        raw = await exchange(
            port, b"POST /echo HTTP/1.1\r\nhost: x\r\ncontent-length: 4\r\n"
            b"connection: close\r\n\r\ndata"
        )
        await asyncio.sleep(0.05)
    assert raw.endswith(b"\r\n\r\ndata")
    by_name = {name: kwargs for name, kwargs in seen}
    assert [name for name, _ in seen] == [
        "begin", "read_head", "request", "read_body", "response", "send", "complete"
    ]
    assert set(by_name["begin"]) == {"conn_info"} and set(by_name["complete"]) == {"conn_info"}
    assert by_name["begin"]["conn_info"].client_ip == HOST
    assert by_name["read_head"]["head"].startswith(b"POST /echo HTTP/1.1")
    assert by_name["read_body"] == {"body": b"data"}
    assert set(by_name["request"]) == {"request"}
    assert set(by_name["response"]) == {"request", "response"}
    assert by_name["send"]["data"].startswith(b"HTTP/1.1 200 OK\r\n")
    assert by_name["send"]["data"].endswith(b"\r\n\r\ndata")


async def test_middleware_signals_carry_attach_to_and_error_pages_signal_response() -> None:
    app = new_app("MiddlewareSignals")
    seen: list[str] = []

    def record(label: str) -> Any:
        async def handler(**kwargs: Any) -> None:
            response = kwargs.get("response")
            seen.append(f"{label}:{getattr(response, 'status', None)}")
        return handler

    app.signal("http.middleware.before", condition={"attach_to": "request"})(record("req-before"))
    app.signal("http.middleware.after", condition={"attach_to": "request"})(record("req-after"))
    app.signal("http.middleware.before", condition={"attach_to": "response"})(record("res-before"))
    app.signal("http.middleware.after", condition={"attach_to": "response"})(record("res-after"))
    # Exclusive (the default) and without a condition: never matches a middleware signal.
    app.signal("http.middleware.before")(record("no-condition"))
    app.signal("http.lifecycle.response")(record("response"))

    @app.on_request
    async def on_request(request: Any) -> None:
        request.ctx.seen = True

    @app.on_response
    async def on_response(request: Any, response: Any) -> None:
        response.headers["x-mw"] = "1"

    @app.get("/ok")
    async def ok(request: Any) -> Any:
        return text("ok")

    @app.get("/fail")
    async def fail(request: Any) -> Any:
        raise ValueError("boom")

    async with serving(app) as port:
        await exchange(port, b"GET /ok HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        ok_seen, seen[:] = list(seen), []
        failed = await exchange(port, b"GET /fail HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
    assert ok_seen == [
        "req-before:None", "req-after:None", "res-before:200", "res-after:200", "response:200"
    ]
    assert failed.startswith(b"HTTP/1.1 500 ") and b"x-mw: 1" in failed
    assert seen == [
        "req-before:None", "req-after:None", "res-before:500", "res-after:500", "response:500"
    ]


def test_listener_with_star_args_gets_the_app_alone() -> None:
    from hurtle_app.listeners import ListenerRegistry

    registry = ListenerRegistry()
    calls: list[tuple[Any, ...]] = []

    def star(*args: Any) -> None:
        calls.append(args)

    def app_and_star(app: Any, *args: Any) -> None:
        calls.append((app, *args))

    def app_and_loop(app: Any, loop: Any) -> None:
        calls.append((app, loop))

    for func in (star, app_and_star, app_and_loop):
        registry.add(func, "before_server_start")
    # As Sanic, the listener is named by its qualified name.
    with pytest.warns(
        DeprecationWarning,
        match=r"Your listener 'test_listener_with_star_args_gets_the_app_alone\.<locals>\.app_and_loop'",
    ):
        asyncio.run(registry.run("before_server_start", "APP", "LOOP"))  # type: ignore[arg-type]
    assert calls == [("APP",), ("APP",), ("APP", "LOOP")]


async def test_only_named_tasks_are_listed_and_all_end_at_stop() -> None:
    app = new_app("TaskListing")
    ended: list[str] = []

    async def forever(label: str) -> None:
        try:
            await asyncio.sleep(3600)
        finally:
            ended.append(label)

    listed: list[str] = []

    @app.after_server_start
    async def start(app_: Sanic) -> None:
        app_.add_task(forever("anonymous"))
        app_.add_task(forever("named"), name="named")
        await asyncio.sleep(0)
        listed.extend(task.get_name() for task in app_.tasks)

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("x")

    async with serving(app):
        pass
    assert listed == ["named"]
    assert sorted(ended) == ["anonymous", "named"]


async def test_send_signal_sees_a_websockets_handshake_and_every_frame() -> None:
    # Found by fidelity/lifecycle2/mw_run.py: Sanic dispatches http.lifecycle.send for the
    # 101 answer and for each frame; Hurtle did for HTTP responses only.
    app = new_app("WsSendSignal")
    sent: list[bytes] = []

    @app.websocket("/ws")
    async def ws(request: Any, sock: Any) -> None:
        await sock.send("hi")

    @app.signal("http.lifecycle.send")
    async def on_send(data: bytes) -> None:
        sent.append(bytes(data))

    close_1000 = b"\x88\x02\x03\xe8"
    async with serving(app) as port:
        reader, writer = await asyncio.open_connection(HOST, port)
        writer.write(upgrade("/ws"))
        received = b""
        for _ in range(50):  # (bounded) up to the server's close frame
            received += await asyncio.wait_for(reader.read(65536), 5)
            if received.endswith(close_1000):
                break
        masked = bytes(x ^ m for x, m in zip(b"\x03\xe8", b"ab", strict=True))
        writer.write(b"\x88\x82abcd" + masked)  # the client's close frame
        await asyncio.wait_for(reader.read(), 5)  # the server ends TCP once closed
        writer.close()
        for _ in range(50):  # (bounded) the signals of the last writes
            if len(sent) >= 3:
                break
            await asyncio.sleep(0.02)
    assert sent[0].startswith(b"HTTP/1.1 101 ")
    # The text frame "hi", then the close frame (1000), as written on the wire.
    assert sent[1:] == [b"\x81\x02hi", close_1000]
    assert received.endswith(b"".join(sent[1:]))
