"""A streaming response's ``send`` once the client is gone raises, never drops the data
silently: ``RequestCancelled`` (a ``CancelledError``) while the handler runs, and, as in
Sanic, "No stream is connected" once the handler was cut short. Nothing is logged."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from hurtle_http.exceptions import RequestCancelled, SanicException
from hurtle_http.testing import FakeConnection


@pytest.mark.parametrize("method", ["GET", "HEAD"])
async def test_the_handler_learns_that_the_client_left(
    method: str, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[str] = []

    async def handler(request: Any) -> Any:
        response = await request.respond(content_type="text/plain")
        await response.send("first")
        try:
            await asyncio.Event().wait()  # until the client leaves (the task is cancelled)
        except asyncio.CancelledError:
            try:
                await response.send("after")
            except RequestCancelled:
                seen.append("RequestCancelled")
            raise

    conn = FakeConnection(handler)
    conn.receive(f"{method} / HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    await conn.settle()
    conn.take()
    with caplog.at_level(logging.DEBUG):
        conn.client_disconnects()
        await conn.settle()
    assert seen == ["RequestCancelled"]
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_a_task_sending_after_the_handler_was_cut_short_gets_an_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    responses: list[Any] = []

    async def handler(request: Any) -> Any:
        response = await request.respond(content_type="text/plain")
        await response.send("first")
        responses.append(response)
        await asyncio.Event().wait()

    conn = FakeConnection(handler)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    with caplog.at_level(logging.DEBUG):
        conn.client_disconnects()
        await conn.settle()
    # What another task of the handler (still holding the response) sends now.
    with pytest.raises(SanicException, match="No stream is connected"):
        await responses[0].send("late")
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


async def test_the_first_send_of_a_stream_started_after_the_client_left_raises() -> None:
    # A handler that outlives its client (it caught the cancellation) and only then
    # starts streaming: its first send (the head with the first piece) raised nothing
    # and went nowhere, so it streamed on for nobody; Sanic's raises, as later ones do.
    seen: list[str] = []

    async def handler(request: Any) -> Any:
        try:
            await asyncio.Event().wait()  # until the client leaves
        except asyncio.CancelledError:
            pass
        response = await request.respond(content_type="text/plain")
        try:
            await response.send("hello")
            seen.append("sent")
        except RequestCancelled:
            seen.append("RequestCancelled")

    conn = FakeConnection(handler)
    conn.receive(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
    await conn.settle()
    conn.client_disconnects()
    await conn.settle()
    assert seen == ["RequestCancelled"]
    assert conn.take() == b""
