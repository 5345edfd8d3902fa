"""``http.middleware.before``/``after`` around every middleware chain, as in Sanic: also on
requests no route takes (the app-wide chains, and the response chain after a request
middleware answered one), and the request chain's after-signal carries no response."""

from __future__ import annotations

from typing import Any

import pytest

from hurtle_app import Sanic
from hurtle_http.response import text


def describe(response: Any) -> str:
    return "None" if response is None else f"{type(response).__name__}:{response.status}"


@pytest.fixture
def trail(app: Sanic) -> list[str]:
    seen: list[str] = []
    for event in ("http.middleware.before", "http.middleware.after"):
        for attach in ("request", "response"):

            def handler(
                request: Any, response: Any, _name: str = f"{event[16:]}[{attach}]"
            ) -> None:
                seen.append(f"{_name} {describe(response)}")

            app.signal(event, condition={"attach_to": attach})(handler)

    @app.on_request
    async def gate(request: Any) -> Any:
        seen.append("request mw")
        if request.args.get("short"):
            return text("short", status=203)
        return None

    @app.on_response
    async def tag(request: Any, response: Any) -> None:
        seen.append(f"response mw {response.status}")

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("index")

    return seen


@pytest.mark.parametrize(
    ("target", "status"),
    [("/", 200), ("/?short=1", 203), ("/nothing", 404), ("/nothing?short=1", 203)],
)
async def test_signals_around_each_middleware(
    trail: list[str], call: Any, target: str, status: int
) -> None:
    # Hurtle dispatched nothing around the app-wide request chain of a request no route
    # takes, nor around the response chain after a request middleware answered it; and
    # the request chain's after-signal carried the middleware's answer (Sanic: None).
    sent = await call("GET", target)
    assert sent.status == status
    assert trail == [
        "before[request] None",
        "request mw",
        "after[request] None",
        f"before[response] HTTPResponse:{status}",
        f"response mw {status}",
        f"after[response] HTTPResponse:{status}",
    ]


async def test_the_private_runners_dispatch_them_too(trail: list[str], app: Sanic) -> None:
    # Sanic's app._run_request_middleware/_run_response_middleware (called by plugins)
    # dispatch the signals; Hurtle's ran the chain alone.
    class Request:
        args: dict[str, str] = {}

    request: Any = Request()
    app.signal_router.finalize()
    assert await app._run_request_middleware(request, [app.request_middleware[0].func]) is None
    assert trail == ["before[request] None", "request mw", "after[request] None"]
