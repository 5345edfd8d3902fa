"""Which attributes user code may assign on a Request, a response, an app and a Blueprint
(old tutorials replace `request.ctx`, plugins reset blueprint lists); prints each outcome
(the value read back, or the exception). Run by ./probes.sh under both interpreters."""

import logging
from types import SimpleNamespace

from sanic import Blueprint, Request, Sanic
from sanic.compat import Header
from sanic.config import Config
from sanic.handlers import ErrorHandler
from sanic.response import json, text

logging.disable(logging.CRITICAL)


app = Sanic("SAreq")
for name, value in [
    ("ctx", {}),
    ("foo", 1),
    ("json", {}),
    ("form", {}),
    ("args", {}),
    ("body", b"x"),
    ("headers", Header()),
    ("route", None),
    ("app", None),
    ("id", 5),
    ("path", "/x"),
    ("url", "u"),
    ("match_info", {}),
    ("token", "t"),
    ("content_type", "x"),
    ("stream", None),
    ("conn_info", None),
    ("responded", True),
    ("cookies", {}),
    ("parsed_json", {}),
    ("ip", "1"),
    ("host", "h"),
    ("method", "POST"),
    ("query_string", "a=1"),
    ("raw_url", b"/y"),
    ("uri_template", "/t"),
    ("transport", None),
]:
    r = Request(b"/p?a=1", Header({"host": "h"}), "1.1", "GET", None, app)
    try:
        setattr(r, name, value)
        got = getattr(r, name)
        print(name, "ok", repr(got)[:40])
    except Exception as e:
        print(name, type(e).__name__, str(e)[:80])


def mk():
    return json({"a": 1})


resp_cases = [
    ("status", 201),
    ("status", "202"),
    ("content_type", "text/x"),
    ("body", b"z"),
    ("body", "str body"),
    ("body", None),
    ("headers", {"X": "1"}),
    ("headers", Header({"X": "1"})),
    ("cookies", {}),
    ("foo", 1),
    ("stream", None),
    ("asgi", True),
    ("raw_body", {"b": 2}),
    ("processed_headers", []),
]
for name, value in resp_cases:
    r = mk()
    try:
        setattr(r, name, value)
        g = getattr(r, name)
        print("resp", name, repr(value)[:20], "ok", repr(g)[:50], type(r.headers).__name__)
    except Exception as e:
        print("resp", name, repr(value)[:20], type(e).__name__, str(e)[:90])
n = 0
app_cases = [
    ("error_handler", ErrorHandler()),
    ("config", Config()),
    ("ctx", SimpleNamespace(a=1)),
    ("name", "renamed"),
    ("router", None),
    ("debug", True),
    ("auto_reload", True),
    ("blueprints", {}),
    ("request_class", None),
    ("foo", 1),
    ("shared_ctx", None),
    ("state", None),
    ("asgi", True),
    ("websocket_enabled", True),
    ("strict_slashes", True),
    ("signal_router", None),
    ("listeners", {}),
    ("configure_logging", False),
    ("sock", None),
    ("is_running", True),
    ("test_mode", True),
    ("loop", None),
    ("_test_manager", 1),
    ("_test_client", 1),
]
for name, value in app_cases:
    n += 1
    app = Sanic(f"SA{n}")
    try:
        setattr(app, name, value)
        g = getattr(app, name)
        print("app", name, "ok", type(g).__name__)
    except Exception as e:
        print("app", name, type(e).__name__, str(e)[:100])
bp_cases = [
    ("url_prefix", "/x"),
    ("name", "other"),
    ("version", 2),
    ("strict_slashes", True),
    ("ctx", SimpleNamespace()),
    ("foo", 1),
    ("host", "h"),
    ("routes", []),
    ("version_prefix", "/api/v"),
]
for name, value in bp_cases:
    n += 1
    bp = Blueprint(f"bp{n}")
    try:
        setattr(bp, name, value)
        print("bp", name, "ok", repr(getattr(bp, name))[:40])
    except Exception as e:
        print("bp", name, type(e).__name__, str(e)[:100])


for name in [
    "routes",
    "websocket_routes",
    "statics",
    "middlewares",
    "exceptions",
    "listeners",
    "_apps",
    "ctx",
    "host",
    "strict_slashes",
    "url_prefix",
    "version",
    "version_prefix",
    "name",
    "apps",
    "registered",
    "copy",
    "signals",
    "_future_routes",
]:
    bp = Blueprint("b_" + name.strip("_"))

    @bp.get("/")
    async def h(r):
        return text("x")

    try:
        before = getattr(bp, name)
        setattr(bp, name, type(before)() if isinstance(before, (list, dict, set)) else before)
        print(name, "ok", type(getattr(bp, name)).__name__)
    except Exception as e:
        print(name, type(e).__name__, str(e)[:90])
