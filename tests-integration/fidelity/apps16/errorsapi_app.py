"""A JSON API with its own error format (written for this round): ``SanicException``
subclasses with ``status_code``, ``message``, ``quiet``, ``headers`` and ``extra``/``context``,
one ``@app.exception`` for the app's errors answering an envelope
``{"error": {"code", "message", "details"}}``, a blueprint-level handler for validation
errors, ``FALLBACK_ERROR_FORMAT = "json"`` for Sanic's own errors, ``request.json``
validated by hand against a small schema, a ``ErrorHandler`` subclass whose ``default``
logs and adds a header, and handlers for ``NotFound`` and ``MethodNotAllowed`` keeping
Sanic's status."""

import logging

from sanic import Blueprint, Sanic
from sanic.exceptions import BadRequest, MethodNotAllowed, NotFound, SanicException
from sanic.handlers import ErrorHandler
from sanic.response import json

log = logging.getLogger("sanic.error")


class ApiError(SanicException):
    status_code = 400
    code = "api_error"
    message = "Something went wrong"


class ValidationFailed(ApiError):
    status_code = 422
    code = "validation_failed"
    message = "The request body is not valid"
    quiet = True


class Conflict(ApiError):
    status_code = 409
    code = "conflict"


class RateLimited(ApiError):
    status_code = 429
    code = "rate_limited"
    message = "Slow down"
    headers = {"Retry-After": "30"}


class Teapot(SanicException):
    status_code = 418


class Handler(ErrorHandler):
    def default(self, request, exception):
        response = super().default(request, exception)
        response.headers["X-Error-Class"] = type(exception).__name__
        return response


app = Sanic("errapi", error_handler=Handler())
app.config.FALLBACK_ERROR_FORMAT = "json"
notes = Blueprint("notes", url_prefix="/notes")
NOTES = {}
SCHEMA = {"title": str, "body": str, "tags": list, "priority": int}
REQUIRED = {"title", "body"}


def validate(data):
    if not isinstance(data, dict):
        raise ValidationFailed(extra={"details": [{"field": None, "problem": "expected an object"}]})
    problems = []
    for field in sorted(REQUIRED - data.keys()):
        problems.append({"field": field, "problem": "required"})
    for field, value in sorted(data.items()):
        kind = SCHEMA.get(field)
        if kind is None:
            problems.append({"field": field, "problem": "unknown field"})
        elif not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            problems.append({"field": field, "problem": f"expected {kind.__name__}"})
    if problems:
        raise ValidationFailed(extra={"details": problems}, context={"count": len(problems)})
    return data


@app.exception(ApiError)
async def api_error(request, exc):
    details = (exc.extra or {}).get("details")
    return json({"error": {"code": exc.code, "message": str(exc) or exc.message,
                           "details": details}},
                status=exc.status_code, headers=getattr(exc, "headers", None) or {})


@notes.exception(ValidationFailed)
async def notes_validation(request, exc):
    return json({"error": {"code": exc.code, "where": request.route.name,
                           "details": exc.extra["details"], "count": exc.context["count"]}},
                status=422)


@app.exception(NotFound, MethodNotAllowed)
async def routing_errors(request, exc):
    body = {"error": {"code": type(exc).__name__, "message": str(exc), "path": request.path}}
    return json(body, status=exc.status_code, headers=getattr(exc, "headers", {}))


@notes.post("/")
async def create(request):
    data = validate(request.json)
    if data["title"] in NOTES:
        raise Conflict(f"a note named {data['title']!r} exists")
    NOTES[data["title"]] = data
    return json(data, status=201)


@notes.get("/<title>")
async def read(request, title):
    if title not in NOTES:
        raise NotFound(f"no note {title!r}")
    return json(NOTES[title])


@app.post("/bulk")
async def bulk(request):
    items = request.json
    if not isinstance(items, list):
        raise BadRequest("expected a list", extra={"got": type(items).__name__})
    return json([validate(i)["title"] for i in items])


@app.get("/limited")
async def limited(request):
    raise RateLimited()


@app.get("/teapot")
async def teapot(request):
    raise Teapot("I'm a teapot", context={"temp": 90})


@app.get("/crash")
async def crash(request):
    return {"not": "a response"}


@app.get("/zero")
async def zero(request):
    return json(1 / 0)


@app.get("/exc-with-headers")
async def exc_with_headers(request):
    raise SanicException("custom", status_code=451, headers={"Link": "<https://example.com>; rel=blocked-by"})


@app.get("/quiet")
async def quiet(request):
    raise SanicException("shh", status_code=503, quiet=True)


@app.get("/loud")
async def loud(request):
    raise SanicException("loud one", status_code=400, quiet=False)


app.blueprint(notes)
