"""Property: ``app.static(..., use_content_range=True)`` answers a ``Range`` built from the RFC
9110 14.1 grammar with the bytes it selects, or with the whole file where the RFC lets a
server ignore it.

The oracle reads ``range-set = 1#range-spec`` itself: one satisfiable range is a 206 of
exactly its bytes (an end past the file clamped, a suffix longer than the file all of
it); one that is unsatisfiable or invalid (a last before its first, a position that is
not ``1*DIGIT``) a 416 with ``Content-Range: bytes */size``; several ranges (overlapping
or not, in any order) the whole file with 200, which 14.2 always allows; an ``If-Range``
that is not the file's ``Last-Modified`` (13.1.5) the whole file, whatever the ranges.
Files are served read whole (``/s``) and streamed (``/t``, ``stream_large_files``).
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from hurtle_app import Sanic
from hurtle_http.httpdate import format_http_date
from hurtle_http.testing import FakeConnection, parse_responses

MTIME = 1577836800
DATA = b"0123456789abcdefghij"
_DIGITS = re.compile(r"[0-9]+")

digits = st.integers(0, 25).map(str)
positions = st.one_of(digits, digits, st.sampled_from(["", "+1", "1_0", "\u0663"]))
specs = st.one_of(
    st.tuples(positions, positions).map(lambda t: f"{t[0]}-{t[1]}"), digits.map(lambda n: f"-{n}")
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[asyncio.Runner, Sanic]]:
    folder = tmp_path_factory.mktemp("static_ranges")
    for size in (0, 1, 20):
        path = folder / f"f{size}.bin"
        path.write_bytes(DATA[:size])
        os.utime(path, (MTIME, MTIME))
    Sanic._app_registry.clear()
    app = Sanic("StaticRanges", configure_logging=False)
    app.static("/s", Path(folder), use_content_range=True, name="read")
    app.static("/t", Path(folder), use_content_range=True, stream_large_files=1, name="streamed")
    with asyncio.Runner() as runner:
        runner.run(app._startup())
        yield runner, app
    Sanic._app_registry.clear()


async def get(app: Sanic, target: str, fields: dict[str, str]) -> tuple[int, dict, bytes]:
    conn = FakeConnection(app)
    head = f"GET {target} HTTP/1.1\r\nHost: h\r\n" + "".join(
        f"{k}: {v}\r\n" for k, v in fields.items()
    )
    conn.receive(head.encode("utf-8") + b"\r\n")
    data = b""
    for _ in range(500):  # the file is read in a worker thread: wait for it, bounded
        await conn.settle()
        data += conn.take()
        if b"\r\n\r\n" in data:
            try:
                response = parse_responses(data)[0]
            except ValueError:  # a chunked body cut mid-chunk: not all of it yet
                await asyncio.sleep(0.001)
                continue
            if response.header("transfer-encoding") == "chunked":
                if data.endswith(b"0\r\n\r\n"):
                    break
            elif len(response.body) == int(response.header("content-length") or 0):
                break
        await asyncio.sleep(0.001)
    conn.client_disconnects()
    await conn.settle()
    response = parse_responses(data)[0]
    return response.status, dict(response.headers), response.body


def oracle(ranges: list[str], if_range: str | None, size: int) -> tuple[int, bytes]:
    data = DATA[:size]
    if if_range is not None and if_range != format_http_date(MTIME):
        return 200, data
    if len(ranges) > 1:
        return 200, data
    first, _, last = ranges[0].partition("-")
    if any(pos and not _DIGITS.fullmatch(pos) for pos in (first, last)) or not (first or last):
        return 416, b""
    if not first:
        n = int(last)
        return (416, b"") if n == 0 or size == 0 else (206, data[-n:])
    start = int(first)
    if (last and int(last) < start) or start >= size:
        return 416, b""
    end = size - 1 if not last else min(int(last), size - 1)
    return 206, data[start : end + 1]


@settings(max_examples=120, deadline=None)
@given(
    st.lists(specs, min_size=1, max_size=3),
    st.sampled_from([",", ", ", " ,"]),
    st.sampled_from(["", " "]),
    st.sampled_from([None, format_http_date(MTIME), format_http_date(MTIME + 1), '"x"']),
    st.sampled_from([0, 1, 20]),
    st.sampled_from(["/s", "/t"]),
)
@example(["1_0-1_2"], ",", "", None, 20, "/s")
@example(["1_0-1_2"], ",", "", None, 20, "/t")
@example(["0-5", "3-8"], ",", "", None, 20, "/s")  # overlapping: the whole file
@example(["11-", "+1-22", "11-\u0663"], ",", "", None, 1, "/s")  # a non-ASCII field value
def test_a_static_range_gets_the_bytes_the_grammar_selects(
    served: tuple[asyncio.Runner, Sanic],
    ranges: list[str],
    sep: str,
    ows: str,
    if_range: str | None,
    size: int,
    route: str,
) -> None:
    runner, app = served
    fields = {"Range": f"bytes={ows}{sep.join(ranges)}{ows}"}
    if if_range is not None:
        fields["If-Range"] = if_range
    status, headers, body = runner.run(get(app, f"{route}/f{size}.bin", fields))
    assert (status, body if status != 416 else b"") == oracle(ranges, if_range, size)
    if status == 206:
        match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", headers["content-range"])
        assert match is not None and int(match[3]) == size
        assert DATA[int(match[1]) : int(match[2]) + 1] == body
    elif status == 416:
        assert headers["content-range"] == f"bytes */{size}"
