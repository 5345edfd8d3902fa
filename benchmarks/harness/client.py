"""A tiny blocking HTTP/1.1 client for readiness checks, warm-up, verification and profiling.

Talks to 127.0.0.1 only; every wait is bounded by a socket timeout.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass

__all__ = ["HttpClientError", "KeepAliveClient", "Response", "build_request", "get_once"]

HOST = "127.0.0.1"


class HttpClientError(RuntimeError):
    """The server answered with something this client cannot read."""


@dataclass
class Response:
    """One parsed response."""

    status: int
    headers: dict[str, str]
    body: bytes


def build_request(method: str, path: str, body: bytes = b"", *, keep_alive: bool = True) -> bytes:
    """The bytes of one request, with ``Content-Length`` when there is a body."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}"]
    if not keep_alive:
        lines.append("Connection: close")
    if body or method == "POST":
        lines += ["Content-Type: application/octet-stream", f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


class KeepAliveClient:
    """Sends requests one after another over one keep-alive connection."""

    def __init__(self, port: int, *, timeout: float = 5.0) -> None:
        self.sock = socket.create_connection((HOST, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""

    def close(self) -> None:
        """Close the connection."""
        self.sock.close()

    def __enter__(self) -> KeepAliveClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def request(self, raw: bytes) -> Response:
        """Send ``raw`` (a whole request) and read one response."""
        self.sock.sendall(raw)
        return self.read_response()

    def _fill(self) -> None:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise HttpClientError("connection closed before a full response")
        self.buf += chunk

    def read_response(self) -> Response:
        """Read one response with a ``Content-Length`` or chunked body."""
        while b"\r\n\r\n" not in self.buf:
            if len(self.buf) > 65536:
                raise HttpClientError("response head too large")
            self._fill()
        head, _, rest = self.buf.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        try:
            status = int(lines[0].split(" ", 2)[1])
        except (IndexError, ValueError) as exc:
            raise HttpClientError(f"bad status line {lines[0]!r}") from exc
        headers: dict[str, str] = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        self.buf = rest
        if "content-length" in headers:
            size = int(headers["content-length"])
            while len(self.buf) < size:
                self._fill()
            body, self.buf = self.buf[:size], self.buf[size:]
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = self._read_chunked()
        else:
            body = b""
        return Response(status, headers, body)

    def _read_chunked(self) -> bytes:
        parts = []
        for _ in range(100_000):
            while b"\r\n" not in self.buf:
                self._fill()
            size_line, _, self.buf = self.buf.partition(b"\r\n")
            size = int(size_line.split(b";")[0], 16)
            while len(self.buf) < size + 2:
                self._fill()
            parts.append(self.buf[:size])
            self.buf = self.buf[size + 2 :]
            if size == 0:
                return b"".join(parts)
        raise HttpClientError("too many chunks")


def get_once(port: int, path: str, *, timeout: float = 1.0) -> Response:
    """One ``GET`` on a fresh connection; raises ``OSError`` if nothing listens yet."""
    client = KeepAliveClient(port, timeout=timeout)
    try:
        return client.request(build_request("GET", path, keep_alive=False))
    finally:
        client.close()
