"""Error pages for hostile requests: a malformed ``Accept`` still gets the error's own
status, and client text in a message stays text in every format."""

from __future__ import annotations

import json

import pytest

from hurtle_app import Sanic
from hurtle_app.state import Mode
from hurtle_http.exceptions import SanicException

HOSTILE = "<script>alert(1)</script>\"'&\u2028"


@pytest.mark.parametrize(
    "accept", ["text/html;q=abc", "*", "/", ",,,,", ";;;;", "application/json;" + "a=b;" * 300]
)
async def test_a_malformed_accept_keeps_the_errors_status(app: Sanic, call, accept: str) -> None:
    # Sanic answers these with "500 An error occurred while handling an error" and a
    # literal "content-type: None".
    @app.get("/teapot")
    async def teapot(request):
        raise SanicException("short and stout", status_code=418)

    missing = await call("GET", "/nope", headers={"accept": accept})
    assert missing.status == 404
    assert missing.headers["content-type"].split(";")[0] in ("text/plain", "application/json")
    raised = await call("GET", "/teapot", headers={"accept": accept})
    assert (raised.status, "short and stout" in raised.text) == (418, True)


@pytest.mark.parametrize("debug", [False, True])
async def test_client_text_in_a_message_stays_text(app: Sanic, call, debug: bool) -> None:
    if debug:
        app.state.mode = Mode.DEBUG

    @app.get("/echo")
    async def echo(request):
        raise ValueError(request.args.get("m"))

    @app.get("/bad")
    async def bad(request):
        raise SanicException(request.args.get("m"), status_code=400)

    quoted = "%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%27%26%E2%80%A8"
    for path, status in (("/echo", 500), ("/bad", 400)):
        page = await call("GET", f"{path}?m={quoted}", headers={"accept": "text/html"})
        assert page.status == status
        assert "<script>" not in page.text
        if debug or status == 400:
            assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;&amp;" in page.text
        data = await call("GET", f"{path}?m={quoted}", headers={"accept": "application/json"})
        parsed = json.loads(data.body)
        if debug or status == 400:
            assert parsed["message"] == HOSTILE


@pytest.mark.parametrize("fmt", ["text", "html", "json"])
@pytest.mark.parametrize("debug", [False, True])
async def test_a_message_quoting_bytes_that_are_not_utf8_keeps_the_errors_status(
    app: Sanic, call, fmt: str, debug: bool
) -> None:
    """Header values keep bytes that are not UTF-8 as surrogates; a message quoting one
    (``f"bad: {request.headers['x']}"``) is shown with U+FFFD for them, where the page
    could not be encoded and the answer was a 500 (Sanic: 500 "An error occurred while
    handling an error")."""
    app.config.FALLBACK_ERROR_FORMAT = fmt
    app.state.mode = Mode.DEBUG if debug else Mode.PRODUCTION

    @app.get("/q")
    async def quoting(request):
        raise SanicException(f"bad value: {request.headers['x-v']}", status_code=422)

    sent = await call("GET", "/q", headers={"x-v": "a\xffb"})  # the byte 0xFF
    assert sent.status == 422
    assert "a\ufffdb" in (json.loads(sent.body)["message"] if fmt == "json" else sent.text)
