"""raw_headers / head / request.headers after a middleware changes the fields, through
app.test_client (HTTP server) and app.asgi_client (ASGI), under both interpreters."""
from sanic import Request, Sanic
from sanic.response import json


class MyRequest(Request):
    pass


for name, cls in (("plain", None), ("subclass", MyRequest)):
    app = Sanic(f"RawProbe{name}", **({"request_class": cls} if cls else {}))

    @app.on_request
    async def mutate(request):
        request.headers["x-added"] = "mw"
        request.headers.pop("x-gone", None)

    @app.get("/")
    async def handler(request):
        return json({"raw": request.raw_headers.decode("latin-1").lower().split("\r\n"),
                     "items": sorted(k for k in request.headers if k.startswith("x-"))})

    for client in ("test_client", "asgi_client"):
        c = getattr(app, client)
        if client == "asgi_client":
            import asyncio
            _, res = asyncio.run(c.get("/", headers={"X-Gone": "1", "X-Kept": "2"}))
        else:
            _, res = c.get("/", headers={"X-Gone": "1", "X-Kept": "2"})
        body = res.json
        raw = sorted(line for line in body["raw"] if line.startswith("x-"))
        print(name, client, res.status, raw, body["items"])
