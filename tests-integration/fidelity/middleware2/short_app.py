"""Middleware that answers early, raises, or replaces the response (sanic-diff app).

Query arguments steer each middleware: ?short=TAG answers from that request middleware,
?raise=TAG-KIND raises there (KIND: rt, 418, nf, custom), ?rnew=TAG / ?rraise=TAG-KIND /
?rval=TAG make a response middleware return a new response / raise / return a non-response.
Every middleware, handler and error handler appends to EV; GET /_ev returns and clears it.
Run: python3 diffrun.py short_app.py short.http
"""

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import json, text

app = Sanic("MwShort")
EV: list = []


class Custom(Exception):
    pass


def act(tag, request):
    if request.args.get("short") == tag:
        return text(f"short {tag}", status=203)
    kind = request.args.get("raise", "")
    if kind.startswith(tag + "-"):
        raise_kind(kind.split("-", 1)[1], tag)
    return None


def raise_kind(kind, tag):
    if kind == "rt":
        raise RuntimeError(f"rt from {tag}")
    if kind == "418":
        raise SanicException(f"418 from {tag}", status_code=418)
    if kind == "nf":
        raise NotFound(f"nf from {tag}")
    if kind == "custom":
        raise Custom(f"custom from {tag}")


def rq(tag):
    async def f(request):
        if not request.path.startswith("/_ev"):
            EV.append(f"req {tag}")
            return act(tag, request)

    return f


def rs(tag):
    async def f(request, response):
        if request.path.startswith("/_ev"):
            return None
        body = getattr(response, "body", None)
        EV.append(f"resp {tag} saw {response.status} {body[:24] if body else body!r}")
        if request.args.get("rnew") == tag:
            return text(f"new from {tag}", status=202)
        if request.args.get("rval") == tag:
            return "not a response"
        kind = request.args.get("rraise", "")
        if kind.startswith(tag + "-"):
            raise_kind(kind.split("-", 1)[1], tag)
        return None

    return f


app.on_request(rq("a1"), priority=5)
app.on_request(rq("a2"))
app.on_response(rs("r1"))
app.on_response(rs("r2"), priority=3)

bp = Blueprint("bp", url_prefix="/bp")
bp.on_request(rq("b1"))
bp.on_request(rq("b0"), priority=9)
bp.on_response(rs("br"))
bp.on_response(rs("br9"), priority=9)


@bp.exception(Custom)
async def bp_custom(request, exc):
    EV.append(f"bp handler {type(exc).__name__} {exc}")
    return text(f"bp handled {exc}", status=299)


@bp.get("/x")
async def bpx(request):
    EV.append("handler bpx")
    kind = request.args.get("hraise")
    if kind:
        raise_kind(kind, "bpx")
    return text("bpx")


app.blueprint(bp)


@app.exception(Custom)
async def app_custom(request, exc):
    EV.append(f"app handler {type(exc).__name__} {exc}")
    return text(f"app handled {exc}", status=298)


@app.get("/a")
async def a(request):
    EV.append("handler a")
    kind = request.args.get("hraise")
    if kind:
        raise_kind(kind, "a")
    return text("a")


@app.get("/_ev")
async def ev(request):
    out = list(EV)
    EV.clear()
    return json(out)
