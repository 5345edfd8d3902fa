"""App for sanic-diff: a request middleware sets request.headers to None (or a dict, a
str) by a query flag; the handler reports each header-derived property or its error."""

from sanic import Sanic
from sanic.response import text

app = Sanic("headersnoneserved")
PROPS = ("raw_headers", "content_type", "host", "cookies", "token", "accept", "url",
         "server_name", "scheme", "remote_addr", "form", "credentials", "server_port", "headers")


@app.on_request
async def replace(request):
    value = request.args.get("to")
    if value:
        request.headers = {"none": None, "dict": {"host": "y"}, "str": "x"}[value]


@app.get("/")
async def handler(request):
    out = []
    for name in PROPS:
        try:
            out.append(f"{name}={getattr(request, name)!r}"[:90])
        except Exception as error:
            out.append(f"{name}: {type(error).__name__}: {error}"[:120])
    return text("\n".join(out))
