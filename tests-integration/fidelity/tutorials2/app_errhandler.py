"""Custom ErrorHandler (pattern origin: AlekNS/tinyenvsvc stats/errors.py, a
`CustomErrorHandler.default` writing a log line with request.id, EntryDSM/Chanel
base_handler.py, wei-hai/mono error_handler.py): default() answering JSON for
SanicException with the exception's headers, handlers using exception.args[0] and
exception.status_code (an AttributeError for a plain exception), `app.error_handler.add`."""

from sanic import Sanic
from sanic.exceptions import BadRequest, NotFound, SanicException, Unauthorized
from sanic.handlers import ErrorHandler
from sanic.log import logger
from sanic.response import json, text


class CustomErrorHandler(ErrorHandler):
    def default(self, request, exception):
        if isinstance(exception, SanicException):
            status = getattr(exception, "status_code", 500)
            return json(
                {"statusCode": status, "message": f"{exception}", "path": request.path},
                status=status,
                headers=getattr(exception, "headers", dict()),
            )
        logger.error("unhandled: %r", exception)
        return super().default(request, exception)


app = Sanic("TutErrHandler", error_handler=CustomErrorHandler())


async def base_handler(request, exception):
    return json({"msg": exception.args[0]}, status=exception.status_code)


class Teapot(SanicException):
    status_code = 418
    message = "short and stout"


def wei_hai_handler(request, exception):
    logger.error(exception)
    response = json({"message": exception.args[0]})
    response.status = exception.status_code
    return response


app.error_handler.add(BadRequest, base_handler)
app.error_handler.add(KeyError, wei_hai_handler)


@app.get("/bad")
async def bad(request):
    raise BadRequest("missing field 'name'")


@app.get("/bad-noargs")
async def bad_noargs(request):
    raise BadRequest()


@app.get("/auth")
async def auth(request):
    raise Unauthorized("who are you", scheme="Bearer", realm="r")


@app.get("/teapot")
async def teapot(request):
    raise Teapot()


@app.get("/zero")
async def zero(request):
    return text(str(1 / 0))


@app.get("/key")
async def key(request):
    return text({}["nope"])


@app.get("/nf")
async def nf(request):
    raise NotFound(f"no item {request.args.get('id')}")
