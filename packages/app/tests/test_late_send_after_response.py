"""A task that sends on a response after its handler returned, while the connection
already answers the next request: as in Sanic the finished response is no longer
connected (``response.stream is None``), so the send raises ``SanicException`` instead of
writing its bytes into the next request's response."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.exceptions import SanicException
from hurtle_http.response import text

from .test_stream_size_limit import _answers


@pytest.mark.parametrize("streamed", [True, False])
async def test_a_late_send_does_not_reach_the_next_response(app: Sanic, streamed: bool) -> None:
    second_started = asyncio.Event()
    late_done = asyncio.Event()
    outcome: list[Any] = []

    async def late(response: Any) -> None:
        await second_started.wait()
        try:
            await response.send("LATE")
            outcome.append("sent")
        except SanicException as error:
            outcome.append((type(error), str(error), response.stream))
        late_done.set()

    @app.get("/first")
    async def first(request: Any) -> Any:
        if streamed:
            response = await request.respond(content_type="text/plain")
            await response.send("first")
        else:
            response = text("first")
        outcome.append(asyncio.ensure_future(late(response)))
        return None if streamed else response

    @app.get("/second")
    async def second(request: Any) -> None:
        response = await request.respond(content_type="text/plain")
        await response.send("s1 ")
        second_started.set()
        await asyncio.wait_for(late_done.wait(), 5)
        await response.send("s2")

    data = b"GET /first HTTP/1.1\r\nHost: x\r\n\r\nGET /second HTTP/1.1\r\nHost: x\r\n\r\n"
    answers = await _answers(app, data, 2)
    assert [a.body for a in answers] == [b"first", b"s1 s2"]
    assert outcome[1:] == [
        (SanicException, "No stream is connected to the response object instance.", None)
    ]
