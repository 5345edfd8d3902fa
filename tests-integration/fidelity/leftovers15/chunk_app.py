from sanic import Sanic
from sanic.response import text

app = Sanic("chunkp")
@app.post("/echo")
async def echo(request):
    return text(repr(request.body))
@app.put("/put")
async def put(request):
    return text("put " + repr(request.body) + " " + repr(request.headers.get("content-range")))
