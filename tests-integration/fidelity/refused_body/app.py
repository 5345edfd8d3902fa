"""The app of requests.http: requests refused before their body is read (413, 417, and
handlers that answer without reading), and whether the connection goes on after."""

from sanic import Sanic
from sanic.exceptions import PayloadTooLarge
from sanic.response import text

app = Sanic("RefusedBody")
app.config.REQUEST_MAX_SIZE = 100


@app.route("/", methods=["GET", "POST"])
async def index(request):
    return text(f"ok {request.method} {len(request.body)}")


@app.post("/stream", stream=True)
async def unread(request):
    return text("answered without reading")


@app.post("/too-large", stream=True)
async def too_large(request):
    raise PayloadTooLarge("handler says too large")
