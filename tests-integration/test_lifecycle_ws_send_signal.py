"""``http.lifecycle.send`` sees what a websocket connection writes (as in Sanic).

Found by tests-integration/fidelity/lifecycle2/mw_run.py: Sanic dispatches the signal for
the 101 answer and for each frame; Hurtle dispatched it for HTTP responses only.
"""

from __future__ import annotations

import asyncio
import base64
import os
from typing import Any

from helpers import free_port

from hurtle_app import Sanic

HOST = "127.0.0.1"


async def test_send_signal_sees_the_handshake_and_every_frame() -> None:
    Sanic.test_mode = True
    app = Sanic("WsSendSignal", configure_logging=False)
    app.config.AUTO_EXTEND = False
    sent: list[bytes] = []
    handler_done = asyncio.Event()

    @app.websocket("/ws")
    async def ws(request: Any, sock: Any) -> None:
        await sock.send("hi")
        handler_done.set()

    @app.signal("http.lifecycle.send")
    async def on_send(data: bytes) -> None:
        sent.append(bytes(data))

    port = free_port()
    server = await app.create_server(host=HOST, port=port, return_asyncio_server=True)
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        reader, writer = await asyncio.open_connection(HOST, port)
        key = base64.b64encode(os.urandom(16)).decode()
        writer.write(
            f"GET /ws HTTP/1.1\r\nhost: x\r\nupgrade: websocket\r\nconnection: Upgrade\r\n"
            f"sec-websocket-key: {key}\r\nsec-websocket-version: 13\r\n\r\n".encode()
        )
        received = b""
        for _ in range(50):  # (bounded) up to the server's close frame
            received += await asyncio.wait_for(reader.read(65536), 5)
            if received.endswith(b"\x88\x02\x03\xe8"):
                break
        writer.write(b"\x88\x82abcd" + bytes(x ^ m for x, m in zip(b"\x03\xe8", b"ab", strict=True)))
        await asyncio.wait_for(reader.read(), 5)  # the server ends TCP once closed
        writer.close()
        for _ in range(50):  # (bounded) the signal tasks of the last writes
            if len(sent) >= 3:
                break
            await asyncio.sleep(0.02)
    finally:
        await server.before_stop()
        await server.graceful_shutdown(1)
        await server.after_stop()
        Sanic._app_registry.clear()
    assert handler_done.is_set()
    assert sent[0].startswith(b"HTTP/1.1 101 ")
    # The text frame "hi", then the close frame (1000), as written on the wire.
    assert sent[1:] == [b"\x81\x02hi", b"\x88\x02\x03\xe8"]
    assert received.endswith(b"".join(sent[1:]))
