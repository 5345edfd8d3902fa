"""A request middleware refusing requests with bodies (read or not), then the next
request on the same connection (sanic-diff app). Run: python3 diffrun.py deny_app.py deny.http
"""
from sanic import Sanic
from sanic.response import text

app = Sanic("MwDeny")


@app.on_request
async def gate(request):
    if request.headers.get("x-deny"):
        return text(f"denied {request.path} body={request.body!r}", status=401)
    if request.headers.get("x-raise"):
        raise PermissionError("no")


@app.on_response
async def mark(request, response):
    response.headers["x-seen-body"] = repr(request.body)


@app.post("/up")
async def up(request):
    return text(f"up {request.body!r}")


@app.post("/stream", stream=True)
async def stream(request):
    body = b""
    while (chunk := await request.stream.read()) is not None:
        body += chunk
    return text(f"stream {body!r}")


@app.get("/")
async def index(request):
    return text("index")
