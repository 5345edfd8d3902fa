"""Response middleware on streamed responses (``request.respond()``, ``ResponseStream``,
``file_stream``): it runs before their head is sent, as in Sanic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hurtle_app import Blueprint, Sanic
from hurtle_http.response import ResponseStream, file_stream, text

from .conftest import run_asgi
from .test_asgi import body_of, http_scope, one_body


def _tag_responses(app: Sanic, seen: list[str]) -> None:
    @app.on_response
    async def tag(request: Any, response: Any) -> None:
        seen.append(type(response).__name__)
        response.headers["x-mw"] = "yes"


async def test_respond_runs_the_response_middleware_before_the_head(app: Sanic, call: Any) -> None:
    seen: list[str] = []
    _tag_responses(app, seen)

    @app.get("/")
    async def index(request: Any) -> None:
        response = await request.respond(headers={"one": "1"})
        seen.append("handler goes on")
        await response.send("data")

    sent = await call("GET", "/")
    assert (sent.status, sent.text) == (200, "data")
    assert sent.headers["x-mw"] == "yes" and sent.headers["one"] == "1"
    assert seen == ["HTTPResponse", "handler goes on"]


async def test_a_response_stream_and_file_stream_get_the_middleware(
    app: Sanic, call: Any, tmp_path: Path
) -> None:
    seen: list[str] = []
    _tag_responses(app, seen)
    (tmp_path / "f.txt").write_text("file data")

    @app.get("/rs")
    async def rs(request: Any) -> Any:
        async def produce(response: Any) -> None:
            await response.write("a")

        return ResponseStream(produce, headers={"one": "1"})

    @app.get("/fs")
    async def fs(request: Any) -> Any:
        return await file_stream(tmp_path / "f.txt")

    sent = await call("GET", "/rs")
    assert (sent.text, sent.headers["x-mw"], sent.headers["one"]) == ("a", "yes", "1")
    sent = await call("GET", "/fs")
    assert (sent.text, sent.headers["x-mw"]) == ("file data", "yes")
    assert seen == ["ResponseStream", "ResponseStream"]


async def test_a_middleware_response_replaces_the_one_respond_returns(app: Sanic) -> None:
    got: list[Any] = []

    @app.on_response
    async def replace(request: Any, response: Any) -> Any:
        return text("replaced", status=202)

    @app.get("/")
    async def index(request: Any) -> None:
        response = await request.respond()
        got.append((response.status, response.body))
        await response.send(end_stream=True)

    sent = await run_asgi(app, http_scope("GET", "/"), one_body())
    assert got == [(202, b"replaced")]
    assert sent[0]["status"] == 202
    assert body_of(sent) == b"replaced"


async def test_only_the_route_s_middleware_runs(app: Sanic, call: Any) -> None:
    seen: list[str] = []
    bp = Blueprint("bp", url_prefix="/bp")

    @bp.on_response
    async def bp_only(request: Any, response: Any) -> None:
        seen.append(request.path)

    @bp.get("/")
    async def in_bp(request: Any) -> None:
        await (await request.respond()).send("bp", end_stream=True)

    @app.get("/app")
    async def outside(request: Any) -> None:
        await (await request.respond()).send("app", end_stream=True)

    app.blueprint(bp)
    assert (await call("GET", "/app")).text == "app"
    assert (await call("GET", "/bp/")).text == "bp"
    assert seen == ["/bp/"]


async def test_the_middleware_runs_once_per_request(app: Sanic, call: Any) -> None:
    seen: list[str] = []
    _tag_responses(app, seen)

    @app.get("/returned")
    async def returned(request: Any) -> Any:
        return await request.respond(headers={"one": "1"})

    @app.get("/raised")
    async def raised(request: Any) -> None:
        await request.respond()
        raise ValueError("after respond")

    sent = await call("GET", "/returned")
    assert (sent.status, sent.headers["x-mw"]) == (200, "yes")
    assert seen == ["HTTPResponse"]
    seen.clear()
    sent = await call("GET", "/raised")
    assert sent.status == 500
    assert seen == ["HTTPResponse"]  # not again on the error page


async def test_a_non_response_for_a_response_stream_is_a_500(
    app: Sanic, call: Any, tmp_path: Path
) -> None:
    # As Sanic (and as for a handler's plain response): Hurtle dropped the value and
    # streamed the handler's ResponseStream or file_stream.
    (tmp_path / "a.txt").write_text("file body")
    seen: list[str] = []

    @app.on_response
    async def junk(request: Any, response: Any) -> Any:
        seen.append(type(response).__name__)
        return {"not": "a response"}

    @app.get("/stream")
    async def stream(request: Any) -> Any:
        async def body(response: Any) -> None:
            await response.write("never")

        return ResponseStream(body)

    @app.get("/file")
    async def file(request: Any) -> Any:
        return await file_stream(tmp_path / "a.txt")

    for path in ("/stream", "/file"):
        sent = await call("GET", path)
        assert sent.status == 500
        assert "Invalid response type {'not': 'a response'} (need HTTPResponse)" in sent.text
    # the middleware does not run again on the 500
    assert seen == ["ResponseStream", "ResponseStream"]


async def test_a_stream_from_the_middleware_is_sent_instead(app: Sanic, call: Any) -> None:
    # As Sanic: a ResponseStream the response middleware returns for a handler's
    # ResponseStream is the one streamed (Hurtle streamed the handler's).
    @app.on_response
    async def swap(request: Any, response: Any) -> Any:
        async def other(stream: Any) -> None:
            await stream.write("the middleware's")

        return ResponseStream(other, content_type="text/x-mw")

    @app.get("/")
    async def index(request: Any) -> Any:
        async def body(response: Any) -> None:
            await response.write("the handler's")

        return ResponseStream(body, content_type="text/plain")

    sent = await call("GET", "/")
    assert (sent.status, sent.text) == (200, "the middleware's")
    assert sent.headers["content-type"] == "text/x-mw"
