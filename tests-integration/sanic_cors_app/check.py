"""A Sanic-CORS app driven through app.test_client; prints one line per request: method,
path, status and the CORS fields of the answer."""

from sanic_cors import CORS, cross_origin

from sanic import Sanic
from sanic.exceptions import NotFound
from sanic.response import text

app = Sanic("corsapp")
CORS(app, resources={r"/api/*": {"origins": ["http://allowed.example"]}}, expose_headers=["X-Total"])


@app.get("/api/items")
async def items(request):
    return text("items", headers={"X-Total": "3"})


@app.get("/api/missing")
async def missing(request):
    raise NotFound("no such item")


@app.get("/open")
@cross_origin(app, origins="*", send_wildcard=True)
async def open_route(request):
    return text("open")


@app.get("/private")
async def private(request):
    return text("private")


FIELDS = (
    "access-control-allow-origin",
    "access-control-expose-headers",
    "access-control-allow-methods",
    "access-control-allow-headers",
    "vary",
)


def show(method, path, origin, **headers):
    headers = {"Origin": origin, **headers}
    _, response = getattr(app.test_client, method)(path, headers=headers)
    cors = {name: response.headers.get(name) for name in FIELDS if name in response.headers}
    print(method.upper(), path, origin, response.status, sorted(cors.items()))


show("get", "/api/items", "http://allowed.example")
show("get", "/api/items", "http://other.example")
show("get", "/api/missing", "http://allowed.example")
show(
    "options",
    "/api/items",
    "http://allowed.example",
    **{"Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "X-Token"},
)
show("get", "/open", "http://anyone.example")
show("get", "/private", "http://allowed.example")
