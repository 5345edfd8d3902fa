"""What a core-only user sees when a plain handler gives back something that is not a
response: ``def`` instead of ``async def``, a coroutine it forgot to await (``file()``
is one), a ``str`` or a ``dict``, ``None``; and what is logged when a streaming handler
fails after its response went out. Served over a real socket, two requests on one
keep-alive connection, since the first request and the next ones take different paths
through the connection (``Http.http1`` and the handler pump)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import pytest

from hurtle_http import file, start_server, text
from hurtle_http.testing import ParsedResponse, parse_responses


async def twice(handler: Any, path: bytes = b"/") -> list[ParsedResponse]:
    """Serve ``handler``; ask for ``path`` twice on one connection; the two answers."""
    handle = await start_server(handler, host="127.0.0.1", port=0)
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", handle.port)
        answers = []
        for _ in range(2):
            writer.write(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\n\r\n")
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
            [res] = parse_responses(head, head_only=True)
            if res.header("transfer-encoding") == "chunked":
                res.body = await asyncio.wait_for(reader.readuntil(b"0\r\n\r\n"), 5)
            else:
                res.body = await reader.readexactly(int(res.header("content-length") or 0))
            answers.append(res)
        writer.close()
        return answers
    finally:
        await handle.close()


async def twice_cut(handler: Any) -> bytes:
    """Serve ``handler``, whose response is cut: all the client gets up to the close."""
    handle = await start_server(handler, host="127.0.0.1", port=0)
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", handle.port)
        writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        sent = await asyncio.wait_for(reader.read(), 5)  # up to the server's close
        writer.close()
        return sent
    finally:
        await handle.close()


@pytest.mark.parametrize(
    ("returned", "shown"),
    [("a string", "'a string'"), ({"a": 1}, "{'a': 1}"), (42, "42")],
)
async def test_a_returned_non_response_is_named_in_the_error(returned: Any, shown: str) -> None:
    async def handler(request: Any) -> Any:
        return returned

    for res in await twice(handler):
        assert res.status == 500
        assert f"Invalid response type {shown} (need HTTPResponse)".encode() in res.body


async def test_a_coroutine_the_handler_forgot_to_await_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("hello")

    async def handler(request: Any) -> Any:
        return file(tmp_path / "a.txt")  # missing: await

    for res in await twice(handler):
        assert res.status == 500
        assert b"Invalid response type <coroutine object file" in res.body
        assert b"did the handler forget to 'await' it?" in res.body


async def test_a_handler_returning_none_is_told_what_to_return() -> None:
    async def handler(request: Any) -> Any:
        return None

    for res in await twice(handler):
        assert res.status == 500
        assert b"The handler returned None: return a response" in res.body


async def test_a_def_handler_is_told_to_be_async_def(caplog: pytest.LogCaptureFixture) -> None:
    def handler(request: Any) -> Any:
        return text("never sent")

    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        answers = await twice(handler)
    assert [res.status for res in answers] == [500, 500]
    errors = [r.exc_info[1] for r in caplog.records if r.exc_info]
    assert [type(error) for error in errors] == [TypeError, TypeError]
    assert all("serve() needs 'async def handler(request)'" in str(e) for e in errors)


async def test_a_failure_after_the_response_ended_is_logged_as_itself(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def handler(request: Any) -> Any:
        response = await request.respond(content_type="text/plain")
        await response.send("done")
        await response.eof()
        await request.respond()  # a second response: refused

    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        answers = await twice(handler)
    assert [res.status for res in answers] == [200, 200]
    messages = [r.getMessage() for r in caplog.records if r.name == "sanic.error"]
    assert len(messages) == 2
    for message in messages:
        assert "Second respond call is not allowed." in message
        assert "No request is waiting for a response" not in message


async def test_a_failure_mid_stream_cuts_the_response_and_is_logged_as_itself(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def handler(request: Any) -> Any:
        response = await request.respond(content_type="text/plain")
        await response.send("part")
        raise ValueError("the data source failed")

    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        sent = await twice_cut(handler)
    assert sent.startswith(b"HTTP/1.1 200 OK\r\n")
    assert sent.endswith(b"\r\n\r\n4\r\npart\r\n")  # no last chunk: the client sees a cut
    errors = [r.exc_info[1] for r in caplog.records if r.exc_info]
    assert [str(error) for error in errors] == ["the data source failed"]


@pytest.mark.parametrize("ended", [False, True])
async def test_a_response_returned_after_responding_is_named(
    ended: bool, caplog: pytest.LogCaptureFixture
) -> None:
    async def handler(request: Any) -> Any:
        response = await request.respond(content_type="text/plain")
        await response.send("sent")
        if ended:
            await response.eof()
        return text("returned too")

    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        if ended:
            answers = await twice(handler)
            assert [res.body for res in answers] == [b"4\r\nsent\r\n0\r\n\r\n"] * 2
        else:
            await twice_cut(handler)
    errors = [str(r.exc_info[1]) for r in caplog.records if r.exc_info]
    assert errors
    for message in errors:
        assert "returned <HTTPResponse: 200 text/plain; charset=utf-8> after its" in message
