"""The inspector API answers as Sanic's does: info, actions, auth, errors."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest

from hurtle_inspector.service import InspectorService


def make(api_key: str = "", calls: list | None = None) -> InspectorService:
    calls = calls if calls is not None else []

    def reload(zero_downtime: bool = False) -> None:
        calls.append(("reload", zero_downtime))

    def scale(replicas: int) -> str:
        calls.append(("scale", replicas))
        return f"Scaling to {replicas}"

    return InspectorService(
        info=lambda: {"info": {"app": "Demo"}, "workers": {"Sanic-Main": {"pid": 1}}},
        actions={"reload": reload, "scale": scale, "_private": lambda: "no"},
        api_key=api_key,
    )


def body(reply) -> object:
    return json.loads(reply.body)


def test_get_root_returns_info_wrapped_in_meta() -> None:
    reply = make().handle("GET", "/", {}, b"")
    assert reply.status == 200
    assert reply.content_type == "application/json"
    assert body(reply) == {
        "meta": {"action": "info"},
        "result": {"info": {"app": "Demo"}, "workers": {"Sanic-Main": {"pid": 1}}},
    }


def test_post_action_passes_json_body_as_kwargs() -> None:
    calls: list = []
    reply = make(calls=calls).handle("POST", "/scale", {}, b'{"replicas": 3}')
    assert body(reply) == {"meta": {"action": "scale"}, "result": "Scaling to 3"}
    assert calls == [("scale", 3)]


def test_action_without_body_uses_defaults() -> None:
    calls: list = []
    reply = make(calls=calls).handle("POST", "/reload", {}, b"")
    assert body(reply) == {"meta": {"action": "reload"}, "result": None}
    assert calls == [("reload", False)]


def test_get_on_an_action_is_405_with_allow() -> None:
    reply = make().handle("GET", "/reload", {}, b"")
    assert reply.status == 405
    assert reply.headers == {"Allow": "POST"}
    assert b"Method GET not allowed for URL /reload" in reply.body


def test_invalid_json_is_400() -> None:
    reply = make().handle("POST", "/scale", {}, b"notjson")
    assert reply.status == 400
    assert b"Failed when parsing body as json" in reply.body


def test_missing_argument_is_400_naming_the_action() -> None:
    reply = make().handle("POST", "/scale", {}, b"{}")
    assert reply.status == 400
    assert b"scale" in reply.body


def test_unknown_and_private_actions_give_null_result() -> None:
    svc = make()
    assert body(svc.handle("POST", "/foo", {}, b"")) == {"meta": {"action": "foo"}, "result": None}
    assert body(svc.handle("POST", "/_private", {}, b""))["result"] is None


def test_api_key_required_when_configured() -> None:
    svc = make(api_key="s3cret")
    assert svc.handle("GET", "/", {}, b"").status == 401
    assert svc.handle("GET", "/", {"Authorization": "Bearer wrong"}, b"").status == 401
    assert b"Bad API key" in svc.handle("GET", "/", {}, b"").body
    ok = svc.handle("GET", "/", {"authorization": "Bearer s3cret"}, b"")
    assert ok.status == 200


def test_api_key_is_read_as_sanic_reads_a_token() -> None:
    # Sanic's inspector takes the key as request.token does: after `Bearer` or `Token`,
    # or the whole header without a scheme. (Hurtle answered 401 to the last two.)
    svc = make(api_key="s3cret")
    statuses = {
        value: svc.handle("GET", "/", {"Authorization": value}, b"").status
        for value in ("Bearer s3cret", "bearer s3cret", "Token s3cret", "s3cret",
                      "Basic s3cret", "Bearer s3cret x", "Bearer", "Token wrong", "wrong")
    }
    assert statuses == {
        "Bearer s3cret": 200, "bearer s3cret": 200, "Token s3cret": 200, "s3cret": 200,
        "Basic s3cret": 401, "Bearer s3cret x": 401, "Bearer": 401, "Token wrong": 401,
        "wrong": 401,
    }


def test_failing_action_is_500_not_a_crash(caplog) -> None:
    def boom() -> None:
        raise RuntimeError("nope")

    svc = InspectorService(info=dict, actions={"boom": boom})
    with caplog.at_level(logging.ERROR, logger="sanic.error"):
        reply = svc.handle("POST", "/boom", {}, b"")
    assert reply.status == 500
    assert b"nope" in reply.body
    # As Sanic's inspector: the failure and its traceback are in the server's log.
    [record] = caplog.records
    assert record.getMessage() == "Exception occurred while handling uri: '/boom'"
    assert record.exc_info is not None and "RuntimeError: nope" in caplog.text


def test_respond_awaits_an_async_action() -> None:
    import asyncio

    async def foo(bar: int) -> str:
        await asyncio.sleep(0)
        return f"bar is {bar}"

    svc = InspectorService(info=dict, actions={"foo": foo})
    reply = asyncio.run(svc.respond("POST", "/foo", {}, b'{"bar": 99}'))
    assert reply.status == 200
    assert body(reply) == {"meta": {"action": "foo"}, "result": "bar is 99"}
    sync = svc.handle("POST", "/foo", {}, b'{"bar": 99}')
    assert sync.status == 500 and b"async" in sync.body


def test_json_nested_too_deep_is_400_not_500() -> None:
    for deep in (b"[" * 100_000, b'{"a":' * 100_000):
        reply = make().handle("POST", "/scale", {}, deep)
        assert reply.status == 400
        assert b"Failed when parsing body as json" in reply.body


def test_authorization_with_undecodable_bytes_is_401_not_500() -> None:
    svc = make(api_key="s3cret")
    # The HTTP core hands header bytes that are not UTF-8 over as surrogate escapes.
    header = {"Authorization": b"Bearer \xff\xfe".decode("utf-8", "surrogateescape")}
    reply = svc.handle("GET", "/", header, b"")
    assert reply.status == 401
    assert b"Bad API key" in reply.body
    assert svc.handle("GET", "/", {"Authorization": "Bearer s3cret"}, b"").status == 200


@pytest.mark.parametrize(("headers", "as_json"), [
    ({}, False),
    ({"Accept": "*/*"}, False),
    ({"Accept": "text/plain"}, False),
    ({"Accept": "text/html, application/json;q=0.5"}, False),
    ({"accept": "application/json"}, True),
    ({"Accept": "application/*"}, True),
    ({"Accept": "text/plain;q=0.2, application/json"}, True),
    # A q that is no qvalue (RFC 9110 12.4.2) weighs nothing, as in request.accept.
    ({"Accept": "text/plain;q=0.2, application/json;q=2"}, False),
    ({"Accept": "text/plain;q=0.2, application/json;q=1.000"}, True),
    ({"Content-Type": "application/json"}, True),
    ({"Content-Type": "application/json; charset=utf-8", "Accept": "*/*"}, True),
    ({"Content-Type": "application/json", "Accept": "text/plain"}, False),
    ({"Content-Type": "text/plain"}, False),
])
def test_errors_are_json_when_the_client_asks_for_json(headers, as_json) -> None:
    # As Sanic's inspector: curl -H 'accept: application/json' (or a JSON body) gets
    # {"description", "status", "message"}; a client that states no preference, the text page.
    reply = make().handle("GET", "/reload", headers, b"")
    assert reply.status == 405
    assert reply.headers == {"Allow": "POST"}
    if as_json:
        assert reply.content_type == "application/json"
        assert body(reply) == {"description": "Method Not Allowed", "status": 405,
                               "message": "Method GET not allowed for URL /reload"}
    else:
        assert reply.content_type.startswith("text/plain")
        assert reply.body.startswith("⚠️ 405 — Method Not Allowed\n".encode())


def test_a_failing_async_action_answers_json_when_asked() -> None:
    async def boom() -> None:
        raise RuntimeError("no")

    service = InspectorService(info=dict, actions={"boom": boom})
    reply = asyncio.run(service.respond("POST", "/boom", {"Accept": "application/json"}, b""))
    assert reply.status == 500
    assert body(reply)["message"] == "Action 'boom' failed: no"


def test_a_list_under_args_is_passed_by_position() -> None:
    # `sanic inspect greet one two --loud` sends {"args": ["one", "two"], "loud": true}.
    seen: list = []

    def greet(*names: str, loud: bool = False) -> str:
        seen.append((names, loud))
        return "ok"

    def single(value: str = "x") -> str:
        return value

    service = InspectorService(info=dict, actions={"greet": greet, "single": single})
    reply = service.handle("POST", "/greet", {}, b'{"args": ["one", "two"], "loud": true}')
    assert body(reply)["result"] == "ok"
    assert seen == [(("one", "two"), True)]
    assert body(service.handle("POST", "/single", {}, b'{"args": ["y"]}'))["result"] == "y"
    too_many = service.handle("POST", "/single", {}, b'{"args": ["y", "z"]}')
    assert too_many.status == 400


@pytest.mark.parametrize("args", [b'"ab"', b'"2"', b'{"name": "x"}', b"null", b"7"])
def test_args_that_is_no_list_is_refused_saying_what_to_send(args: bytes) -> None:
    # A raw client's {"args": "ab"}: Sanic spreads the characters (add("a", "b") answers
    # "ab"), an object's keys, or fails with a 500; Hurtle passed it as a keyword, so the
    # action failed with "unexpected keyword argument 'args'" or took it as a keyword.
    calls: list = []

    def several(*args: object, **kwargs: object) -> str:
        calls.append((args, kwargs))
        return "ran"

    service = InspectorService(info=dict, actions={"several": several})
    reply = service.handle(
        "POST", "/several", {"Accept": "application/json"}, b'{"args": ' + args + b', "k": 1}'
    )
    assert reply.status == 400
    assert body(reply)["message"] == (
        "Bad arguments for action 'several': \"args\" is a JSON list of positional "
        f"arguments, such as [\"a\", 2], not {json.dumps(json.loads(args))}"
    )
    assert calls == []
    # An unknown action still answers null, whatever its arguments (as Sanic).
    assert body(service.handle("POST", "/nope", {}, b'{"args": "ab"}'))["result"] is None


@pytest.mark.parametrize("path, status", [
    ("//", 200), ("///", 200), ("//?x=1", 200),
    ("//reload", 404), ("///reload", 404), ("//reload/", 404),
])
def test_leading_slashes_count_as_sanics_routes_do(path: str, status: int) -> None:
    # GET and POST //reload: Sanic's inspector answers 404 (no route); Hurtle's ran the
    # action (leading slashes were stripped with the trailing ones). `//` is the info in
    # both, and trailing slashes (`/reload//`) do not count in either.
    calls: list = []
    service = make(calls=calls)
    method = "GET" if status == 200 else "POST"
    reply = service.handle(method, path, {}, b"")
    assert reply.status == status
    if status == 404:
        assert f"Requested URL {path.split('?')[0]} not found".encode() in reply.body
        assert service.handle("GET", path, {}, b"").status == 404
    assert calls == []
    assert service.handle("POST", "/reload//", {}, b"").status == 200


def test_a_body_of_blanks_is_malformed_json_as_in_sanic() -> None:
    # `curl -d ' '`: Sanic's inspector says it could not parse the body (400); Hurtle's
    # took it for no arguments and ran the action.
    calls: list = []
    reply = make(calls=calls).handle("POST", "/reload", {}, b" \r\n")
    assert reply.status == 400
    assert b"Failed when parsing body as json" in reply.body
    assert calls == []


def test_only_requests_naming_an_action_are_announced(caplog) -> None:
    from hurtle_inspector.inspector import announce_action

    service = make()
    with caplog.at_level(logging.INFO, logger="sanic.root"):
        for path in ("//reload", "/a/b", "/reload/", "/reload"):
            announce_action(service, "POST", path, {})
    assert [r.getMessage() for r in caplog.records] == [
        "Incoming inspector action: reload", "Incoming inspector action: reload"]
