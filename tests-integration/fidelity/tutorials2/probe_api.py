"""Python-level idioms of public projects' unit tests and helpers (requests built by hand,
response objects inspected and changed, blueprint groups handled as lists, JSONResponse's
body helpers, get_app edge cases), each case isolated; prints outcome. Diff the output of
both interpreters (`./probes.sh` does it, addresses masked):

    /tmp/st-ref/bin/python probe_api.py > /tmp/s.txt
    ../../../.venv/bin/python probe_api.py > /tmp/h.txt; diff /tmp/s.txt /tmp/h.txt
"""

import asyncio

from probekit import case, fresh, run


def handmade(app=None, url=b"/p/a?x=1&x=2&y=", headers=None, method="GET", body=b""):
    from sanic import Request
    from sanic.compat import Header

    app = app or fresh()
    req = Request(url, Header(headers or {"host": "example.com:8080"}), "1.1", method, None, app)
    req.body = body
    return req


@case
def request_handmade_basics():
    r = handmade()
    return [
        r.path,
        r.query_string,
        dict(r.args),
        r.method,
        r.version,
        r.host,
        r.server_name,
        r.server_port,
        r.scheme,
    ]


@case
def request_handmade_url():
    return handmade().url


@case
def request_handmade_json():
    r = handmade(
        method="POST", headers={"content-type": "application/json", "host": "h"}, body=b'{"a": [1]}'
    )
    return r.json


@case
def request_handmade_json_bad():
    r = handmade(
        method="POST", headers={"content-type": "application/json", "host": "h"}, body=b"{"
    )
    return r.json


@case
def request_handmade_form():
    r = handmade(
        method="POST",
        headers={"content-type": "application/x-www-form-urlencoded", "host": "h"},
        body=b"a=1&a=2&b=%20",
    )
    return [dict(r.form), r.form.get("a")]


@case
def request_handmade_ip():
    r = handmade()
    return [r.ip, r.remote_addr, r.port]


@case
def request_handmade_id_ctx():
    r = handmade()
    r.ctx.user = "u"
    return [type(r.id).__name__, r.ctx.user, r.route, r.endpoint, r.uri_template, r.name]


@case
def request_handmade_no_app():
    from sanic import Request
    from sanic.compat import Header

    r = Request(b"/x", Header({}), "1.1", "GET", None, None)
    return [r.path, r.host]


@case
def request_handmade_url_for():
    app = fresh()
    from sanic.response import text

    @app.get("/n/<a>")
    async def named(request, a):
        return text(a)

    r = handmade(app=app)
    return r.url_for("named", a="v")


@case
def request_repr():
    return repr(handmade())


@case
def response_repr_and_fields():
    from sanic.response import json

    r = json({"a": 1}, status=201, headers={"X-A": "1"})
    return [
        repr(r),
        r.status,
        r.content_type,
        r.body,
        dict(r.headers),
        r.processed_headers if hasattr(r, "processed_headers") else None,
    ]


@case
def response_processed_headers():
    from sanic.response import text

    r = text("hé")
    return list(r.processed_headers)


@case
def jsonresponse_raw_body_and_mutations():
    from sanic.response import json

    r = json({"a": 1})
    out = [r.raw_body]
    r.update({"b": 2})
    out.append(r.body)
    r.raw_body = {"c": 3}
    out.append(r.body)
    r.set_body([1], dumps=None)
    r.append(2)
    r.extend([3, 4])
    out.append(r.body)
    out.append(r.pop())
    out.append(r.body)
    return out


@case
def jsonresponse_update_on_list():
    from sanic.response import json

    r = json([1])
    r.update({"a": 1})


@case
def jsonresponse_after_body_set():
    from sanic.response import json

    r = json({"a": 1})
    r.body = b"raw"
    return r.raw_body


@case
def blueprint_group_as_list():
    from sanic import Blueprint

    a, b, c = Blueprint("ga"), Blueprint("gb"), Blueprint("gc")
    g = Blueprint.group(a, b, url_prefix="/g", version=2)
    g.append(c)
    return [
        len(g),
        g[0].name,
        [bp.name for bp in g],
        g.url_prefix,
        g.version,
        [bp.url_prefix for bp in g.blueprints],
    ]


@case
def blueprint_group_insert_and_del():
    from sanic import Blueprint

    a, b, c = Blueprint("ia"), Blueprint("ib"), Blueprint("ic")
    g = Blueprint.group(a, b)
    g.insert(0, c)
    del g[1]
    return [bp.name for bp in g]


@case
def blueprint_group_of_groups_flatten():
    from sanic import Blueprint

    g1 = Blueprint.group(Blueprint("fa"), Blueprint("fb"), url_prefix="/one")
    g2 = Blueprint.group(g1, Blueprint("fc"), url_prefix="/two")
    return [[bp.name, bp.url_prefix] for bp in g2]


@case
def get_app_none_registered_name():
    from sanic import Sanic

    Sanic.get_app("definitely-missing-app")


@case
def get_app_force_create():
    from sanic import Sanic

    a = Sanic.get_app("forced-one", force_create=True)
    return [a.name, Sanic.get_app("forced-one") is a]


@case
def get_app_ambiguous():
    from sanic import Sanic

    fresh()
    fresh()
    Sanic.get_app()


@case
def app_repr_and_name():
    app = fresh()
    return [
        repr(app).split("(")[0],
        str(app.config.get("FALLBACK_ERROR_FORMAT")),
        app.name.startswith("P"),
    ]


@case
def test_client_response_fields():
    from sanic.response import json

    app = fresh()

    @app.post("/j")
    async def j(request):
        return json({"got": request.json}, status=201, headers={"X-A": "b"})

    req, res = app.test_client.post("/j", json={"a": 1})
    return [
        res.status,
        res.status_code,
        res.json,
        res.text,
        res.content,
        res.body,
        res.headers["x-a"],
        res.is_success,
        res.reason_phrase,
        req.json,
        req.content_type,
    ]


@case
def test_client_gather_request_false():
    from sanic.response import text

    app = fresh()

    @app.get("/")
    async def idx(request):
        return text("hi")

    res = app.test_client.get("/", gather_request=False)
    return [type(res).__name__, res.text]


@case
def test_client_debug_kw():
    from sanic.response import json

    app = fresh()

    @app.get("/")
    async def idx(request):
        return json({"debug": request.app.debug})

    _, res = app.test_client.get("/", debug=True)
    return res.json


@case
def file_response_awaited():
    from sanic.response import file

    r = asyncio.run(file(__file__, filename="probe.py", max_age=60))
    return [r.status, r.content_type, sorted(k.lower() for k in r.headers)]


@case
def file_response_missing():
    from sanic.response import file

    asyncio.run(file("/nonexistent/file.txt"))


@case
def generic_app_subclass():
    # prryplatypus/sanic-template style: typed app, config and ctx
    from types import SimpleNamespace

    from sanic import Request, Sanic
    from sanic.config import Config

    class AppConfig(Config):
        FEATURE = True

    class AppCtx(SimpleNamespace):
        pass

    class App(Sanic[AppConfig, AppCtx]):
        pass

    class AppRequest(Request[App, SimpleNamespace]):
        pass

    app = App("GenericApp", config=AppConfig(), ctx=AppCtx(), request_class=AppRequest)
    return [
        type(app.config).__name__,
        app.config.FEATURE,
        type(app.ctx).__name__,
        app.request_class.__name__,
    ]


@case
def generic_subscript_call():
    from types import SimpleNamespace

    from sanic import Sanic
    from sanic.config import Config

    app = Sanic[Config, SimpleNamespace]("Subscripted")
    return [type(app).__name__, app.name]


@case
def request_class_not_a_request():
    from sanic import Sanic

    Sanic("BadReqClass", request_class=dict)


if __name__ == "__main__":
    run()
