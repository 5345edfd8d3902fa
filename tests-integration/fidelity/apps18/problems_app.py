"""RFC 9457 problem details from a custom error handler (written for this round): an
``ErrorHandler`` subclass given as ``Sanic(error_handler=...)`` whose ``default()`` answers
``application/problem+json`` (type, title, status, detail, instance) for every error,
``SanicException`` ``extra=`` fields merged in, its ``headers=`` kept, a 500's detail hidden;
its ``log()`` override counting calls instead of logging; a handler registered by
``error_handler.add`` that still wins for its type; ``quiet=True`` exceptions;
``request.id`` as the ``instance``; ``error_handler.lookup`` from a route."""

from sanic import Sanic
from sanic.exceptions import BadRequest, NotFound, SanicException, Unauthorized
from sanic.handlers import ErrorHandler
from sanic.response import json, text

LOGGED = []


class ProblemHandler(ErrorHandler):
    def default(self, request, exception):
        status = getattr(exception, "status_code", 500)
        body = {
            "type": f"https://errors.example/{type(exception).__name__}",
            "title": type(exception).__name__,
            "status": status,
            "detail": str(exception) if status < 500 else "internal error",
        }
        if request is not None and request.route is not None:
            body["instance"] = request.path
        extra = getattr(exception, "extra", None)
        if extra:
            body.update(extra)
        headers = dict(getattr(exception, "headers", None) or {})
        return json(body, status=status, headers=headers,
                    content_type="application/problem+json")

    def log(self, request, exception):
        LOGGED.append(type(exception).__name__)


app = Sanic("problems", error_handler=ProblemHandler())


class OutOfStock(SanicException):
    status_code = 409
    quiet = True


@app.get("/items/<n:int>")
async def item(request, n):
    if n > 10:
        raise NotFound(f"item {n} does not exist")
    if n == 0:
        raise OutOfStock("sold out", extra={"restock": "2025-01-01"})
    return json({"n": n})


@app.get("/secret")
async def secret(request):
    raise Unauthorized("token expired", scheme="Bearer", realm="api", error="invalid_token")


@app.get("/crash")
async def crash(request):
    {}["missing"]


@app.get("/custom")
async def custom(request):
    raise SanicException("limited", status_code=429, headers={"Retry-After": "9"})


def value_error(request, exc):
    return text(f"value error handled: {exc}", status=422)


app.error_handler.add(ValueError, value_error)


@app.get("/value")
async def value(request):
    raise ValueError("bad number")


@app.get("/lookup")
async def lookup(request):
    found = request.app.error_handler.lookup(ValueError("x"), None)
    other = request.app.error_handler.lookup(KeyError("x"), None)
    return json({"value": getattr(found, "__name__", None), "key": getattr(other, "__name__", None),
                 "logged": LOGGED})


@app.post("/json")
async def needs_json(request):
    if request.json is None:
        raise BadRequest("JSON body required", extra={"field": "body"})
    return json(request.json)
