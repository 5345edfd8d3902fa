"""The server side of the websocket opening handshake, read against RFC 6455 4.2 and
RFC 9110 5.5/7.8 (Sanic 25.12 differs on each; see the fidelity README's RFC checklist)."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_http.testing import FakeConnection

KEY = b"dGhlIHNhbXBsZSBub25jZQ=="


async def _handshake(head: bytes) -> bytes:
    async def upgrade(request: Any) -> Any:
        return await request.transport.get_protocol().websocket_handshake(request)

    conn = FakeConnection(upgrade)
    conn.receive(head)
    await conn.settle()
    return conn.take()


def _head(version_line: bytes | None, *, http: bytes = b"1.1", extra: bytes = b"") -> bytes:
    return (
        b"GET /ws HTTP/" + http + b"\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        b"Sec-WebSocket-Key: " + KEY + b"\r\n"
        + (version_line + b"\r\n" if version_line is not None else b"")
        + extra
        + b"\r\n"
    )


def _fields(sent: bytes) -> dict[bytes, bytes]:
    head = sent.split(b"\r\n\r\n")[0].split(b"\r\n")[1:]
    return {k.lower(): v.strip() for k, _, v in (line.partition(b":") for line in head)}


@pytest.mark.parametrize(
    "version_line",
    [b"Sec-WebSocket-Version: 8", b"Sec-WebSocket-Version: 14", b"Sec-WebSocket-Version: 13, 8", None],
)
async def test_a_version_other_than_13_gets_426_with_the_version_spoken(
    version_line: bytes | None,
) -> None:
    """RFC 6455 4.2.2: a version the server does not speak is refused with an error such
    as 426 and a Sec-WebSocket-Version naming the versions it speaks (RFC 9110 15.5.22: a
    426 names the protocol in Upgrade). Sanic answers 400 without either field."""
    sent = await _handshake(_head(version_line))
    assert sent.startswith(b"HTTP/1.1 426 ")
    fields = _fields(sent)
    assert fields[b"sec-websocket-version"] == b"13"
    assert fields[b"upgrade"] == b"websocket"


async def test_a_bad_key_with_another_version_stays_a_400_naming_the_version() -> None:
    sent = await _handshake(
        _head(b"Sec-WebSocket-Version: 8").replace(KEY, b"short")
    )
    assert sent.startswith(b"HTTP/1.1 400 ")
    assert _fields(sent)[b"sec-websocket-version"] == b"13"


async def test_an_http_1_0_upgrade_is_not_switched() -> None:
    """RFC 9110 7.8: Upgrade in an HTTP/1.0 request MUST be ignored, and RFC 6455 4.2.1
    asks for an HTTP/1.1 GET; Sanic sent 101 and switched."""
    sent = await _handshake(_head(b"Sec-WebSocket-Version: 13", http=b"1.0"))
    assert sent.startswith(b"HTTP/1.1 426 ")
    assert _fields(sent)[b"upgrade"] == b"websocket"
    assert b"HTTP/1.1" in sent.split(b"\r\n\r\n", 1)[1]


@pytest.mark.parametrize("ows", [b" ", b"\t", b"  \t"])
async def test_trailing_whitespace_is_no_part_of_a_handshake_field(ows: bytes) -> None:
    """RFC 9110 5.5: whitespace after a field value is excluded before it is evaluated;
    `Sec-WebSocket-Key: <key> ` was a 400 (as in Sanic)."""
    head = (
        b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket" + ows
        + b"\r\nConnection: Upgrade" + ows + b"\r\nSec-WebSocket-Key: " + KEY + ows
        + b"\r\nSec-WebSocket-Version: 13" + ows + b"\r\n\r\n"
    )
    sent = await _handshake(head)
    assert sent.startswith(b"HTTP/1.1 101 ")
    assert _fields(sent)[b"sec-websocket-accept"] == b"s3pPLMBiTxaQ9kYGzzhZRbK+xOo="


async def test_a_handshake_without_host_is_refused() -> None:
    """RFC 6455 4.2.1: the opening handshake MUST carry Host; one that does not MUST be
    refused. Sanic switched protocols. (As any HTTP/1.1 request without Host, RFC 9112 3.2.)"""
    sent = await _handshake(_head(b"Sec-WebSocket-Version: 13").replace(b"Host: x\r\n", b""))
    assert sent.startswith(b"HTTP/1.1 400 ")
    assert b"Missing Host header" in sent


@pytest.mark.parametrize(
    "upgrade",
    [b"Upgrade: h2c, websocket", b"Upgrade: WebSocket , foo/2", b"Upgrade: foo\r\nUpgrade: websocket"],
)
async def test_an_upgrade_list_offering_websocket_is_switched(upgrade: bytes) -> None:
    """RFC 9110 7.8: Upgrade is a list of protocols the client would switch to, and the
    server picks one; RFC 6455 4.2.1 asks for an Upgrade containing websocket. A list
    was a 426 (the library, and Sanic, accept `websocket` alone). The 101 names the one
    protocol switched to."""
    sent = await _handshake(_head(b"Sec-WebSocket-Version: 13").replace(b"Upgrade: websocket", upgrade))
    assert sent.startswith(b"HTTP/1.1 101 ")
    fields = _fields(sent)
    assert fields[b"upgrade"] == b"websocket"
    assert fields[b"sec-websocket-accept"] == b"s3pPLMBiTxaQ9kYGzzhZRbK+xOo="


async def test_an_upgrade_list_without_websocket_is_still_426() -> None:
    sent = await _handshake(_head(b"Sec-WebSocket-Version: 13").replace(b"Upgrade: websocket", b"Upgrade: h2c, foo"))
    assert sent.startswith(b"HTTP/1.1 426 ")


@pytest.mark.parametrize("expect", [b"100-continue", b"100-Continue "])
async def test_an_upgrade_expecting_100_continue_gets_it_before_the_101(expect: bytes) -> None:
    """RFC 9110 7.8: with both Upgrade and Expect: 100-continue, the server MUST send a
    100 (Continue) before the 101. Sanic sends the 101 alone."""
    sent = await _handshake(
        _head(b"Sec-WebSocket-Version: 13", extra=b"Expect: " + expect + b"\r\n")
    )
    assert sent.startswith(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 101 ")
    assert sent.count(b"HTTP/1.1 100") == 1


async def test_an_upgrade_without_expect_gets_the_101_alone() -> None:
    sent = await _handshake(_head(b"Sec-WebSocket-Version: 13"))
    assert sent.startswith(b"HTTP/1.1 101 ")


@pytest.mark.parametrize(
    ("field", "body"),
    [
        (b"Content-Length: 3\r\n", b"abc"),
        (b"Transfer-Encoding: Chunked\r\n", b"3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nT: 1\r\n\r\n"),
    ],
)
async def test_frames_after_a_handshake_body_are_frames(field: bytes, body: bytes) -> None:
    """RFC 9110 7.8: the request's content is HTTP/1.1; the new protocol starts after it
    (Sanic reads both; a chunked body's bytes were read as frames here: a 1002)."""

    async def echo_once(request: Any) -> Any:
        ws = await request.transport.get_protocol().websocket_handshake(request)
        await ws.send(await ws.recv())
        await ws.close()

    masked_hi = b"\x81\x82\x00\x00\x00\x00hi"
    conn = FakeConnection(echo_once)
    conn.receive(_head(b"Sec-WebSocket-Version: 13", extra=field) + body + masked_hi)
    await conn.settle()
    sent = conn.take()
    assert sent.startswith(b"HTTP/1.1 101 ")
    assert b"\r\n\r\n\x81\x02hi" in sent


@pytest.mark.parametrize(
    "head",
    [
        _head(b"Sec-WebSocket-Version: 8"),  # a version not spoken
        _head(b"Sec-WebSocket-Version: 13", http=b"1.0"),  # Upgrade ignored in HTTP/1.0
        b"GET /ws HTTP/1.1\r\nHost: x\r\n\r\n",  # no Upgrade at all
    ],
)
async def test_a_426_lists_upgrade_in_connection(head: bytes) -> None:
    """RFC 9110 7.8: the sender of an Upgrade field MUST also send Connection with the
    `upgrade` option (RFC 9110 15.5.22's example); the 426 said only keep-alive/close."""
    sent = await _handshake(head)
    assert sent.startswith(b"HTTP/1.1 426 ")
    fields = _fields(sent)
    assert fields[b"upgrade"] == b"websocket"
    assert b"upgrade" in [option.strip() for option in fields[b"connection"].split(b",")]
