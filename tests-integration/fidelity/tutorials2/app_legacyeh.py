"""ErrorHandler subclasses written for older Sanic (pattern origin: sanic-org/sanic#2326,
an app whose handler overrode `lookup(self, exception)` with one parameter and got
"You are using a deprecated error handler" after upgrading; insanic-era handlers calling
`self.handlers`; a `default()` that returns None for some errors): what 25.12 does with a
one-parameter `lookup`, a `default` returning None, an `add()` of a non-exception."""

from sanic import Sanic
from sanic.exceptions import NotFound
from sanic.handlers import ErrorHandler
from sanic.response import text


class OldLookup(ErrorHandler):
    def lookup(self, exception):  # the pre-21.9 signature
        return super().lookup(exception, None)

    def default(self, request, exception):
        if request.path == "/none":
            return None
        return super().default(request, exception)


app = Sanic("TutLegacyEh", error_handler=OldLookup())


@app.exception(NotFound)
async def nf(request, exception):
    return text("custom not found", status=404)


@app.get("/boom")
async def boom(request):
    raise ValueError("boom")


@app.get("/none")
async def none(request):
    raise ValueError("default returns None")
