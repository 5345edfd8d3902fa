"""Custom error handlers: app.error_handler.add(SanicException, ...) returning json with
exception.status_code, @app.exception(NotFound) using request.url, a subclass of
ErrorHandler with default() (pattern origin: GitHub EntryDSM/Chanel chanel/common/base_handler.py,
caitinggui/stodo stodo_server.py, sanic-org/sanic examples/exception_monitoring.py)."""

from sanic import Sanic
from sanic.exceptions import BadRequest, NotFound, SanicException
from sanic.handlers import ErrorHandler
from sanic.response import json, text


class MonitoringHandler(ErrorHandler):
    def default(self, request, exception):
        if not isinstance(exception, SanicException):
            request.app.ctx.seen.append(type(exception).__name__)
            return text("An error occured", status=500)
        return super().default(request, exception)


app = Sanic("TutErrors", error_handler=MonitoringHandler())
app.ctx.seen = []


class PaymentRequired(SanicException):
    status_code = 402
    message = "pay first"
    quiet = True


async def base_handler(request, exception):
    return json(
        {"msg": exception.args[0] if exception.args else str(exception)},
        status=exception.status_code,
    )


app.error_handler.add(BadRequest, base_handler)


@app.exception(NotFound)
def notfound(request, exception):
    return json({"message": f"Requested URL {request.url} not found"}, 404)


@app.get("/div")
async def div(request):
    return json({"x": 1 / 0})


@app.get("/bad")
async def bad(request):
    raise BadRequest("missing field 'q'")


@app.get("/pay")
async def pay(request):
    raise PaymentRequired(extra={"plan": "pro"}, context={"cost": 5})


@app.get("/seen")
async def seen(request):
    return json(request.app.ctx.seen)


@app.get("/abort")
async def abort(request):
    raise SanicException("teapot", status_code=418, headers={"x-why": "tea"})
