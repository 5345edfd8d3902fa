"""An app run the way tutorials end: `app.run(debug=True, access_log=True)` (pattern
origin: yuanjie-ai/tql-Python upload.py `app.run(..., debug=True, auto_reload=True)`,
sanic-scheduler's example `app.run(..., debug=True)`): the runner's call is wrapped to add
debug and the access log, so errors carry debug details and each request is logged.
Handlers: a JSON API error, a plain exception under each error format, a 404, a
SanicException with context/extra (shown in debug only)."""

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.response import json


class DebugSanic(Sanic):
    """Assigning `app.run = ...` is refused alike (Sanic instances take no new attributes),
    so a subclass adds the tutorial's arguments to the runner's call."""

    def run(self, *args, **kwargs):
        kwargs["debug"] = True
        kwargs["access_log"] = True
        return super().run(*args, **kwargs)


app = DebugSanic("TutDebug")


class PaymentError(SanicException):
    status_code = 402
    message = "payment required"


@app.get("/ok")
async def ok(request):
    return json({"debug": request.app.debug, "state_mode": str(request.app.state.mode)})


@app.get("/boom")
async def boom(request):
    data = {"a": 1}
    return json({"v": data["missing"]})


@app.get("/pay")
async def pay(request):
    raise PaymentError(context={"order": 7}, extra={"internal": "card declined"})


@app.get("/nested")
async def nested(request):
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("wrapper failure") from e
