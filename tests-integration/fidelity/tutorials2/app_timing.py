"""Request timing and ids in middleware (pattern origin: HyperKiko/bettersanic's
request-middleware cog, the `X-Process-Time` / request-id middleware of tutorials,
`@app.on_request(priority=...)`): a start time on request.ctx, a response middleware
that adds headers to every response including errors, a middleware that replaces the
response, middleware order with priorities, `request.id` with REQUEST_ID_HEADER."""

import time

from sanic import Sanic
from sanic.response import json, text

app = Sanic("TutTiming")
app.config.REQUEST_ID_HEADER = "X-Request-ID"
order: list = []


@app.on_request(priority=1)
async def first(request):
    request.ctx.start = time.perf_counter()
    request.ctx.order = ["first"]


@app.on_request
async def second(request):
    request.ctx.order.append("second")


@app.on_request(priority=10)
async def zeroth(request):
    request.ctx.seen_id = str(request.id)


@app.on_response
async def add_timing(request, response):
    elapsed = time.perf_counter() - getattr(request.ctx, "start", time.perf_counter())
    response.headers["X-Process-Time"] = "fast" if elapsed < 5 else "slow"
    response.headers["X-Request-ID"] = str(request.id)


@app.on_response(priority=5)
async def wrap_json(request, response):
    if request.args.get("wrap") and response.content_type == "application/json":
        return text(f"wrapped:{response.body.decode()}", status=response.status)


@app.get("/")
async def index(request):
    return json({"order": request.ctx.order, "id_len": len(request.ctx.seen_id)})


@app.get("/id")
async def rid(request):
    return text(str(request.id))
