"""An ErrorHandler that overrides `response()` and `log()` (pattern origin: insanic's
`ErrorHandler(SanicErrorHandler)` overriding `response(self, request, exception)` to look
the handler up itself and wrap every error in JSON with an error code; apps overriding
`log()` to keep 4xx out of the error log): `lookup()` of a registered handler from inside
`response()`, `super().response()` for some paths, a `log()` that only logs 5xx."""

from sanic import Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.handlers import ErrorHandler
from sanic.log import error_logger
from sanic.response import json, text


class JsonErrorHandler(ErrorHandler):
    def response(self, request, exception):
        if request.path.startswith("/plain"):
            return super().response(request, exception)
        route_name = request.name if request.route else None
        handler = self.lookup(exception, route_name)
        if handler is not None:
            return handler(request, exception)
        status = getattr(exception, "status_code", 500)
        return json(
            {
                "message": str(exception) or "Server Error",
                "error_code": {"name": type(exception).__name__, "value": status},
            },
            status=status,
        )

    def log(self, request, exception):
        if getattr(exception, "status_code", 500) >= 500:
            error_logger.error("5xx on %s: %r", request.path, exception)


app = Sanic("TutErrResp", error_handler=JsonErrorHandler())


@app.exception(NotFound)
def not_found(request, exception):
    return text(f"custom 404 for {request.path}", status=404)


@app.get("/conflict")
async def conflict(request):
    raise SanicException("exists", status_code=409)


@app.get("/crash")
async def crash(request):
    raise KeyError("k")


@app.get("/plain/crash")
async def plain_crash(request):
    raise KeyError("k")


@app.get("/nf")
async def nf(request):
    raise NotFound("gone")
