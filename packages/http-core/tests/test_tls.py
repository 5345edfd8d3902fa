"""TLS as a client sees it: the settings of a context built from ``ssl=`` (protocol
versions, TLS 1.2 suites, ALPN), and what ``conn_info.cert`` reports, over real handshakes
on loopback with certificates from a throwaway ``trustme`` CA."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import ssl
from pathlib import Path
from typing import Any

import pytest
import trustme

from hurtle_http import json as json_response
from hurtle_http.server import HandlerApp, load_ssl, start_server


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def files(ca: trustme.CA, tmp_path: Path) -> dict[str, str]:
    leaf = ca.issue_cert("localhost", "site.test", "127.0.0.1")
    cert, key = tmp_path / "fullchain.pem", tmp_path / "privkey.pem"
    leaf.cert_chain_pems[0].write_to_path(str(cert))
    leaf.private_key_pem.write_to_path(str(key))
    return {"cert": str(cert), "key": str(key)}


async def conn_cert(request: Any) -> Any:
    return json_response(request.conn_info.cert)


async def handshake(
    ssl_arg: Any, ca: trustme.CA, *, tls12_ciphers: str | None = None, alpn: bool = False,
    request: bool = False,
) -> tuple[str | None, Any]:
    """(ALPN protocol chosen, JSON body of ``GET /`` or None) for one TLS connection."""
    client = ssl.create_default_context()
    ca.configure_trust(client)
    if tls12_ciphers:
        client.maximum_version = ssl.TLSVersion.TLSv1_2
        client.set_ciphers(tls12_ciphers)
    if alpn:
        client.set_alpn_protocols(["h2", "http/1.1"])
    handle = await start_server(HandlerApp(conn_cert), port=0, ssl=ssl_arg)
    try:
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", handle.port, ssl=client, server_hostname="localhost"
        )
        chosen = writer.get_extra_info("ssl_object").selected_alpn_protocol()
        body = None
        if request:
            writer.write(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            body = json.loads((await reader.read()).partition(b"\r\n\r\n")[2])
        writer.close()
        return chosen, body
    finally:
        await handle.close()


async def test_alpn_offers_http_1_1(ca: trustme.CA, files: dict[str, str]) -> None:
    """A client offering h2 and http/1.1 is told http/1.1 (as Sanic), not left to guess."""
    assert (await handshake(files, ca, alpn=True))[0] == "http/1.1"


async def test_tls12_takes_only_forward_secret_aead_suites(
    ca: trustme.CA, files: dict[str, str]
) -> None:
    """As Sanic: a TLS 1.2 client limited to CBC suites is refused, an AEAD one is served."""
    assert (await handshake(files, ca, tls12_ciphers="ECDHE-ECDSA-AES128-GCM-SHA256"))[0] is None
    with pytest.raises((ssl.SSLError, ConnectionError)):
        await handshake(files, ca, tls12_ciphers="ECDHE-ECDSA-AES128-SHA256")


async def test_conn_info_cert_shows_subject_names_and_files_never_the_password(
    ca: trustme.CA, files: dict[str, str]
) -> None:
    """``conn_info.cert``: the subject's fields, the certificate's names in its order (IP
    addresses too), the extra options, then the files; the key's password is left out."""
    _, body = await handshake({**files, "password": None, "label": "x"}, ca, request=True)
    assert list(body) == [
        "organizationName", "organizationalUnitName", "label", "names", "cert", "key"
    ]
    assert body["names"] == ["localhost", "site.test", "127.0.0.1"]
    assert (body["cert"], body["key"], body["label"]) == (files["cert"], files["key"], "x")


async def test_conn_info_cert_with_names_given_has_no_subject(
    ca: trustme.CA, files: dict[str, str]
) -> None:
    _, body = await handshake({**files, "names": ["other.test"]}, ca, request=True)
    assert body == {"names": ["other.test"], **files}


def test_a_context_given_is_served_as_is(files: dict[str, str]) -> None:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    assert load_ssl(context) is context
    assert not hasattr(load_ssl(context), "sanic")


class SilentTlsClient:
    """A TLS client on a raw socket that never answers the server's close_notify (nor
    closes its side): what a peer that stopped reading looks like over TLS."""

    def __init__(self, port: int, ca: trustme.CA) -> None:
        context = ssl.create_default_context()
        ca.configure_trust(context)
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.incoming, self.outgoing = ssl.MemoryBIO(), ssl.MemoryBIO()
        self.tls = context.wrap_bio(self.incoming, self.outgoing, server_hostname="localhost")
        for _ in range(20):  # bounded: a TLS 1.3 handshake takes two round trips
            try:
                self.tls.do_handshake()
                break
            except ssl.SSLWantReadError:
                self.sock.sendall(self.outgoing.read())
                self.incoming.write(self.sock.recv(65536))
        self.sock.sendall(self.outgoing.read())

    def request(self, raw: bytes) -> bytes:
        """Send ``raw``; the plaintext received until the server's close_notify."""
        self.tls.write(raw)
        self.sock.sendall(self.outgoing.read())
        received = b""
        for _ in range(100):
            try:
                chunk = self.tls.read(65536)
            except ssl.SSLWantReadError:
                self.incoming.write(self.sock.recv(65536))
                continue
            if not chunk:  # close_notify: not answered, on purpose
                return received
            received += chunk
        raise AssertionError("no close_notify")

    def tcp_closed(self) -> bool:
        """Whether the server ended the TCP connection (within the socket's timeout)."""
        try:
            while self.sock.recv(65536):
                pass
        except TimeoutError:
            return False
        except ConnectionError:
            pass
        return True


async def test_a_peer_that_never_answers_the_close_notify_is_cut_after_the_close_timeout(
    ca: trustme.CA, files: dict[str, str]
) -> None:
    """The server's close waits for the peer's close_notify no longer than
    GRACEFUL_TCP_CLOSE_TIMEOUT (the TLS layer's own wait is 30 s)."""
    app = HandlerApp(conn_cert, {"GRACEFUL_TCP_CLOSE_TIMEOUT": 0.2})
    handle = await start_server(app, port=0, ssl=files)
    try:
        client = await asyncio.to_thread(SilentTlsClient, handle.port, ca)
        body = await asyncio.to_thread(
            client.request, b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        assert body.startswith(b"HTTP/1.1 200 OK")
        client.sock.settimeout(10)  # the close timeout is 0.2 s, the TLS layer's own 30 s
        assert await asyncio.to_thread(client.tcp_closed)
        client.sock.close()
    finally:
        await handle.close()


def held_until(started: asyncio.Event, release: asyncio.Event) -> Any:
    """A handler that sets ``started`` and answers once ``release`` is set."""

    async def held(request: Any) -> Any:
        started.set()
        await release.wait()
        return json_response({"done": True})

    return held


async def test_shutdown_does_not_wait_for_close_notify_answers(
    ca: trustme.CA, files: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    """A graceful shutdown ends once every connection is closed and flushed: a TLS peer
    that keeps its side open after the server's close_notify does not hold it up, and its
    request, answered in full, is not reported as cut."""
    started, release = asyncio.Event(), asyncio.Event()
    handle = await start_server(HandlerApp(held_until(started, release)), port=0, ssl=files)
    client = await asyncio.to_thread(SilentTlsClient, handle.port, ca)
    try:
        with caplog.at_level(logging.INFO):
            reply = asyncio.ensure_future(asyncio.to_thread(
                client.request, b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
            ))
            await asyncio.wait_for(started.wait(), 5)
            shutdown = asyncio.ensure_future(handle.graceful_shutdown(30))
            release.set()
            assert (await asyncio.wait_for(reply, 5)).startswith(b"HTTP/1.1 200 OK")
            await asyncio.wait_for(shutdown, 10)  # not the 30 s of a close_notify wait
        assert "stopped" not in caplog.text
    finally:
        client.sock.close()
        await handle.close()


async def test_a_peer_half_closing_mid_request_logs_no_asyncio_warning(
    ca: trustme.CA, files: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    """A TLS client that ends its side (TCP FIN) while its request is being handled: the
    TLS layer closes the connection whatever the protocol asks, so asking to keep it open
    only made asyncio log ``returning true from eof_received() has no effect when using
    ssl`` for each such client (Sanic logs nothing)."""
    started, release = asyncio.Event(), asyncio.Event()
    handle = await start_server(HandlerApp(held_until(started, release)), port=0, ssl=files)
    client = await asyncio.to_thread(SilentTlsClient, handle.port, ca)
    try:
        with caplog.at_level(logging.WARNING):
            client.tls.write(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
            client.sock.sendall(client.outgoing.read())
            await asyncio.wait_for(started.wait(), 5)
            client.sock.shutdown(socket.SHUT_WR)
            assert await asyncio.to_thread(client.tcp_closed)  # (the socket's 5 s timeout)
        assert "eof_received" not in caplog.text
    finally:
        release.set()
        client.sock.close()
        await handle.close()
