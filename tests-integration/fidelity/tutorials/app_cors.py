"""Hand-written CORS: response middleware adding Access-Control-* fields and an
OPTIONS preflight route (pattern origin: https://sanic.dev/en/plugins/sanic-ext/http/cors.html
and https://checklist.day/registry/sanic-cors ; done without the extension)."""

from sanic import Sanic
from sanic.response import empty, json, text

app = Sanic("TutCors")
ALLOWED = {"http://foobar.com", "http://bar.com"}


@app.on_request
async def preflight(request):
    if request.method == "OPTIONS" and "access-control-request-method" in request.headers:
        return empty(status=204, headers={"access-control-max-age": "600"})


@app.on_response
async def add_cors(request, response):
    origin = request.headers.get("origin")
    if origin in ALLOWED:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Vary"] = "Origin"
        response.headers.add("Access-Control-Expose-Headers", "X-Total")
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET,POST,OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = request.headers.get(
                "access-control-request-headers", "*"
            )


@app.route("/data", methods=["GET", "POST"])
async def data(request):
    if request.method == "GET":
        return json({"data": [1, 2]}, headers={"X-Total": "2"})
    return json({"got": request.json}, status=201)


@app.get("/plain")
async def plain(request):
    return text("plain")
