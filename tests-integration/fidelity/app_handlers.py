"""Custom error handlers: app-wide, per blueprint, for 404/405, returning odd things."""

from sanic import Blueprint, Sanic
from sanic.exceptions import MethodNotAllowed, NotFound, SanicException
from sanic.handlers import ErrorHandler
from sanic.response import json, text


class Flaky(Exception):
    pass


class Custom(SanicException):
    status_code = 409


class MyErrorHandler(ErrorHandler):
    def default(self, request, exception):
        if isinstance(exception, Custom):
            return text(f"custom default: {exception}", status=419)
        return super().default(request, exception)


app = Sanic("FidelityHandlers", error_handler=MyErrorHandler())
bp = Blueprint("bp", url_prefix="/bp")
bp_fmt = Blueprint("bpfmt", url_prefix="/bpfmt")


@app.exception(NotFound)
async def not_found(request, exception):
    return json({"error": "nothing here", "path": request.path, "msg": str(exception)}, status=404)


@app.exception(MethodNotAllowed)
async def not_allowed(request, exception):
    return text(f"no {request.method} here", status=405, headers={"Allow": "GET"})


@app.exception(Flaky)
def flaky_sync(request, exception):
    return text("sync handler " + str(exception), status=503, headers={"Retry-After": "1"})


@app.exception(ZeroDivisionError)
async def returns_none(request, exception):
    return None


@app.get("/ok")
async def ok(request):
    return text("ok")


@app.get("/flaky")
async def flaky(request):
    raise Flaky("try later")


@app.get("/zero")
async def zero(request):
    return 1 / 0


@app.get("/custom")
async def custom(request):
    raise Custom("conflict")


@app.get("/notfound-raised")
async def notfound_raised(request):
    raise NotFound("raised by handler")


@bp.get("/boom")
async def bp_boom(request):
    raise ValueError("bp error")


@bp.get("/key")
async def bp_key(request):
    raise KeyError("only bp handles")


@bp.exception(ValueError)
async def bp_value(request, exception):
    return text("blueprint handler: " + str(exception), status=400)


@app.get("/key")
async def app_key(request):
    raise KeyError("app level")


@bp_fmt.get("/raise")
async def bpfmt_raise(request):
    raise SanicException("blueprint error", status_code=400)


@app.on_request
async def short_circuit(request):
    if request.path == "/intercepted":
        return text("middleware answered", status=202)


@app.on_response
async def stamp(request, response):
    response.headers["X-Stamp"] = "1"


app.blueprint(bp)
app.blueprint(bp_fmt)
