"""Test-suite idioms around the clients (pattern origin: sanic-org/sanic-testing's own
conftest with `TestManager(sanic_app)`, BananaWanted/Networking tests flipping
`app.debug`, fixtures that re-create an app of the same name under `Sanic.test_mode`,
KaraKara-style `asgi_client.get("/")` with `request.method.lower()`, ReusableClient
blocks, Host overrides and `params=` lists), against app_health and small apps."""

import itertools

from clients import summary

from sanic import Sanic
from sanic.response import json, text

ISOLATE = True
_n = itertools.count()


def make_app():
    import app_health

    return app_health.app


def check_test_manager(app):
    from sanic_testing import TestManager

    a = Sanic(f"TM{next(_n)}")
    TestManager(a)

    @a.route("/", methods=["GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"])
    def basic(request):
        return text("foo")

    out = []
    for method in ("get", "post", "patch", "put", "delete", "options", "head"):
        _, r = getattr(a.test_client, method)("/")
        out.append([method, r.status, r.text])
    return out


def check_same_name_under_test_mode(app):
    Sanic.test_mode = True
    try:
        names = []
        for _ in range(2):
            a = Sanic("FixtureApp")

            @a.get("/")
            async def idx(request):
                return text(request.app.name)

            _, r = a.test_client.get("/")
            names.append(r.text)
        return names
    finally:
        Sanic.test_mode = False


def check_same_name_without_test_mode(app):
    Sanic("FixtureApp2")
    Sanic("FixtureApp2")


def check_debug_flag_flip(app):
    app.debug = app.config.debug = True


def check_host_header_override(app):
    req, r = app.test_client.get("/health", headers={"Host": "example.com:9000"})
    return [r.json, req.host, req.server_name, req.server_port, req.url]


def check_params_list(app):
    req, r = app.test_client.get("/health", params=[("a", "1"), ("a", "2"), ("b", "")])
    return [req.query_string, dict(req.args), req.get_args(keep_blank_values=True)]


def check_reusable_client(app):
    from sanic_testing.reusable import ReusableClient

    out = []
    with ReusableClient(app) as client:
        _, r = client.post("/db/down")
        out.append(r.status)
        _, r = client.get("/ready")
        out.append(summary(r))
        _, r = client.post("/db/up")
        _, r = client.get("/ready")
        out.append(summary(r))
    return out


async def check_asgi_method_lower(app):
    request, response = await app.asgi_client.get("/")
    return [request.method.lower(), response.body.decode(), response.status, request.url]


async def check_asgi_head_and_options(app):
    _, r1 = await app.asgi_client.head("/ping")
    _, r2 = await app.asgi_client.options("/ping")
    return [summary(r1, "content-length"), summary(r2, "allow")]


def check_json_on_non_json(app):
    _, r = app.test_client.get("/")
    try:
        return r.json
    except Exception as e:
        return type(e).__name__


def check_request_attr_after_call(app):
    req, _ = app.test_client.get("/ready")
    return [type(req).__name__, req.app is app, req.route.name, req.ctx.__class__.__name__]


def check_app_state_after_calls(app):
    app.test_client.get("/")
    return [
        app.state.stage.name if hasattr(app.state.stage, "name") else str(app.state.stage),
        app.is_running,
        app.state.is_started,
    ]


def check_json_body_kwargs(app):
    a = Sanic(f"JB{next(_n)}")

    @a.post("/echo")
    async def echo(request):
        return json(
            {
                "json": request.json,
                "form": dict(request.form),
                "body": request.body.decode(),
                "ct": request.content_type,
            }
        )

    out = []
    for kw in (
        {"json": {"a": [1, 2]}},
        {"data": {"a": "1", "b": ["2", "3"]}},
        {"data": "raw text"},
        {"content": b"bytes"},
        {"json": None},
    ):
        _, r = a.test_client.post("/echo", **kw)
        out.append(r.json)
    return out
