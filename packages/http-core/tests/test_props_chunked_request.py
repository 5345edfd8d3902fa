"""Property: a chunked request body written as RFC 9112 7.1 allows reaches the handler whole,
however it is cut into chunks and reads, and the next request on the connection follows.

``chunked-body = *chunk last-chunk trailer-section CRLF``, ``chunk = chunk-size
[ chunk-ext ] CRLF chunk-data CRLF`` with ``chunk-size = 1*HEXDIG`` (leading zeros, either
case), ``chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )`` and
``chunk-ext-val = token / quoted-string``, and trailer fields after the last chunk. The
oracle is the body the chunks were cut from.
"""

from __future__ import annotations

import asyncio
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hurtle_http.framing import ChunkedDecoder
from hurtle_http.response import HTTPResponse
from hurtle_http.testing import FakeConnection, parse_responses

TOKEN = "abcXYZ019!#$%&'*+-.^_`|~"
tokens = st.text(TOKEN, min_size=1, max_size=5)
quoted = st.text("ab ;=,\t" + "é", max_size=5).map(lambda s: f'"{s}"')
# BWS is generated before the first ";" only: llhttp (httptools) refuses it before a
# second extension (``3;a ;b``) and around "=" (``3;a = b``), which 7.1.1 allows and
# Sanic serves; see the "Properties from the RFC grammars" section of the fidelity README.
extension = st.tuples(tokens, st.one_of(st.none(), tokens, quoted)).map(
    lambda t: f";{t[0]}" + ("" if t[1] is None else f"={t[1]}")
)
extensions = st.tuples(st.sampled_from(["", " ", "\t", "  "]), st.lists(extension, max_size=2)).map(
    lambda t: t[0] + "".join(t[1]) if t[1] else ""
)


# The whole of 7.1.1: BWS before every ";" and around "=".
bws = st.sampled_from(["", " ", "\t"])
full_extension = st.tuples(
    bws, tokens, st.one_of(st.none(), st.tuples(bws, bws, tokens | quoted))
).map(lambda t: f"{t[0]};{t[1]}" + ("" if t[2] is None else f"{t[2][0]}={t[2][1]}{t[2][2]}"))
full_extensions = st.lists(full_extension, max_size=3).map("".join)


@st.composite
def chunked(
    draw: st.DrawFn, extensions: st.SearchStrategy[str] = extensions
) -> tuple[bytes, bytes]:
    body = draw(st.binary(max_size=200))
    cuts = sorted(draw(st.lists(st.integers(0, len(body)), max_size=5)))
    pieces = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True) if b > a]
    out = b""
    for piece in pieces:
        size = f"{len(piece):x}"
        size = "0" * draw(st.integers(0, 2)) + (size.upper() if draw(st.booleans()) else size)
        out += f"{size}{draw(extensions)}\r\n".encode() + piece + b"\r\n"
    out += f"{'0' * draw(st.integers(1, 3))}{draw(extensions)}\r\n".encode()
    if draw(st.booleans()):
        out += b"X-Trailer: t\r\n"
    out += b"\r\n"
    return body, out


async def echo_body(request: Any) -> HTTPResponse:
    return HTTPResponse(body=request.body)


async def send(data: bytes, reads: list[int]) -> list[Any]:
    conn = FakeConnection(echo_body)
    pos = 0
    for size in reads:
        conn.receive(data[pos : pos + size])
        pos += size
        await conn.settle()
    conn.receive(data[pos:])
    await conn.settle()
    sent = conn.take()
    conn.client_disconnects()
    await conn.settle()
    return parse_responses(sent)


@settings(max_examples=200, deadline=None)
@given(chunked(), st.lists(st.integers(1, 40), max_size=6))
@example((b"hello", b'5;a="x;y"\r\nhello\r\n0\t;b=c;d\r\nX-Trailer: t\r\n\r\n'), [3, 4])
def test_a_chunked_body_reaches_the_handler_whole(
    case: tuple[bytes, bytes], reads: list[int]
) -> None:
    body, framed = case
    head = b"POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
    after = b"GET /b HTTP/1.1\r\nHost: h\r\n\r\n"
    responses = asyncio.run(send(head + framed + after, reads))
    assert [(r.status, r.body) for r in responses] == [(200, body), (200, b"")]


@settings(max_examples=200, deadline=None)
@given(chunked(full_extensions), st.lists(st.integers(1, 40), max_size=6))
@example((b"abc", b"3;a ;b\r\nabc\r\n0;c = d\r\n\r\n"), [4])
def test_the_python_chunked_decoder_reads_the_whole_grammar(
    case: tuple[bytes, bytes], reads: list[int]
) -> None:
    # ChunkedDecoder frames what llhttp does not (the body of an Upgrade request answered
    # in HTTP/1.1); it reads every extension 7.1.1 allows, BWS included.
    body, framed = case
    data = framed + b"GET /next"
    decoder = ChunkedDecoder()
    got, rest, pos = b"", b"", 0
    for size in [*reads, len(data)]:
        if decoder.done:
            break
        out, rest = decoder.feed(data[pos : pos + size])
        got += out
        pos += size
    assert decoder.done
    assert got == body
    assert rest + data[pos:] == b"GET /next"
