"""sanic-diff app: echoes the path and the body of any request."""

from sanic import Sanic
from sanic.response import raw

app = Sanic("chunkfuzz")


@app.route("/<path:path>", methods=["GET", "POST"])
async def echo(request, path):  # type: ignore[no-untyped-def]
    return raw(request.path.encode() + b"|" + request.body)
