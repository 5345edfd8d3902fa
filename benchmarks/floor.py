"""The floor: a bare uvloop + httptools protocol that answers with fixed responses.

Run: ``python floor.py PORT``. No framework, no routing beyond one dict lookup of the path,
no Request object: the least Python an HTTP/1.1 keep-alive server on this stack can run per
request. ``POST`` requests get their body back; any other request gets the response fixed for
its path (``Hello, world!`` for unknown paths), so the benchmark routes all answer 200.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys

import httptools
import uvloop

__all__ = ["FloorProtocol", "RESPONSES", "main"]


def _response(body: bytes, content_type: bytes) -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\nconnection: keep-alive\r\n"
        b"content-type: %s\r\n\r\n%s" % (len(body), content_type, body)
    )


_TEXT = _response(b"Hello, world!", b"text/plain; charset=utf-8")
_JSON = b"application/json"

RESPONSES: dict[bytes, bytes] = {}
for _prefix in (b"", b"/mw"):
    RESPONSES[_prefix or b"/"] = _TEXT
    RESPONSES[_prefix + b"/json"] = _response(b'{"hello":"world"}', _JSON)
    RESPONSES[_prefix + b"/user/123"] = _response(
        json.dumps({"id": 123}, separators=(",", ":")).encode(), _JSON
    )


class FloorProtocol(asyncio.Protocol):
    """One connection: parse with httptools, answer each request with one write."""

    __slots__ = ("transport", "parser", "url", "body")

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpRequestParser(self)
        self.url = b""
        self.body: list[bytes] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError:
            self.transport.write(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
            self.transport.close()

    def on_url(self, url: bytes) -> None:
        self.url = url

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        if self.body:
            self.transport.write(_response(b"".join(self.body), b"application/octet-stream"))
            self.body = []
        else:
            self.transport.write(RESPONSES.get(self.url, _TEXT))
        if not self.parser.should_keep_alive():
            self.transport.close()


def main(port: int) -> None:
    """Serve on 127.0.0.1:``port`` until interrupted."""
    uvloop.install()
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(
        loop.create_server(FloorProtocol, "127.0.0.1", port, backlog=1024)
    )
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, loop.stop)
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.close()


if __name__ == "__main__":
    main(int(sys.argv[1]))
