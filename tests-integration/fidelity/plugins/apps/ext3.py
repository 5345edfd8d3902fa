from pathlib import Path

from pydantic import BaseModel
from sanic_ext import openapi, render, validate

from sanic import Blueprint, Request, Sanic
from sanic.response import ResponseStream, json, text


class MyRequest(Request):
    @property
    def marker(self):
        return "custom-request"

app = Sanic("Ext3", request_class=MyRequest)
app.extend(config={"cors_origins": "http://c.example", "http_all_methods": False,
                   "templating_path_to_templates": Path(__file__).parent / "templates"})
app.ext.environment.filters["shout"] = lambda s: s.upper() + "!"

class Q(BaseModel):
    q: str
    n: int = 1

class Dep:
    def __init__(self, req):
        self.path = req.path

app.ext.add_dependency(Dep, lambda req: Dep(req), request_arg="req")

@app.get("/pq")
@validate(query=Q)
async def pq(request, query: Q):
    return json(query.model_dump())

@app.get("/req")
async def req(request: MyRequest, other: MyRequest):
    return text(f"{request.marker} {other is request}")

@app.get("/dep")
async def dep(request, d: Dep):
    return text(d.path)

@app.websocket("/ws")
async def ws(request, ws):
    await ws.send("hi")

@app.get("/stream")
async def stream(request):
    async def gen(r):
        await r.write("x")
    return ResponseStream(gen)

@app.get("/filt")
async def filt(request):
    return await render(template_source="{{ 'hey' | shout }}")

bp = Blueprint("vbp", url_prefix="/v", version=1)
@bp.get("/a")
async def a(request):
    return text("a")
@bp.patch("/b")
async def b(request):
    return text("b")
app.blueprint(bp)
bp2 = Blueprint("hidebp", url_prefix="/hidden")
@bp2.get("/")
async def hid(request):
    return text("h")
app.blueprint(bp2)
openapi.exclude(bp=bp2)
