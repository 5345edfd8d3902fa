"""ReusableClient: one real server for many requests."""

from __future__ import annotations

import asyncio
from typing import Any

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
