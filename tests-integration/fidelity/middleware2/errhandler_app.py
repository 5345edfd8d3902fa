"""Middleware errors answered by a custom ErrorHandler (default() and response()
overridden), and what the response middleware sees of its answers (sanic-diff app).
Run: python3 diffrun.py errhandler_app.py errhandler.http
"""

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.handlers import ErrorHandler
from sanic.response import json, text

EV: list = []


class Handler(ErrorHandler):
    def default(self, request, exception):
        EV.append(f"default {type(exception).__name__}")
        if isinstance(exception, KeyError):
            return "not a response"
        if isinstance(exception, LookupError):
            raise RuntimeError("default failed")
        return text(
            f"custom default {type(exception).__name__}",
            status=getattr(exception, "status_code", 500),
        )

    def response(self, request, exception):
        EV.append(f"response {type(exception).__name__}")
        return super().response(request, exception)


app = Sanic("MwErrHandler", error_handler=Handler())


@app.exception(ZeroDivisionError)
def zero(request, exc):
    EV.append("zero handler")
    return text("zero", status=422)


KINDS = {
    "rt": RuntimeError("rt"),
    "418": SanicException("teapot", status_code=418),
    "zero": ZeroDivisionError("zero"),
    "key": KeyError("key"),
    "index": IndexError("index"),
}


@app.on_request
async def req(request):
    if request.path == "/_ev":
        return
    EV.append("req")
    kind = request.args.get("raise")
    if kind:
        raise KINDS[kind]


@app.on_response
async def resp(request, response):
    if request.path == "/_ev":
        return
    EV.append(f"resp {response.status}")
    kind = request.args.get("rraise")
    if kind:
        raise KINDS[kind]


@app.get("/")
async def index(request):
    kind = request.args.get("hraise")
    if kind:
        raise KINDS[kind]
    return text("index")


@app.get("/_ev")
async def ev(request):
    out = list(EV)
    EV.clear()
    return json(out)
