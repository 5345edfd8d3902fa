"""InProcessClient / AsyncInProcessClient: no socket, listeners once, many requests."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hurtle_app import Sanic
from sanic_testing.inprocess import AsyncInProcessClient, InProcessClient
from sanic_testing.response import TestingResponse

CYCLE = ["before_server_start", "after_server_start", "before_server_stop", "after_server_stop"]


def test_many_requests_one_listener_cycle(app: Sanic, events: list[str]) -> None:
    with InProcessClient(app) as client:
        for _ in range(20):
            request, response = client.get("/")
            assert (request.path, response.text) == ("/", "foo")
        assert events == CYCLE[:2]
    assert events == CYCLE


def test_response_is_a_full_testing_response(app: Sanic) -> None:
    with InProcessClient(app) as client:
        _, response = client.get("/cookie")
        assert isinstance(response, TestingResponse)
        assert response.status == 200
        assert str(response.url) == "http://mockserver:1234/cookie"
        assert response.request.method == "GET"
        assert response.cookies["flavour"] == "chocolate"


def test_fast_path_arguments(app: Sanic) -> None:
    with InProcessClient(app) as client:
        request, response = client.post("/echo?q=1", headers={"x-test": "h"}, json={"a": [1, 2]})
        assert request.json == {"a": [1, 2]}
        assert response.json["args"] == {"q": ["1"]}
        assert response.json["header"] == "h"
        assert response.json["content_type"] == "application/json"
        _, response = client.put("/echo", content="text body")
        assert response.json["body"] == "text body"


def test_httpx_path_arguments(app: Sanic) -> None:
    with InProcessClient(app) as client:
        request, response = client.post(
            "/echo", params={"q": "é"}, cookies={"flavour": "fig"}, data={"k": "v"}
        )
        assert response.json["args"] == {"q": ["é"]}
        assert response.json["cookie"] == "fig"
        assert request.form.get("k") == "v"


def test_the_app_sees_the_mock_server(app: Sanic) -> None:
    with InProcessClient(app) as client:
        _, response = client.get("/host")
        assert response.json["host"] == "mockserver:1234"


def test_gather_request_false(app: Sanic) -> None:
    with InProcessClient(app) as client:
        request, response = client.get("/", gather_request=False)
        assert request is None
        assert response.text == "foo"


def test_unknown_arguments_are_refused_with_the_supported_list(app: Sanic) -> None:
    with InProcessClient(app) as client, pytest.raises(TypeError, match="params"):
        client.get("/", follow_redirects=True)


def test_head_and_errors(app: Sanic) -> None:
    with InProcessClient(app) as client:
        assert client.head("/head")[1].body == b""
        assert client.get("/error")[1].status == 500
        assert client.get("/missing")[1].status == 404


def test_websocket(app: Sanic) -> None:
    async def mimic(ws: Any) -> None:
        await ws.send("ping")
        assert await ws.recv() == "echo:ping"

    with InProcessClient(app) as client:
        request, result = client.websocket("/ws", mimic=mimic)
        assert request.path == "/ws"
        assert result.server_sent == ["echo:ping"]


async def test_async_client(app: Sanic, events: list[str]) -> None:
    async with AsyncInProcessClient(app) as client:
        request, response = await client.get("/json")
        assert response.json == {"hello": "world", "n": [1, 2]}
        for method in ("post", "put", "patch", "delete", "options"):
            _, response = await getattr(client, method)("/echo")
            assert response.json["method"] == method.upper()
    assert events == CYCLE


async def test_async_client_starts_lazily_and_keeps_last_request(app, events) -> None:
    client = AsyncInProcessClient(app)
    request, _ = await client.get("/")
    assert events == CYCLE[:2]
    assert client.last_request is request
    await client.close()
    assert events == CYCLE
    assert app.request_class is type(request)  # the recorder took its subclass back


class _Exploding(Sanic):
    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        raise RuntimeError("broken app")


async def test_exceptions_propagate_unless_suppressed() -> None:
    async with AsyncInProcessClient(_Exploding("InProcExploding")) as client:
        with pytest.raises(RuntimeError, match="broken app"):
            await client.get("/")
    async with AsyncInProcessClient(
        _Exploding("InProcExploding2"), suppress_exceptions=True
    ) as client:
        _, response = await client.get("/")
        assert response.status == 500


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=10,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=_json_values)
def test_any_json_body_reaches_the_app_unchanged(app: Sanic, value: Any) -> None:
    with InProcessClient(app) as client:
        request, _ = client.post("/echo", json=value)
        assert request.json == value


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    params=st.dictionaries(
        st.text(alphabet="abcxyz", min_size=1, max_size=5),
        st.text(min_size=1, max_size=8),
        max_size=4,
    )
)
def test_query_params_round_trip(app: Sanic, params: dict[str, str]) -> None:
    with InProcessClient(app) as client:
        _, response = client.get("/echo", params=params)
        assert response.json["args"] == {k: [v] for k, v in params.items()}
