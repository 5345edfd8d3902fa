"""SanicASGITestClient: httpx's AsyncClient calling the app's ASGI interface in-process."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from hurtle_app import Sanic
from sanic_testing.asgi import SanicASGITestClient
from sanic_testing.constants import ASGI_BASE_URL
from sanic_testing.response import TestingResponse

STARTUP = ["before_server_start", "after_server_start"]
SHUTDOWN = ["before_server_stop", "after_server_stop"]


async def test_get_returns_request_and_testing_response(app: Sanic) -> None:
    client = SanicASGITestClient(app)
    request, response = await client.get("/")
    assert request.method == "GET"
    assert isinstance(response, TestingResponse)
    assert (response.status, response.text, response.body) == (200, "foo", b"foo")
    assert response.headers["x-answer"] == "42"


def test_it_is_an_httpx_async_client_on_the_mock_server(app: Sanic) -> None:
    client = SanicASGITestClient(app)
    assert isinstance(client, httpx.AsyncClient)
    assert str(client.base_url) == ASGI_BASE_URL
    assert client.sanic_app is app


async def test_a_relative_url_goes_to_testing_asgi_host_and_port_as_set_at_the_call(
    app: Sanic, monkeypatch
) -> None:
    # As sanic-testing, which reads testing.ASGI_HOST/ASGI_PORT at each call: a suite may
    # set them (to reach a host-bound route, say); the client's base_url does not move.
    from sanic_testing import testing

    client = SanicASGITestClient(app)
    monkeypatch.setattr(testing, "ASGI_HOST", "example.test")
    monkeypatch.setattr(testing, "ASGI_PORT", 99)
    request, response = await client.get("/host?a=1")
    assert response.json["host"] == "example.test:99"
    assert (request.url, str(response.url)) == ("http://example.test:99/host?a=1",) * 2
    assert str(client.base_url) == ASGI_BASE_URL
    # a base_url given to the client still wins (sanic-testing ignores it)
    _, response = await SanicASGITestClient(app, base_url="http://mine:5").get("/host")
    assert response.json["host"] == "mine:5"


async def test_the_app_sees_the_mock_server_address(app: Sanic) -> None:
    _, response = await SanicASGITestClient(app).get("/host")
    assert response.json == {
        "host": "mockserver:1234",
        "ip": "mockserver",
        "url": "http://mockserver:1234/host",
    }


async def test_every_call_is_a_whole_lifespan_as_in_sanic(app, events) -> None:
    client = SanicASGITestClient(app)
    await client.get("/")
    assert events == STARTUP + SHUTDOWN
    await client.get("/json")
    assert events == (STARTUP + SHUTDOWN) * 2
    await client.aclose()
    assert events == (STARTUP + SHUTDOWN) * 2


async def test_async_with_runs_the_stop_listeners(app, events) -> None:
    async with SanicASGITestClient(app) as client:
        await client.get("/")
    assert events == STARTUP + SHUTDOWN


def test_a_new_event_loop_starts_the_listeners_again(app, events) -> None:
    client = SanicASGITestClient(app)
    asyncio.run(client.get("/"))
    asyncio.run(client.get("/"))
    assert events == (STARTUP + SHUTDOWN) * 2


async def test_request_takes_method_url_and_gather_request(app: Sanic) -> None:
    client = SanicASGITestClient(app)
    request, response = await client.request("POST", "/echo", content=b"abc")
    assert request.body == b"abc"
    assert response.json["method"] == "POST"
    request, response = await client.request("GET", "/", gather_request=False)
    assert request is None
    assert response.text == "foo"


@pytest.mark.parametrize("method", ["get", "post", "put", "patch", "delete", "options"])
async def test_every_method(app: Sanic, method: str) -> None:
    request, response = await getattr(SanicASGITestClient(app), method)("/echo")
    assert request.method == method.upper()
    assert response.json["method"] == method.upper()


async def test_httpx_arguments_reach_the_app(app: Sanic) -> None:
    # cookies= per request: sent, and httpx's deprecation warning shows, as under
    # sanic-testing.
    with pytest.warns(DeprecationWarning, match="per-request cookies"):
        _, response = await SanicASGITestClient(app).post(
            "/echo",
            params={"q": "2"},
            headers={"x-test": "t"},
            cookies={"flavour": "mint"},
            json={"a": 1},
        )
    assert response.json["args"] == {"q": ["2"]}
    assert response.json["header"] == "t"
    assert response.json["cookie"] == "mint"
    assert response.json["body"] == '{"a":1}'


async def test_redirects_are_not_followed(app: Sanic) -> None:
    request, response = await SanicASGITestClient(app).get("/redirect")
    assert response.status == 302
    assert response.headers["location"] == "/"
    assert request.path == "/redirect"


async def test_a_followed_redirect_returns_the_request_that_answered(app: Sanic) -> None:
    client = SanicASGITestClient(app)
    request, response = await client.get("/redirect", follow_redirects=True)
    assert response.status == 200
    assert request.path == "/"
    assert client.last_request is request


async def test_handler_errors_are_500_pages_and_last_request_is_kept(app: Sanic) -> None:
    client = SanicASGITestClient(app)
    request, response = await client.get("/error")
    assert response.status == 500
    assert client.last_request is request


async def test_cookies_from_the_app(app: Sanic) -> None:
    _, response = await SanicASGITestClient(app).get("/cookie")
    assert response.cookies["flavour"] == "chocolate"


class _Exploding(Sanic):
    """An app whose ASGI call fails outside any handler."""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            raise RuntimeError("asgi layer broke")
        await super().__call__(scope, receive, send)


async def test_exceptions_escaping_the_app_are_raised() -> None:
    client = SanicASGITestClient(_Exploding("ExplodingA"))
    with pytest.raises(RuntimeError, match="asgi layer broke"):
        await client.get("/")


async def test_suppress_exceptions_turns_them_into_500() -> None:
    client = SanicASGITestClient(_Exploding("ExplodingB"), suppress_exceptions=True)
    _, response = await client.get("/")
    assert response.status == 500


async def test_websocket_with_mimic(app: Sanic) -> None:
    async def mimic(ws: Any) -> None:
        await ws.send("one")
        assert await ws.recv() == "echo:one"
        await ws.send("two")
        assert await ws.recv() == "echo:two"

    request, result = await SanicASGITestClient(app).websocket("/ws", mimic=mimic)
    assert request.path == "/ws"
    assert result["opened"] is True
    assert result.server_received == ["one", "two"]
    assert result.server_sent == ["echo:one", "echo:two"]


async def test_websocket_without_mimic_just_opens(app: Sanic) -> None:
    _, result = await SanicASGITestClient(app).websocket("/ws/greet")
    assert result == {"opened": True}


async def test_websocket_to_a_missing_route_is_not_opened(app: Sanic) -> None:
    _, result = await SanicASGITestClient(app).websocket("/nowhere")
    assert result["opened"] is False


async def test_raw_cookies_gives_the_cookie_objects_by_name(app: Sanic, reply) -> None:
    @app.get("/raw-cookie")
    async def raw_cookie(request: Any) -> None:
        await reply(request, "ok", headers={"set-cookie": "kept=yes; Path=/; Max-Age=60"})

    client = SanicASGITestClient(app)
    _, response = await client.request("GET", "/raw-cookie", raw_cookies=True)
    cookie = response.raw_cookies["kept"]
    assert cookie.value == "yes"
    assert isinstance(cookie.expires, int)
    _, plain = await client.get("/raw-cookie")
    assert not hasattr(plain, "raw_cookies")


async def test_a_subclass_built_as_sanic_testing_s_own_subclasses_are(
    app: Sanic, events: list[str]
) -> None:
    # A pattern of suites that spoof the client address: the subclass skips this class's
    # __init__, makes its own transport, and installs app_call_with_return as the app
    # class's __call__, as sanic-testing lets it.
    from sanic_testing.testing import ASGI_PORT, app_call_with_return

    class OwnApp(type(app)):  # type: ignore[misc]
        pass

    app.__class__ = OwnApp
    OwnApp.__call__ = app_call_with_return  # type: ignore[method-assign]

    class Spoofed(SanicASGITestClient):
        def __init__(self, app: Any, client_ip: str) -> None:
            self.sanic_app = app
            transport = httpx.ASGITransport(app=app, client=(client_ip, ASGI_PORT))
            super(SanicASGITestClient, self).__init__(transport=transport, base_url=ASGI_BASE_URL)
            self.gather_request = True
            self.last_request = None

    client = Spoofed(app, "6.0.28.175")
    request, response = await client.get("/host")
    assert response.json["ip"] == "6.0.28.175"
    assert request.path == "/host" and client.last_request is request
    assert events == STARTUP + SHUTDOWN


def test_making_the_client_marks_the_app_as_served_by_asgi(app: Sanic) -> None:
    # As sanic-testing's: the app says it is served by ASGI from the client's creation
    # on, before any request (app.asgi and what follows from it).
    assert app.asgi is False
    SanicASGITestClient(app)
    assert app.asgi is True


async def test_a_handler_s_tasks_outlive_the_call_as_in_sanic(app: Sanic, reply) -> None:
    # As Sanic's ASGI client: each call is a whole lifespan, whose stop leaves the app's
    # tasks running (the event loop's end cancels them). They were cancelled at the end of
    # the call, and gone from app.tasks: a background job never finished.
    finished: list[str] = []

    async def job() -> None:
        await asyncio.sleep(0)
        finished.append("job")

    @app.get("/start")
    async def start(request: Any) -> None:
        request.app.add_task(job(), name="job")
        await reply(request, "started")

    client = SanicASGITestClient(app)
    _, response = await client.get("/start")
    assert response.status == 200
    assert [task.get_name() for task in app.tasks] == ["job"]
    await app.get_task("job")
    assert finished == ["job"]
