"""Keep-alive request streams with chunked bodies, and a reference decoder (RFC 9112).

``make_stream(rng)`` builds a pipelined stream (chunked POSTs with random chunk sizes and
extensions, BWS or not, quoted strings holding ';' '=' and spaces, trailers; Content-Length
POSTs; GETs), optionally with one malformed chunk-size line. ``reference(stream)`` decodes
it by the RFC 9112 grammar alone: the (path, body) of each request served, and whether the
stream then holds a request to refuse (400, close).
"""

from __future__ import annotations

import os
import random
import re

TOKEN_CHARS = "abcXYZ019!#$%&'*+-.^_`|~"
QUOTED_CHARS = "ab ;=,\t\x80"
BWS = ["", " ", "\t", "  "]

# The malformed chunk-size lines (each a 400 and a close wherever the reads cut).
BAD_LINES = [
    b"5\n",                 # bare LF
    b"0x5\r\n",
    b"5x\r\n",
    b" 5\r\n",
    b"-5\r\n",
    b"+5\r\n",
    b"5;a\rb\r\n",           # CR inside an extension
    b"5;a=\x00\r\n",         # NUL
    b"5; a=\x01\r\n",        # control char after BWS
    b"5; a=b\x7f\r\n",       # DEL
    b'5; a="x\r\n',          # unterminated quote
    b'5 ; a = "x;y\r\n',     # unterminated quote with BWS
    b"5; a=1 \r\n",          # whitespace at the end
    b"5; a b\r\n",           # space inside a name
    b"5; a==1\r\n",
    b";a=1\r\n",             # no size
    b"\r\n",                 # empty size line
    b"fffffffffffffffffffff\r\n",  # over 64 bits
    b"5; " + b"a" * 9000 + b"\r\n",  # an oversized line with BWS
    b"5;" + b"a" * 9000 + b"\r\n",  # an oversized line
    b"5;a=1\r\r\n",
    b"5;\ta=\t\"b\"\t\r\n",  # trailing tab
]


# (CHUNKFUZZ_SHORT=1: without the two oversized lines)
if os.environ.get("CHUNKFUZZ_SHORT"):
    BAD_LINES = [line for line in BAD_LINES if len(line) < 100]


def token(rng: random.Random) -> str:
    return "".join(rng.choice(TOKEN_CHARS) for _ in range(rng.randint(1, 5)))


def quoted(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 6)):
        if rng.random() < 0.15:
            parts.append("\\" + rng.choice('"\\a ;'))
        else:
            parts.append(rng.choice(QUOTED_CHARS))
    return '"' + "".join(parts) + '"'


def extensions(rng: random.Random, bws: bool) -> str:
    out = ""
    for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
        b = (lambda: rng.choice(BWS)) if bws else (lambda: "")
        out += b() + ";" + b() + token(rng)
        if rng.random() < 0.7:
            out += b() + "=" + b() + (token(rng) if rng.random() < 0.5 else quoted(rng))
    if not bws and out and rng.random() < 0.3:
        out = rng.choice(BWS) + out  # (BWS before the first ";", which llhttp takes)
    return out


def size_text(rng: random.Random, n: int) -> str:
    text = f"{n:x}"
    if rng.random() < 0.3:
        text = text.upper()
    return "0" * rng.choice([0, 0, 0, 1, 3]) + text


def chunked_body(rng: random.Random, body: bytes, bad: bytes | None) -> bytes:
    bws = rng.random() < 0.7
    pieces = []
    pos = 0
    while pos < len(body):
        n = rng.choice([1, 2, 3, 5, 16, 100, rng.randint(1, 300)])
        pieces.append(body[pos : pos + n])
        pos += n
    bad_at = rng.randint(0, len(pieces)) if bad is not None else -1
    out = b""
    for i, piece in enumerate(pieces):
        if i == bad_at:
            return out + bad + b"hello\r\n0\r\n\r\n"
        out += (size_text(rng, len(piece)) + extensions(rng, bws) + "\r\n").encode("latin-1")
        out += piece + b"\r\n"
    if bad_at == len(pieces):
        return out + bad + b"hello\r\n0\r\n\r\n"
    out += (size_text(rng, 0) + extensions(rng, bws) + "\r\n").encode("latin-1")
    for _ in range(rng.choice([0, 0, 1, 2])):
        out += f"X-T{rng.randint(0, 9)}: {token(rng)}\r\n".encode()
    return out + b"\r\n"


def body_bytes(rng: random.Random) -> bytes:
    n = rng.choice([0, 1, 5, rng.randint(0, 40), rng.randint(0, 700)])
    # chunk data that looks like framing, now and then
    alphabet = b"ab\r\n;= 0123456789\"" if rng.random() < 0.5 else bytes(range(256))
    return bytes(rng.choice(alphabet) for _ in range(n))


def make_stream(rng: random.Random, count: int = 4, bad: bool = False) -> bytes:
    """``count`` pipelined requests; with ``bad``, one chunked request among them (not
    necessarily the last) has a malformed chunk-size line."""
    bad_index = rng.randrange(count) if bad else -1
    out = b""
    for i in range(count):
        kind = "chunked" if i == bad_index else rng.choice(["chunked", "chunked", "cl", "get"])
        path = f"/r{i}".encode()
        if kind == "get":
            out += b"GET " + path + b" HTTP/1.1\r\nHost: h\r\n\r\n"
        elif kind == "cl":
            body = body_bytes(rng)
            out += (b"POST " + path + b" HTTP/1.1\r\nHost: h\r\nContent-Length: "
                    + str(len(body)).encode() + b"\r\n\r\n" + body)
        else:
            body = body_bytes(rng)
            te = rng.choice([b"Transfer-Encoding: chunked\r\n", b"transfer-encoding: Chunked\r\n"])
            extra = rng.choice([b"", b"X-A: 1\r\n"])
            out += (b"POST " + path + b" HTTP/1.1\r\nHost: h\r\n" + te + extra + b"\r\n"
                    + chunked_body(rng, body, rng.choice(BAD_LINES) if i == bad_index else None))
    return out


# ---- reference decoder (RFC 9112 grammar, written from the RFC) ----

_TCHAR = rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]"
_QS = rb'"(?:[\t !#-\[\]-~\x80-\xff]|\\[\t -~\x80-\xff])*"'
_EXT = rb"(?:[ \t]*;[ \t]*" + _TCHAR + rb"+(?:[ \t]*=[ \t]*(?:" + _TCHAR + rb"+|" + _QS + rb"))?)*"
CHUNK_LINE = re.compile(rb"([0-9A-Fa-f]+)" + _EXT + rb"\r\n")
FIELD_LINE = re.compile(rb"(" + _TCHAR + rb"+):[ \t]*([\x21-\x7e\x80-\xff]+(?:[ \t]+[\x21-\x7e\x80-\xff]+)*)?[ \t]*\r\n")
LINE_MAX = 8190


class Bad(Exception):
    pass


def _chunked(data: bytes, pos: int) -> tuple[bytes, int]:
    body = b""
    while True:
        eol = data.find(b"\n", pos)
        if eol < 0 or eol - pos > LINE_MAX:
            raise Bad("chunk line")
        line = CHUNK_LINE.fullmatch(data, pos, eol + 1)
        if line is None:
            raise Bad(f"chunk line {data[pos:eol + 1][:40]!r}")
        size = int(line.group(1), 16)
        if size >= 1 << 63:
            raise Bad("size")
        pos = eol + 1
        if size == 0:
            break
        if len(data) < pos + size + 2 or data[pos + size : pos + size + 2] != b"\r\n":
            raise Bad("chunk data")
        body += data[pos : pos + size]
        pos += size + 2
    while True:  # trailer section
        eol = data.find(b"\r\n", pos)
        if eol < 0:
            raise Bad("trailer")
        if eol == pos:
            return body, pos + 2
        if FIELD_LINE.fullmatch(data, pos, eol + 2) is None:
            raise Bad("trailer field")
        pos = eol + 2


def reference(data: bytes) -> tuple[list[tuple[bytes, bytes]], bool]:
    """(path, body) of each request in ``data``, and whether a malformed one followed."""
    served: list[tuple[bytes, bytes]] = []
    pos = 0
    while pos < len(data):
        end = data.find(b"\r\n\r\n", pos)
        if end < 0:
            return served, True
        lines = data[pos:end].split(b"\r\n")
        method, path, _ = lines[0].split(b" ")
        fields = {}
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            fields[name.strip().lower()] = value.strip()
        pos = end + 4
        try:
            if fields.get(b"transfer-encoding", b"").lower() == b"chunked":
                body, pos = _chunked(data, pos)
            else:
                n = int(fields.get(b"content-length", b"0"))
                body, pos = data[pos : pos + n], pos + n
        except Bad:
            return served, True
        served.append((path, body))
    return served, False
