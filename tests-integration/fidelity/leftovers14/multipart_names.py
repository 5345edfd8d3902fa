"""How HTTP clients write a form field name holding a backslash or a quote in a
multipart Content-Disposition: each client posts to a one-shot local socket server and
the raw disposition lines are printed.

Run with a Python that has requests, httpx and aiohttp installed:
    python multipart_names.py
"""

from __future__ import annotations

import asyncio
import re
import socket
import threading

NAMES = ['a\\', 'a"b', 'a\\"b']


def capture(send) -> bytes:
    """Serve one request on 127.0.0.1, run ``send(url)``, return the raw request bytes."""
    srv = socket.create_server(("127.0.0.1", 0))
    srv.settimeout(10)
    got: list[bytes] = []

    def serve() -> None:
        conn, _ = srv.accept()
        conn.settimeout(5)
        data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))
        while len(body) < length:
            body += conn.recv(65536)
        got.append(body)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        conn.close()

    thread = threading.Thread(target=serve)
    thread.start()
    send(f"http://127.0.0.1:{srv.getsockname()[1]}/")
    thread.join(10)
    srv.close()
    return got[0]


def via_requests(name: str) -> bytes:
    import requests

    return capture(lambda url: requests.post(url, files={name: ("f.txt", b"x")},
                                             data={name: "v"}, timeout=5))


def via_httpx(name: str) -> bytes:
    import httpx

    return capture(lambda url: httpx.post(url, files={name: ("f.txt", b"x")},
                                          data={name: "v"}, timeout=5))


def via_aiohttp(name: str) -> bytes:
    import aiohttp

    async def post(url: str) -> None:
        form = aiohttp.FormData()
        form.add_field(name, "v")
        form.add_field(name, b"x", filename="f.txt")
        async with aiohttp.ClientSession() as session:
            async with session.post(url, data=form) as response:
                await response.read()

    return capture(lambda url: asyncio.run(post(url)))


if __name__ == "__main__":
    for client in (via_requests, via_httpx, via_aiohttp):
        for name in NAMES:
            body = client(name)
            lines = [line for line in body.split(b"\r\n") if b"disposition" in line.lower()]
            print(client.__name__[4:], repr(name), lines)
