"""TestingResponse: httpx.Response plus the attribute names Sanic tests use."""

from __future__ import annotations

import gzip

import httpx
from hypothesis import given
from hypothesis import strategies as st

from sanic_testing.response import TestingResponse, as_testing_response, lazy_response


def test_sanic_style_attributes() -> None:
    response = TestingResponse(
        201, headers={"content-type": "application/json"}, content=b'{"a": [1]}'
    )
    assert response.status == response.status_code == 201
    assert response.body == response.content == b'{"a": [1]}'
    assert response.content_type == "application/json"
    assert response.json == {"a": [1]}
    assert response.text == '{"a": [1]}'


def test_json_is_none_for_a_body_that_is_not_json() -> None:
    assert TestingResponse(200, content=b"{").json is None
    assert TestingResponse(200, content=b"").json is None
    assert TestingResponse(200, content=b"\xff\xfe").json is None


def test_json_is_parsed_once_so_changes_to_it_stay() -> None:
    response = TestingResponse(200, content=b'{"a": [1]}')
    assert response.json is response.json
    response.json["a"].append(2)
    assert response.json == {"a": [1, 2]}


def test_content_type_is_none_when_absent() -> None:
    assert TestingResponse(204).content_type is None


def test_as_testing_response_keeps_every_httpx_field() -> None:
    request = httpx.Request("GET", "http://example.test/x")
    plain = httpx.Response(
        200, headers={"set-cookie": "a=b; Path=/"}, content=b"hi", request=request
    )
    converted = as_testing_response(plain)
    assert converted is plain
    assert isinstance(converted, TestingResponse)
    assert (converted.status, converted.body, converted.cookies["a"]) == (200, b"hi", "b")
    assert str(converted.url) == "http://example.test/x"
    assert as_testing_response(None) is None


def test_lazy_response_builds_its_request_on_demand() -> None:
    response = lazy_response(
        200, [(b"set-cookie", b"k=v; Path=/")], b"body", "POST", "http://mockserver:1234/p?q=1"
    )
    assert response.body == b"body"
    assert response.request.method == "POST"
    assert str(response.url) == "http://mockserver:1234/p?q=1"
    assert response.cookies["k"] == "v"
    assert response.is_closed


def test_lazy_response_decodes_compressed_bodies() -> None:
    packed = gzip.compress(b"squeezed")
    response = lazy_response(200, [(b"content-encoding", b"gzip")], packed, "GET", "http://h/")
    assert response.body == b"squeezed"


@given(st.binary(max_size=200), st.integers(min_value=200, max_value=599))
def test_lazy_and_plain_responses_agree(body: bytes, status: int) -> None:
    headers = [(b"content-type", b"application/octet-stream")]
    lazy = lazy_response(status, headers, body, "GET", "http://h/")
    plain = TestingResponse(status, headers=headers, content=body)
    assert (lazy.status, lazy.body, lazy.json) == (plain.status, plain.body, plain.json)
