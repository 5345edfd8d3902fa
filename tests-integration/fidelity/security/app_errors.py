"""Error pages reflecting the query, path and headers (errors.http), in a fallback format
(SEC_FMT=html|json|text|auto) and debug mode or not (SEC_DEBUG=0|1)."""

import os

from sanic import Sanic, response
from sanic.exceptions import BadRequest, NotFound, SanicException

DEBUG = os.environ.get("SEC_DEBUG", "0") == "1"


class App(Sanic):
    def run(self, *a, **kw):
        kw["debug"] = DEBUG
        return super().run(*a, **kw)


app = App("err")
app.config.FALLBACK_ERROR_FORMAT = os.environ.get("SEC_FMT", "auto")


@app.get("/boom")
async def boom(request):
    raise ValueError(request.args.get("m", "x"))


@app.get("/bad")
async def bad(request):
    raise BadRequest(request.args.get("m", "x"))


@app.get("/ctx")
async def ctx(request):
    m = request.args.get("m", "x")
    raise SanicException(m, status_code=400, context={"k<": m}, extra={"e<": m})


@app.get("/nf")
async def nf(request):
    raise NotFound(request.args.get("m", "x"))


@app.post("/only-post")
async def only_post(request):
    return response.text("x")
