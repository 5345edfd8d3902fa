"""What is logged (and sent) when a handler answers after its response went out."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import json, text

_NOT_SENT = (
    "The error response will not be sent to the client for the following "
    'exception:"{}". A previous response has at least partially been sent.'
)
_IGNORED = (
    "The response object returned by the route handler will not be sent to client. "
    "The request has already been responded to."
)


async def test_a_second_respond_after_data_keeps_the_first_and_logs(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    @app.get("/")
    async def index(request: Any) -> None:
        first = await request.respond()
        await first.send("part one")
        await request.respond()

    with caplog.at_level(logging.ERROR, "sanic.error"):
        sent = await call("GET", "/")
    assert sent.status == 200
    assert sent.text == "part one"
    assert _NOT_SENT.format("Second respond call is not allowed.") in caplog.messages


async def test_sending_after_eof_is_logged_with_its_reason(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    @app.get("/")
    async def index(request: Any) -> None:
        response = await request.respond()
        await response.send("done")
        await response.eof()
        await response.send("too late")

    with caplog.at_level(logging.ERROR, "sanic.error"):
        sent = await call("GET", "/")
    assert sent.text == "done"
    reason = "Response stream was ended, no more response data is allowed to be sent."
    assert _NOT_SENT.format(reason) in caplog.messages


async def test_a_returned_response_after_streaming_is_ignored_and_logged(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        response = await request.respond(headers={"one": "first"})
        await response.send("streamed")
        return json({"x": 1}, headers={"one": "second"})

    with caplog.at_level(logging.ERROR, "sanic.error"):
        sent = await call("GET", "/")
    assert sent.text == "streamed"
    assert sent.headers["one"] == "first"
    assert _IGNORED in caplog.messages


async def test_a_returned_response_after_respond_without_data_is_ignored_and_logged(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        await request.respond(headers={"one": "first"})
        return json({"x": 1}, headers={"one": "second"})

    with caplog.at_level(logging.ERROR, "sanic.error"):
        sent = await call("GET", "/")
    assert sent.status == 200
    assert sent.body == b""
    assert sent.headers["content-length"] == "0"
    assert sent.headers["one"] == "first"
    assert _IGNORED in caplog.messages


async def test_an_error_page_still_replaces_a_respond_nothing_was_sent_of(
    app: Sanic, call: Any
) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        await request.respond(headers={"one": "first"})
        raise ValueError("boom")

    sent = await call("GET", "/")
    assert sent.status == 500
    assert "one" not in sent.headers


async def test_a_non_response_returned_after_streaming_is_ignored_and_logged(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # A progress page streamed with respond()/send() whose handler ends with `return ""`
    # (a real app's admin page): its stream is finished and the value only logged.
    @app.get("/")
    async def index(request: Any) -> Any:
        response = await request.respond(content_type="text/html")
        await response.send("<p>working</p>")
        await response.send("<p>done</p>")
        return ""

    with caplog.at_level(logging.ERROR, "sanic.error"):
        sent = await call("GET", "/")
    assert sent.status == 200
    assert sent.text == "<p>working</p><p>done</p>"
    assert _IGNORED in caplog.messages
    assert not any("Invalid response type" in message for message in caplog.messages)


async def test_a_non_response_returned_after_respond_without_data_is_ignored(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    @app.get("/")
    async def index(request: Any) -> Any:
        await request.respond(headers={"one": "first"})
        return 5

    with caplog.at_level(logging.ERROR, "sanic.error"):
        sent = await call("GET", "/")
    assert sent.status == 200
    assert sent.body == b""
    assert sent.headers["one"] == "first"
    assert _IGNORED in caplog.messages


@pytest.mark.parametrize("how", ["nothing sent", "sent", "ended", "eof", "whole", "whole sent"])
async def test_the_streamed_response_returned_is_sent_once_and_logged(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture, how: str
) -> None:
    # As Sanic: `return response` after request.respond() (SSE handlers often end so) logs
    # that the returned response will not be sent; what was bound is finished and sent.
    @app.get("/")
    async def index(request: Any) -> Any:
        if how.startswith("whole"):
            response = await request.respond(text("given"))
            if how == "whole sent":
                await response.send()
            return response
        response = await request.respond(content_type="text/plain")
        if how != "nothing sent":
            await response.send("x", end_stream=how == "ended")
        if how == "eof":
            await response.eof()
        return response

    with caplog.at_level(logging.ERROR, "sanic.error"):
        sent = await call("GET", "/")
    assert sent.status == 200
    assert sent.text == {"nothing sent": "", "whole": "given", "whole sent": "given"}.get(how, "x")
    assert caplog.messages.count(_IGNORED) == 1


async def test_no_log_when_the_streaming_handler_returns_nothing(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    @app.get("/")
    async def index(request: Any) -> None:
        response = await request.respond(content_type="text/plain")
        await response.send("x")
        await response.eof()

    with caplog.at_level(logging.ERROR, "sanic.error"):
        sent = await call("GET", "/")
    assert sent.text == "x"
    assert _IGNORED not in caplog.messages


async def test_a_handler_failing_mid_stream_logs_its_access_line_first(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # As Sanic: the started response is ended (its access line), then the exception and
    # the "will not be sent" line are logged.
    app.config.ACCESS_LOG = True

    @app.get("/")
    async def index(request: Any) -> None:
        response = await request.respond()
        await response.send("part")
        raise ValueError("after send")

    with caplog.at_level(logging.INFO, "sanic"):
        sent = await call("GET", "/")
    assert sent.text == "part"
    order = [(r.name, r.getMessage()) for r in caplog.records if r.name != "sanic.server"]
    assert [name for name, _ in order][-3:] == ["sanic.access", "sanic.error", "sanic.root"]
    assert order[-1][1] == _NOT_SENT.format("after send")


async def test_a_returned_response_after_streaming_is_reported_after_the_access_line(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    app.config.ACCESS_LOG = True

    @app.get("/")
    async def index(request: Any) -> Any:
        response = await request.respond()
        await response.send("streamed")
        return text("late")

    with caplog.at_level(logging.INFO, "sanic"):
        sent = await call("GET", "/")
    assert sent.text == "streamed"
    order = [(r.name, r.getMessage()) for r in caplog.records if r.name != "sanic.server"]
    assert order[-2:] == [("sanic.access", ""), ("sanic.error", _IGNORED)]


async def test_the_not_sent_record_carries_its_text_not_a_template(
    app: Sanic, call: Any, caplog: pytest.LogCaptureFixture
) -> None:
    # Handlers that read ``record.msg`` (Sentry's logging integration titles and groups
    # events by it, JSON pipelines dump it) see the exception's text, as under Sanic,
    # not a "%s" template with the exception in ``record.args``.
    @app.get("/")
    async def index(request: Any) -> None:
        response = await request.respond()
        await response.send("part")
        raise KeyError("after the head")

    with caplog.at_level(logging.ERROR):
        await call("GET", "/")
    records = [r for r in caplog.records if "will not be sent" in str(r.msg)]
    assert len(records) == 1
    assert records[0].msg == _NOT_SENT.format("'after the head'")
    assert not records[0].args
