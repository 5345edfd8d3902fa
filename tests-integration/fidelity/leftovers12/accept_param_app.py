from sanic import Sanic
from sanic.exceptions import NotFound
from sanic.response import text

app = Sanic("A")


@app.get("/")
async def i(request):
    return text(repr([(str(m), m.params, m.q) for m in request.accept]))


@app.get("/m")
async def m(request):
    return text(repr(request.accept.match("a/b", "text/html")))


@app.get("/err")
async def e(request):
    raise NotFound("nope")
