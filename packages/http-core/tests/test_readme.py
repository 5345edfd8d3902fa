"""The package README says what is true: ``serve()``'s documented signature, and its
examples run as written for a user who installed only this package."""

from __future__ import annotations

import asyncio
import inspect
import re
from pathlib import Path
from typing import Any

import pytest
import websockets

from hurtle_http import HandlerApp, serve, start_server, text
from hurtle_http.testing import FakeConnection, parse_responses

README = (Path(__file__).parents[1] / "README.md").read_text()
BLOCKS = re.findall(r"```python\n(.*?)```", README, flags=re.S)


def block(marker: str) -> str:
    [found] = [source for source in BLOCKS if marker in source]
    return found


def test_the_documented_serve_signature_is_serve_s() -> None:
    documented = re.search(r"`serve\((handler_or_app, host, port, \*, .*?)\)`", README, re.S)
    assert documented is not None
    parameters = inspect.signature(serve).parameters
    for item in documented.group(1).replace("\n", " ").split(", "):
        name, _, default = item.strip().partition("=")
        if name == "*":
            continue
        assert name in parameters, name
        if default:
            assert parameters[name].default == eval(default), name
            assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY, name


async def test_the_streaming_example_streams_both_ways() -> None:
    namespace: dict[str, Any] = {}
    exec(block("await response.eof()"), namespace)
    conn = FakeConnection(HandlerApp(namespace["handler"], stream=True))
    conn.receive(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
    await conn.settle()
    [res] = parse_responses(conn.take())
    assert (res.status, res.header("transfer-encoding"), res.body) == (
        200, "chunked", b"part 1, part 2"
    )


async def test_the_testing_example_passes_as_written() -> None:
    async def handler(request: Any) -> Any:
        return text("hello")

    namespace: dict[str, Any] = {"handler": handler}
    exec(block("FakeConnection"), namespace)
    await namespace["test_keep_alive_timeout"]()


async def test_the_websocket_paragraph_holds() -> None:
    seen: list[Any] = []

    async def handler(request: Any) -> Any:
        protocol = request.transport.get_protocol()
        ws = await protocol.websocket_handshake(request, subprotocols=["chat"])
        seen.append(ws.subprotocol)
        await ws.send(f"echo {await ws.recv()}")
        await ws.ping()
        if request.path == "/close":
            await ws.close(4000, "bye")
            return None
        try:
            await ws.recv()
        except websockets.exceptions.ConnectionClosed:
            seen.append("ConnectionClosed")
        return None

    handle = await start_server(handler, host="127.0.0.1", port=0)
    url = f"ws://127.0.0.1:{handle.port}"
    try:
        async with websockets.connect(url + "/close", subprotocols=["chat"]) as client:
            await client.send("hi")
            assert await client.recv() == "echo hi"
            with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
                await asyncio.wait_for(client.recv(), 5)
        assert closed.value.rcvd is not None
        assert (closed.value.rcvd.code, closed.value.rcvd.reason) == (4000, "bye")
        async with websockets.connect(url + "/leave", subprotocols=["chat"]) as client:
            await client.send("x")
            assert await client.recv() == "echo x"
        for _ in range(100):  # the handler hears the close on its next loop turns
            if "ConnectionClosed" in seen:
                break
            await asyncio.sleep(0.02)
        assert seen == ["chat", "chat", "ConnectionClosed"]
        reader, writer = await asyncio.open_connection("127.0.0.1", handle.port)
        writer.write(b"GET /plain HTTP/1.1\r\nHost: x\r\n\r\n")
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
        assert head.startswith(b"HTTP/1.1 426 ")
        writer.close()
    finally:
        await handle.close()
