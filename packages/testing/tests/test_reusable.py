"""ReusableClient: one real server for many requests."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from hurtle_app import Sanic
from sanic_testing.response import TestingResponse
from sanic_testing.reusable import ReusableClient

CYCLE = ["before_server_start", "after_server_start", "before_server_stop", "after_server_stop"]


def test_one_server_serves_many_requests(app: Sanic, events: list[str]) -> None:
    with ReusableClient(app) as client:
        ports = set()
        for _ in range(5):
            request, response = client.get("/")
            assert isinstance(response, TestingResponse)
            assert (request.path, response.text) == ("/", "foo")
            ports.add(response.url.port)
        assert events == CYCLE[:2]
        assert ports == {client.port}
    assert events == CYCLE


def test_methods_arguments_and_gather_request(app: Sanic) -> None:
    with ReusableClient(app) as client:
        request, response = client.post("/echo", json={"x": 1}, params={"p": "q"})
        assert request.json == {"x": 1}
        assert response.json["args"] == {"p": ["q"]}
        request, response = client.request("/echo", http_method="delete")
        assert response.json["method"] == "DELETE"
        request, response = client.get("/", gather_request=False)
        assert request is None
        assert response.status == 200


def test_cookies_are_sent_per_request(app: Sanic) -> None:
    with ReusableClient(app) as client:
        with pytest.warns(DeprecationWarning, match="per-request cookies"):
            _, response = client.get("/echo", cookies={"flavour": "lemon"})
        assert response.json["cookie"] == "lemon"
        _, response = client.get("/echo")
        assert response.json["cookie"] is None


def test_client_kwargs_configure_the_session(app: Sanic) -> None:
    with ReusableClient(app, client_kwargs={"headers": {"x-test": "session"}}) as client:
        _, response = client.get("/echo")
        assert response.json["header"] == "session"


def test_calls_before_run_explain_what_to_do(app: Sanic) -> None:
    client = ReusableClient(app)
    with pytest.raises(RuntimeError, match="with ReusableClient"):
        client.get("/")


def test_running_twice_is_refused(app: Sanic) -> None:
    with ReusableClient(app) as client, pytest.raises(RuntimeError, match="already running"):
        client.run()


def test_a_given_loop_is_used_and_left_open(app: Sanic) -> None:
    loop = asyncio.new_event_loop()
    try:
        with ReusableClient(app, loop=loop) as client:
            assert client.get("/")[1].text == "foo"
        assert not loop.is_closed()
    finally:
        loop.close()


async def test_works_inside_a_running_event_loop(app: Sanic, events: list[str]) -> None:
    with ReusableClient(app) as client:
        assert client.get("/")[1].text == "foo"
        assert client.get("/json")[1].json["hello"] == "world"
    assert events == CYCLE


def test_the_session_port_and_loop_exist_before_run(app: Sanic) -> None:
    # As sanic-testing's: a test may configure client._session or read client.port first.
    client = ReusableClient(app, client_kwargs={"headers": {"x-test": "early"}})
    assert isinstance(client._session, httpx.AsyncClient)
    assert isinstance(client.port, int) and client.port > 0
    assert not client._loop.is_closed()
    port = client.port
    with client:
        request, response = client.get("/echo")
        assert response.json["header"] == "early"
        assert (client.port, response.url.port) == (port, port)
    assert client._session is None


def test_redirects_are_not_followed_unless_asked(app: Sanic) -> None:
    with ReusableClient(app) as client:
        request, response = client.get("/redirect")
        assert (request.path, response.status, response.headers["location"]) == (
            "/redirect",
            302,
            "/",
        )
        request, response = client.get("/redirect", follow_redirects=True)
        assert (request.path, response.text) == ("/", "foo")  # the request that answered


def test_an_exception_of_a_call_is_raised_as_it_is(app: Sanic) -> None:
    with ReusableClient(app) as client:
        with pytest.raises(TypeError, match=r"AsyncClient\.get\(\) got an unexpected keyword"):
            client.get("/", allow_redirects=False)
        with pytest.raises(TypeError, match=r"AsyncClient\.get\(\) got an unexpected keyword"):
            client.get("/", json={"a": 1})
        assert client.get("/")[1].text == "foo"


def test_no_response_is_a_value_error_unless_allow_none(app: Sanic) -> None:
    @app.get("/slow")
    async def slow(request: Any) -> None:
        await asyncio.sleep(1)

    with ReusableClient(app) as client:
        with pytest.raises(ValueError, match=r"got \(<Request: GET /slow>, None\)"):
            client.get("/slow", timeout=0.05)
        request, response = client.get("/slow", timeout=0.05, allow_none=True)
        assert (request.path, response) == ("/slow", None)


def test_server_kwargs_create_server_does_not_take_fail_when_made(app: Sanic) -> None:
    with pytest.raises(TypeError, match="create_server.*'workers'"):
        ReusableClient(app, server_kwargs={"workers": 2})


@pytest.mark.parametrize("key", ["host", "port", "debug", "return_asyncio_server"])
def test_server_kwargs_the_client_passes_itself_fail_when_made(app: Sanic, key: str) -> None:
    # As sanic-testing, whose ReusableClient calls app.create_server(host=..., port=...,
    # debug=..., return_asyncio_server=True, **server_kwargs): these were taken silently
    # (return_asyncio_server was refused as an unknown app.run() option).
    with pytest.raises(TypeError, match=f"multiple values for keyword argument '{key}'"):
        ReusableClient(app, server_kwargs={key: 0})


def test_it_runs_again_after_stop(app: Sanic, events: list[str]) -> None:
    client = ReusableClient(app)
    for _ in range(2):
        with client:
            assert client.get("/")[1].text == "foo"
    assert events == CYCLE * 2


def test_local_request_is_the_hook_every_call_goes_through(app: Sanic) -> None:
    methods: list[str] = []

    class Hooked(ReusableClient):
        async def _local_request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:
            methods.append(method)
            return await super()._local_request(method, url, *args, **kwargs)

    with Hooked(app) as client:
        assert client.get("/")[1].text == "foo"
        assert client.delete("/echo")[1].json["method"] == "DELETE"
    assert methods == ["get", "delete"]


def test_a_loop_set_on_the_client_is_used_and_left_open(app: Sanic) -> None:
    loop = asyncio.new_event_loop()
    try:
        client = ReusableClient(app)
        client._loop = loop
        with client:
            assert client.get("/")[1].text == "foo"
        assert client._loop is loop and not loop.is_closed()
    finally:
        loop.close()


def test_no_answer_and_call_errors_as_sanic_testing_reports_them(app: Sanic) -> None:
    @app.get("/drop")
    async def drop(request: Any) -> None:
        request.transport.close()

    with ReusableClient(app) as client:
        with pytest.raises(ValueError) as caught:
            client.get("/drop")
        assert str(caught.value) == (
            "Request and response object expected, got (<Request: GET /drop>, None)"
        )
        with pytest.raises(ValueError) as caught:
            client.get("/drop", gather_request=False)
        assert str(caught.value) == "Request and response object expected, got (None, None)"
        request, response = client.get("/drop", allow_none=True)
        assert (request.path, response) == ("/drop", None)
        # an error of the call itself is raised as it is, not wrapped in a ValueError
        with pytest.raises(TypeError):
            client.get("/", not_an_httpx_option=1)


def test_handlers_see_the_server_address_and_one_worker_in_the_app_state(
    app: Sanic, reply_json: Any
) -> None:
    # As Sanic's create_server(host=..., port=...), which sanic-testing's client calls.
    @app.get("/state")
    async def state(request: Any) -> None:
        s = request.app.state
        await reply_json(request, {"host": s.host, "port": s.port, "workers": s.workers})

    with ReusableClient(app) as client:
        _, response = client.get("/state")
        assert response.json == {"host": "127.0.0.1", "port": client.port, "workers": 1}
