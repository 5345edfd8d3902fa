"""Request API in-process: run under each interpreter, diff the printed lines."""
# ruff: noqa: B023 (each lambda runs at once, inside its own loop step)

import json as _json
import uuid

from common import rec

from sanic import Request, Sanic
from sanic.response import json, text

out = []


rec(out, "get_current outside", lambda: Request.get_current())

# is_safe / is_idempotent / is_cacheable for methods
app = Sanic("R2a")
methods = [
    "GET",
    "HEAD",
    "POST",
    "PUT",
    "DELETE",
    "OPTIONS",
    "PATCH",
    "TRACE",
    "CONNECT",
    "PURGE",
    "PROPFIND",
    "get",
]
seen = {}


@app.route("/m", methods=["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"])
async def m(request):
    seen[request.method] = (request.is_safe, request.is_idempotent, request.is_cacheable)
    return text("x")


@app.get("/cur")
async def cur(request):
    return json(
        {
            "same": Request.get_current() is request,
            "ctx": repr(request.ctx),
            "app": request.app is app,
            "match_info": request.match_info,
            "id": type(request.id).__name__,
        }
    )


@app.post("/json")
async def pj(request):
    try:
        return json({"json": request.json})
    except BaseException as exc:
        return json({"exc": f"{type(exc).__name__} {exc} {getattr(exc, 'status_code', None)}"})


@app.post("/json_raise")
async def pjr(request):
    return json({"json": request.json})


for meth in methods:
    _, resp = app.test_client.request("/m", http_method=meth.lower() if meth != "get" else "get")
    rec(out, f"method {meth} status", lambda: resp.status)
for k, v in sorted(seen.items()):
    out.append(f"props {k}: {v}")
_, resp = app.test_client.get("/cur")
rec(out, "cur", lambda: resp.json)
for body in ["", "{bad", "null", "1e999", "NaN"]:
    _, resp = app.test_client.post("/json", content=body)
    rec(out, f"json {body!r}", lambda: resp.json)
    _, resp = app.test_client.post("/json_raise", content=body)
    rec(out, f"json_raise {body!r}", lambda: (resp.status, resp.text[:200]))


# Request constructed directly
def direct():
    r = Request(b"/p?a=1&a=2", {"host": "h:1", "x-request-id": "abc"}, "1.1", "GET", None, app)
    return [r.path, r.query_string, r.args.getlist("a"), r.host, r.headers.get("host")]


rec(out, "direct", direct)
rec(out, "direct id", lambda: str(Request(b"/p", {}, "1.1", "GET", None, app).id)[:0])
rec(out, "direct args none", lambda: dict(Request(b"/p", {}, "1.1", "GET", None, app).args))
rec(out, "direct body", lambda: Request(b"/p", {}, "1.1", "GET", None, app).body)
rec(out, "direct json", lambda: Request(b"/p", {}, "1.1", "GET", None, app).json)
rec(out, "direct form", lambda: Request(b"/p", {}, "1.1", "GET", None, app).form)
rec(out, "direct files", lambda: Request(b"/p", {}, "1.1", "GET", None, app).files)
rec(out, "direct ip", lambda: Request(b"/p", {}, "1.1", "GET", None, app).ip)
rec(out, "direct conn_info", lambda: Request(b"/p", {}, "1.1", "GET", None, app).conn_info)
rec(out, "direct remote_addr", lambda: Request(b"/p", {}, "1.1", "GET", None, app).remote_addr)
rec(out, "direct server_name", lambda: Request(b"/p", {}, "1.1", "GET", None, app).server_name)
rec(out, "direct scheme", lambda: Request(b"/p", {}, "1.1", "GET", None, app).scheme)
rec(out, "direct url", lambda: Request(b"/p", {}, "1.1", "GET", None, app).url)
rec(out, "direct port", lambda: Request(b"/p", {}, "1.1", "GET", None, app).port)
rec(out, "direct socket", lambda: Request(b"/p", {}, "1.1", "GET", None, app).socket)
rec(out, "direct content_type", lambda: Request(b"/p", {}, "1.1", "GET", None, app).content_type)
rec(out, "direct credentials", lambda: Request(b"/p", {}, "1.1", "GET", None, app).credentials)
rec(out, "direct token", lambda: Request(b"/p", {}, "1.1", "GET", None, app).token)
rec(out, "direct accept", lambda: Request(b"/p", {}, "1.1", "GET", None, app).accept)
rec(out, "direct match_info", lambda: Request(b"/p", {}, "1.1", "GET", None, app).match_info)
rec(out, "direct route", lambda: Request(b"/p", {}, "1.1", "GET", None, app).route)
rec(out, "direct stream", lambda: Request(b"/p", {}, "1.1", "GET", None, app).stream)
rec(out, "direct repr", lambda: repr(Request(b"/p?q", {}, "1.1", "GET", None, app)))
rec(
    out,
    "direct str headers",
    lambda: type(Request(b"/p", {"a": "b"}, "1.1", "GET", None, app).headers).__name__,
)
rec(out, "direct stream_id", lambda: Request(b"/p", {}, "1.1", "GET", None, app).stream_id)
rec(out, "direct protocol", lambda: Request(b"/p", {}, "1.1", "GET", None, app).protocol)
rec(out, "direct transport", lambda: Request(b"/p", {}, "1.1", "GET", None, app).transport)
rec(out, "direct no app", lambda: Request(b"/p", {}, "1.1", "GET", None, None).app)
rec(out, "direct responded", lambda: Request(b"/p", {}, "1.1", "GET", None, app).responded)
rec(out, "direct name", lambda: Request(b"/p", {}, "1.1", "GET", None, app).name)
rec(out, "direct endpoint", lambda: Request(b"/p", {}, "1.1", "GET", None, app).endpoint)
rec(out, "direct uri_template", lambda: Request(b"/p", {}, "1.1", "GET", None, app).uri_template)
rec(out, "direct server_path", lambda: Request(b"/p", {}, "1.1", "GET", None, app).server_path)
rec(
    out,
    "direct cookies",
    lambda: Request(b"/p", {"cookie": "a=1"}, "1.1", "GET", None, app).cookies,
)
rec(out, "direct load_json", lambda: Request(b"/p", {}, "1.1", "GET", None, app).load_json())
for meth in methods:
    rec(
        out,
        f"direct props {meth}",
        lambda: [
            getattr(Request(b"/p", {}, "1.1", meth, None, app), a)
            for a in ("is_safe", "is_idempotent", "is_cacheable", "method")
        ],
    )
rec(out, "generate_id static", lambda: type(Request.generate_id(None)).__name__)


# generate_id override and REQUEST_ID_HEADER
class IntReq(Request):
    @classmethod
    def generate_id(cls, *_):
        return 42


class StrReq(Request):
    @classmethod
    def generate_id(cls, *_):
        return "sid"


class UReq(Request):
    @classmethod
    def generate_id(cls, *_):
        return uuid.UUID(int=7)


for klass in (IntReq, StrReq, UReq, Request):
    for hdrname, cfg in (("X-Request-ID", None), ("X-Trace", "X-Trace")):
        a = Sanic(f"R2{klass.__name__}{len(out)}", request_class=klass)
        if cfg:
            a.config.REQUEST_ID_HEADER = cfg

        @a.get("/")
        async def idh(request):
            v = request.id
            return json({"id": str(v), "t": type(v).__name__, "cls": type(request).__name__})

        for hv in (None, "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "abc", "17"):
            headers = {hdrname: hv} if hv else {}
            _, resp = a.test_client.get("/", headers=headers)
            body = resp.json
            if klass is Request and hv is None:
                body["id"] = len(body["id"])
            rec(out, f"id {klass.__name__} {hdrname} {hv}", lambda: body)


# request_class with extra attributes and __slots__
class SlotReq(Request):
    __slots__ = ("extra",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra = "e"


b = Sanic("R2slots", request_class=SlotReq)


@b.get("/")
async def sl(request):
    return json(
        {
            "extra": request.extra,
            "cls": type(request).__name__,
            "isinst": isinstance(request, Request),
        }
    )


_, resp = b.test_client.get("/")
rec(out, "slots", lambda: resp.json)
rec(out, "request_class attr", lambda: b.request_class.__name__)

# custom loads
c = Sanic("R2loads", loads=lambda s: {"wrapped": _json.loads(s)})


@c.post("/")
async def cl(request):
    return json(
        {
            "json": request.json,
            "lj": request.load_json(),
            "ljc": request.load_json(loads=lambda s: len(s)),
        }
    )


_, resp = c.test_client.post("/", content='{"a":1}')
rec(out, "custom loads", lambda: resp.json)


def bad_loads(s):
    raise ValueError("nope")


d = Sanic("R2badloads", loads=bad_loads)


@d.post("/")
async def dl(request):
    return json({"json": request.json})


_, resp = d.test_client.post("/", content='{"a":1}')
rec(out, "bad loads", lambda: (resp.status, resp.text[:300]))

print("\n".join(out))
