"""Framing and request-line edge cases: every route echoes what the server understood."""

from sanic import Sanic
from sanic.response import json, text

app = Sanic("FidelityMalformed")


def describe(request, **extra):
    return json(
        {
            "method": request.method,
            "path": request.path,
            "raw_url": request.raw_url.decode("latin-1"),
            "query_string": request.query_string,
            "args": request.args,
            "body": request.body.decode("latin-1"),
            "version": request.version,
            "host": request.host,
            "keep_alive": request.keep_alive if hasattr(request, "keep_alive") else None,
            **extra,
        }
    )


@app.route("/", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
async def root(request):
    return describe(request)


@app.route("/echo", methods=["GET", "POST", "PUT"])
async def echo(request):
    return describe(request)


@app.get("/slash/")
async def slash(request):
    return text("with slash")


@app.get("/noslash")
async def noslash(request):
    return text("without slash")


@app.get("/strict/", strict_slashes=True)
async def strict(request):
    return text("strict with slash")


@app.get("/strict-no", strict_slashes=True)
async def strict_no(request):
    return text("strict without slash")


@app.get("/p/<name>")
async def param(request, name: str):
    return json({"name": name, "path": request.path})


@app.get("/path/<rest:path>")
async def path_param(request, rest: str):
    return json({"rest": rest, "path": request.path})


@app.get("/uq/<name>", unquote=True)
async def unquoted(request, name: str):
    return json({"name": name, "path": request.path})


@app.get("/héllo")
async def unicode_route(request):
    return text("unicode route")


@app.get("/space here")
async def space_route(request):
    return text("space route")


@app.route("/options-too", methods=["GET", "OPTIONS"])
async def options_too(request):
    return text("explicit " + request.method)


@app.route("/head-too", methods=["GET", "HEAD"])
async def head_too(request):
    return text("explicit head " + request.method)


@app.post("/stream", stream=True)
async def streamed(request):
    parts = []
    while True:
        chunk = await request.stream.read()
        if chunk is None:
            break
        parts.append(chunk.decode("latin-1"))
    return json({"parts": len(parts) > 0, "body": "".join(parts)})
