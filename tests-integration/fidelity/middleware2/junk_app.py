"""A response middleware returning a non-response on error pages, with an exception
handler for Exception (sanic-diff app). Run: python3 diffrun.py junk_app.py -r "GET /nothing"."""

from sanic import Sanic
from sanic.response import text

app = Sanic("MwJunk")


@app.on_response
async def junk(request, response):
    if request.args.get("falsy"):
        response.headers["x-seen"] = str(response.status)
        return ""
    return ["not", "a", "response"]


@app.exception(Exception)
async def everything(request, exc):
    return text(f"{type(exc).__name__}: {exc}", status=503)


@app.get("/ok")
async def ok(request):
    return text("ok")
