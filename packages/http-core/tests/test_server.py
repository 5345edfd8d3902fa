"""Serving over real loopback sockets: TCP, UNIX sockets, TLS, graceful shutdown."""

from __future__ import annotations

import asyncio
import logging
import os
import select
import socket
import ssl
import stat
import threading
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import trustme

from hurtle_http.response import text
from hurtle_http.server import (
    HandlerApp,
    bind_socket,
    bind_unix_socket,
    load_ssl,
    serve,
    start_server,
)
from hurtle_http.testing import parse_responses

from .conftest import hello


async def info(request: Any) -> Any:
    ci = request.conn_info
    return text(f"{request.path} ssl={ci.ssl} client={ci.client_ip}")


async def roundtrip(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, raw: bytes) -> Any:
    writer.write(raw)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    [res] = parse_responses(head, head_only=True)
    length = int(res.header("content-length") or 0)
    res.body = await reader.readexactly(length)
    return res


async def test_start_server_answers_on_tcp_with_keep_alive() -> None:
    handle = await start_server(HandlerApp(info), host="127.0.0.1", port=0)
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", handle.port)
        for path in (b"/a", b"/b"):
            res = await roundtrip(reader, writer, b"GET " + path + b" HTTP/1.1\r\nHost: x\r\n\r\n")
            assert res.status == 200
            assert res.body == path + b" ssl=False client=127.0.0.1"
        assert len(handle.connections) == 1
        writer.close()
    finally:
        await handle.close()


async def test_plain_handler_is_accepted_by_start_server() -> None:
    handle = await start_server(hello, port=0)
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", handle.port)
        res = await roundtrip(reader, writer, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert res.body == b"hello"
        writer.close()
    finally:
        await handle.close()


async def test_unix_socket_with_mode(tmp_path: Path) -> None:
    path = str(tmp_path / "hurtle.sock")
    handle = await start_server(HandlerApp(info), unix=path, unix_mode=0o600)
    try:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        reader, writer = await asyncio.open_unix_connection(path)
        res = await roundtrip(reader, writer, b"GET /u HTTP/1.1\r\nHost: x\r\n\r\n")
        assert res.body == b"/u ssl=False client="
        writer.close()
    finally:
        await handle.close()
    assert not os.path.exists(path)  # noqa: ASYNC240


@pytest.mark.parametrize(("port", "backlog"), [(-1, 5), (70000, 5), ("x", 5), (0, "x")])
def test_a_bind_refused_for_its_arguments_closes_the_socket(port: Any, backlog: Any) -> None:
    # A port out of range (OverflowError), not a number or a backlog not a number
    # (TypeError) left the socket open until the garbage collector found it.
    made: list[socket.socket] = []
    real = socket.socket

    def recording(*args: Any, **kwargs: Any) -> socket.socket:
        made.append(real(*args, **kwargs))
        return made[-1]

    with mock.patch.object(socket, "socket", recording), pytest.raises((OverflowError, TypeError)):
        bind_socket("127.0.0.1", port, backlog=backlog)
    assert len(made) == 1 and made[0].fileno() == -1


def test_bind_socket_listens() -> None:
    sock = bind_socket("127.0.0.1", 0, backlog=5)
    try:
        port = sock.getsockname()[1]
        client = socket.create_connection(("127.0.0.1", port), timeout=2)
        client.close()
    finally:
        sock.close()


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def cert_files(ca: trustme.CA, tmp_path: Path) -> tuple[Path, Path]:
    server_cert = ca.issue_cert("localhost", "127.0.0.1")
    cert = tmp_path / "fullchain.pem"
    key = tmp_path / "privkey.pem"
    server_cert.private_key_and_cert_chain_pem.write_to_path(str(cert))
    server_cert.private_key_pem.write_to_path(str(key))
    return cert, key


def _client_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


@pytest.mark.parametrize("form", ["dict", "aliases", "folder", "context"])
async def test_tls_in_every_accepted_form(
    form: str, ca: trustme.CA, cert_files: tuple[Path, Path]
) -> None:
    cert, key = cert_files
    if form == "dict":
        ssl_arg: Any = {"cert": str(cert), "key": str(key)}
    elif form == "aliases":
        ssl_arg = {"certfile": cert, "keyfile": key}
    elif form == "folder":
        ssl_arg = str(cert.parent)
    else:
        ssl_arg = load_ssl({"cert": cert, "key": key})
    handle = await start_server(HandlerApp(info), port=0, ssl=ssl_arg)
    try:
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", handle.port, ssl=_client_context(ca), server_hostname="localhost"
        )
        res = await roundtrip(reader, writer, b"GET /tls HTTP/1.1\r\nHost: localhost\r\n\r\n")
        assert res.body == b"/tls ssl=True client=127.0.0.1"
        writer.close()
    finally:
        await handle.close()


def test_load_ssl_errors_say_what_to_fix(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="certificate file not found"):
        load_ssl({"cert": tmp_path / "nope.pem", "key": tmp_path / "nope.key"})
    with pytest.raises(ValueError, match="needs both"):
        load_ssl({"cert": "x"})
    with pytest.raises(ValueError, match="not a folder"):
        load_ssl(str(tmp_path / "missing"))
    with pytest.raises(TypeError, match="SSLContext"):
        load_ssl(42)


def test_load_ssl_names_the_files_when_openssl_refuses_them(
    ca: trustme.CA, cert_files: tuple[Path, Path], tmp_path: Path
) -> None:
    from cryptography.hazmat.primitives import serialization

    cert, key = cert_files
    encrypted = tmp_path / "encrypted.pem"
    private = serialization.load_pem_private_key(key.read_bytes(), None)
    encrypted.write_bytes(private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(b"right"),
    ))
    assert load_ssl({"cert": cert, "key": encrypted, "password": "right"})
    # OpenSSL alone says "[SSL] PEM lib": neither which files nor why.
    with pytest.raises(ssl.SSLError, match=r"cannot load the TLS certificate .*password"):
        load_ssl({"cert": cert, "key": encrypted, "password": "wrong"})
    other_key = tmp_path / "other.pem"
    ca.issue_cert("localhost").private_key_pem.write_to_path(str(other_key))
    with pytest.raises(ssl.SSLError, match=f"private key {other_key}.*does not match"):
        load_ssl({"certfile": cert, "keyfile": other_key})


async def test_graceful_shutdown_lets_in_flight_requests_finish() -> None:
    started = asyncio.Event()

    async def slow(request: Any) -> Any:
        started.set()
        await asyncio.sleep(0.2)
        return text("finished")

    handle = await start_server(HandlerApp(slow), port=0)
    port = handle.port
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await started.wait()
    shutdown = asyncio.ensure_future(handle.graceful_shutdown(5))
    head = await reader.readuntil(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert await reader.readexactly(8) == b"finished"
    await shutdown
    assert not handle.is_serving()
    with pytest.raises(OSError):
        await asyncio.open_connection("127.0.0.1", port)
    writer.close()


async def test_graceful_shutdown_ends_after_the_closed_connections_complete() -> None:
    # As Sanic: an idle keep-alive connection the stop closes has its
    # http.lifecycle.complete dispatched before the shutdown returns (so before
    # after_server_stop and server.shutdown.after); it was dispatched after them.
    completed: list[str] = []

    async def hook(name: str, context: dict) -> None:
        if name == "http.lifecycle.complete":
            await asyncio.sleep(0)  # (a handler that awaits, as signal handlers do)
            await asyncio.sleep(0)
            completed.append("complete")

    app = HandlerApp(hello)
    app.lifecycle_hook = hook  # type: ignore[attr-defined]
    handle = await start_server(app, port=0)
    reader, writer = await asyncio.open_connection("127.0.0.1", handle.port)
    writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await reader.readuntil(b"\r\n\r\n")
    await handle.graceful_shutdown(5)
    completed.append("shutdown returned")
    assert completed == ["complete", "shutdown returned"]
    writer.close()


async def test_graceful_shutdown_gives_up_after_the_timeout(caplog) -> None:
    async def forever(request: Any) -> Any:
        await asyncio.Event().wait()

    handle = await start_server(HandlerApp(forever), port=0)
    reader, writer = await asyncio.open_connection("127.0.0.1", handle.port)
    writer.write(b"GET /stuck?x=1 HTTP/1.1\r\nHost: example.test\r\n\r\n")
    await writer.drain()
    await asyncio.sleep(0.05)
    with caplog.at_level(logging.INFO, logger="sanic.root"):
        await handle.graceful_shutdown(0.1)
    assert await reader.read() == b""  # connection cut
    writer.close()
    # As Sanic: the request cut by the timeout is named.
    assert ("sanic.root", logging.INFO,
            "Request: GET http://example.test/stuck?x=1 stopped. Transport is closed."
            ) in caplog.record_tuples


async def test_end_grace_cuts_a_graceful_shutdown_short(caplog) -> None:
    # A second Ctrl-C while the stop waits for a request that will not end: the grace
    # ends now (the request is cut and named, as at the timeout), not 60 s later.
    started = asyncio.Event()

    async def forever(request: Any) -> Any:
        started.set()
        await asyncio.Event().wait()

    handle = await start_server(HandlerApp(forever), port=0)
    reader, writer = await asyncio.open_connection("127.0.0.1", handle.port)
    writer.write(b"GET /stuck HTTP/1.1\r\nHost: example.test\r\n\r\n")
    await started.wait()
    with caplog.at_level(logging.INFO, logger="sanic.root"):
        shutdown = asyncio.ensure_future(handle.graceful_shutdown(60))
        await asyncio.sleep(0.1)
        assert not shutdown.done()
        handle.end_grace()
        await asyncio.wait_for(shutdown, 10)
    assert await reader.read() == b""  # connection cut
    writer.close()
    assert ("sanic.root", logging.INFO,
            "Request: GET http://example.test/stuck stopped. Transport is closed."
            ) in caplog.record_tuples


async def test_a_handler_the_stop_cut_gets_no_access_line(caplog) -> None:
    # As Sanic: only the "stopped" line above; not the "500 DISCONNECTED" access line of
    # a handler whose client left (both end in the handler's cancellation).
    async def forever(request: Any) -> Any:
        await asyncio.Event().wait()

    handle = await start_server(HandlerApp(forever, {"ACCESS_LOG": True}), port=0)
    reader, writer = await asyncio.open_connection("127.0.0.1", handle.port)
    writer.write(b"GET /stuck HTTP/1.1\r\nHost: example.test\r\n\r\n")
    await writer.drain()
    await asyncio.sleep(0.05)
    with caplog.at_level(logging.INFO):
        await handle.graceful_shutdown(0.1)
        await asyncio.sleep(0.05)
    assert await reader.read() == b""
    writer.close()
    names = [name for name, _, _ in caplog.record_tuples]
    assert "sanic.root" in names and "sanic.access" not in names


def test_serve_runs_until_the_loop_is_stopped() -> None:
    ready = threading.Event()
    state: dict[str, Any] = {}

    def on_ready(handle: Any) -> None:
        state["port"] = handle.port
        state["loop"] = asyncio.get_event_loop()
        ready.set()

    thread = threading.Thread(
        target=serve,
        args=(hello,),
        kwargs={"port": 0, "register_sys_signals": False, "ready": on_ready},
        daemon=True,
    )
    thread.start()
    assert ready.wait(10)
    with socket.create_connection(("127.0.0.1", state["port"]), timeout=5) as client:
        client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := client.recv(4096):
            data += chunk
    assert parse_responses(data)[0].body == b"hello"
    state["loop"].call_soon_threadsafe(state["loop"].stop)
    thread.join(10)
    assert not thread.is_alive()


def test_bind_unix_socket_never_follows_or_replaces_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real.sock"
    with socket.socket(socket.AF_UNIX) as stale:
        stale.bind(str(target))  # a stale socket behind the link
    link = tmp_path / "link.sock"
    link.symlink_to(target)
    with pytest.raises(FileExistsError, match="not a socket"):
        bind_unix_socket(str(link))
    assert link.is_symlink() and target.exists()


async def test_graceful_shutdown_answers_a_request_sent_on_an_idle_keep_alive_connection() -> None:
    # The client's next request may already be on the wire when shutdown starts: it is
    # answered (with connection: close), then the connection ends; a later idle one closes.
    handle = await start_server(HandlerApp(hello), port=0)
    reader, writer = await asyncio.open_connection("127.0.0.1", handle.port)
    writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    first = await reader.readuntil(b"\r\n\r\n")
    assert b"connection: keep-alive" in first.lower()
    await reader.readexactly(int(first.lower().split(b"content-length: ")[1].split(b"\r")[0]))
    shutdown = asyncio.ensure_future(handle.graceful_shutdown(5))
    await asyncio.sleep(0)  # shutdown has begun; the idle connection is still open
    writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    second = await asyncio.wait_for(reader.read(), 5)
    assert second.startswith(b"HTTP/1.1 200") and b"connection: close" in second.lower()
    await asyncio.wait_for(shutdown, 5)
    writer.close()


def _connections_queued(port: int, tries: int = 20) -> int:
    """How many of ``tries`` connections the kernel completes while nobody accepts (the
    caller's loop is not running): about the listening socket's backlog."""
    clients = [socket.socket() for _ in range(tries)]
    try:
        for client in clients:
            client.setblocking(False)
            client.connect_ex(("127.0.0.1", port))
        _, writable, _ = select.select([], clients, [], 0.5)
        return sum(1 for c in writable if c.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0)
    finally:
        for client in clients:
            client.close()


@pytest.mark.parametrize("given", [False, True])
async def test_backlog_reaches_the_listening_socket(given: bool) -> None:
    # asyncio listens again with its own default (100): the backlog asked for must win,
    # for a socket start_server binds and for one bound elsewhere (workers, sock=).
    sock = bind_socket("127.0.0.1", 0, backlog=3) if given else None
    handle = await start_server(HandlerApp(hello), port=0, sock=sock, backlog=3)
    try:
        queued = _connections_queued(handle.port)  # the loop does not accept meanwhile
    finally:
        await handle.close()
    assert 0 < queued <= 4  # Linux queues backlog + 1; with 100 all 20 would connect
