"""Older tutorial imports and idioms still in the wild: InvalidUsage / ServerError
aliases, sanic.log's logger and error_logger used from handlers (their lines compared
in the server logs), Sanic.get_app() without a name, request['key'] dict-style access
as in sanic-session's old examples (pattern origin: GitHub gabolaev/Sanic-OAuth
examples/sanicsession_ex.py, r3ap3rpy/sanic-web-framework Part_7/ListenersInAction.py,
sanic-org/sanic examples/exception_monitoring.py)."""

from sanic import Sanic
from sanic.exceptions import InvalidUsage, ServerError
from sanic.log import error_logger, logger
from sanic.response import json, text

app = Sanic("TutLegacy")


@app.listener("after_server_start")
async def ast(app, loop):
    logger.info("This is the after server start listener!")


@app.get("/log")
async def log(request):
    logger.info("handling %s", request.path)
    logger.warning("careful: %s", request.args.get("x", "-"))
    error_logger.error("something odd on %s", request.path)
    return text("logged")


@app.get("/invalid")
async def invalid(request):
    raise InvalidUsage("old name for BadRequest")


@app.get("/server-error")
async def server_error(request):
    raise ServerError("old ServerError")


@app.get("/same-app")
async def same_app(request):
    return json({"same": Sanic.get_app() is request.app})


@app.get("/dict-style")
async def dict_style(request):
    request["session"] = {"foo": 1}
    return json(request["session"])
