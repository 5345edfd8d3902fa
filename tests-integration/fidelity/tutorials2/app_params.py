"""Path parameter types and handler signatures as projects write them (pattern origin:
the agentrulegen Sanic rules page's `<user_id:int>` with a typed handler argument,
Saebasol-style `<index:int>` APIs, image services with `<name:ext=jpg|png>`, slugs for
blog posts, `<price:float>`, a handler whose argument name does not match the route's,
`**kwargs` handlers, a JSON body sent as text/plain)."""

from sanic import Sanic
from sanic.response import json

app = Sanic("TutParams")


@app.get("/users/<user_id:int>")
async def user(request, user_id: int):
    return json({"id": user_id, "type": type(user_id).__name__})


@app.get("/posts/<slug:slug>")
async def post(request, slug):
    return json({"slug": slug})


@app.get("/img/<name:ext=jpg|png>")
async def image(request, name, ext):
    return json({"name": name, "ext": ext})


@app.get("/price/<price:float>")
async def price(request, price):
    return json({"price": price})


@app.get("/wrong/<item_id:int>")
async def wrong(request, id):
    return json({"id": id})


@app.get("/kw/<a>/<b:int>")
async def kw(request, **kwargs):
    return json(kwargs)


@app.post("/textjson")
async def textjson(request):
    return json({"json": request.json, "ctype": request.content_type})
