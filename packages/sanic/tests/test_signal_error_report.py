"""A signal handler's error reaches ``server.exception.report`` (``app.report_exception``)
from the dispatch it failed in, as in Sanic: inline or not, caught by the caller or not,
once per dispatch it goes through, and not again when a request's error handling
answers it."""

from __future__ import annotations

import asyncio
from typing import Any

from sanic import Sanic, response


def reporting_app(name: str) -> tuple[Sanic, list[str]]:
    app = Sanic(name)
    reported: list[str] = []

    @app.report_exception
    async def report(app_: Sanic, exception: Exception) -> None:
        reported.append(f"{type(exception).__name__}: {exception}")

    @app.signal("custom.fail.now")
    async def fail() -> None:
        raise LookupError("custom")

    @app.signal("custom.outer.x")
    async def outer() -> None:
        await app.dispatch("custom.fail.now", inline=True)

    return app, reported


def test_an_inline_dispatch_the_handler_catches_is_reported() -> None:
    app, reported = reporting_app("SigReportCaught")

    @app.get("/")
    async def index(request: Any) -> Any:
        try:
            await app.dispatch("custom.fail.now", inline=True)
        except LookupError as error:
            return response.text(f"caught {getattr(error, '__dispatched__', None)}")
        return response.text("not raised")

    _, resp = app.test_client.get("/")
    assert resp.status == 200
    assert resp.text == "caught True"
    assert reported == ["LookupError: custom"]


def test_an_uncaught_inline_dispatch_error_is_reported_once() -> None:
    app, reported = reporting_app("SigReportUncaught")

    @app.get("/")
    async def index(request: Any) -> Any:
        await app.dispatch("custom.fail.now", inline=True)

    _, resp = app.test_client.get("/")
    assert resp.status == 500
    assert reported == ["LookupError: custom"]


def test_a_nested_dispatch_reports_at_each_level() -> None:
    app, reported = reporting_app("SigReportNested")

    @app.get("/")
    async def index(request: Any) -> Any:
        try:
            await app.dispatch("custom.outer.x", inline=True)
        except LookupError:
            return response.text("caught")
        return response.text("not raised")

    _, resp = app.test_client.get("/")
    assert resp.text == "caught"
    assert reported == ["LookupError: custom", "LookupError: custom"]


def test_a_task_dispatch_marks_the_error_it_reported() -> None:
    app, reported = reporting_app("SigReportTask")

    @app.get("/")
    async def index(request: Any) -> Any:
        task = await app.dispatch("custom.fail.now")
        try:
            await task
        except LookupError as error:
            return response.text(f"caught {getattr(error, '__dispatched__', None)}")
        return response.text("not raised")

    _, resp = app.test_client.get("/")
    assert resp.text == "caught True"
    assert reported == ["LookupError: custom"]


def test_a_dispatch_in_a_listener_is_reported() -> None:
    app, reported = reporting_app("SigReportListener")
    seen: list[str] = []

    @app.after_server_start
    async def start(app_: Sanic) -> None:
        try:
            await app_.dispatch("custom.fail.now", inline=True)
        except LookupError:
            seen.append("caught")

    @app.get("/")
    async def index(request: Any) -> Any:
        await asyncio.sleep(0)
        return response.text("ok")

    _, resp = app.test_client.get("/")
    assert resp.status == 200
    assert seen == ["caught"]
    assert reported == ["LookupError: custom"]


def test_an_unknown_event_is_no_report() -> None:
    app, reported = reporting_app("SigReportUnknown")

    @app.get("/")
    async def index(request: Any) -> Any:
        try:
            await app.dispatch("custom.not.there", inline=True)
        except Exception as error:
            return response.text(type(error).__name__)
        return response.text("not raised")

    _, resp = app.test_client.get("/")
    assert resp.text == "NotFound"
    assert reported == []
