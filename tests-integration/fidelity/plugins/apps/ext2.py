from dataclasses import dataclass

from pydantic import BaseModel
from sanic_ext import Extend, Extension, cors, openapi, validate

from sanic import Blueprint, Sanic
from sanic.response import ResponseStream, json, text

app = Sanic("Ext2")
app.config.FALLBACK_ERROR_FORMAT = "json"
app.config.CORS_ORIGINS = "*"
app.config.CORS_SEND_WILDCARD = True
app.config.CORS_ALWAYS_SEND = False
app.config.OAS_UI_DEFAULT = "swagger"
app.config.OAS_URL_PREFIX = "/apidocs"
app.config.OAS_AUTODOC = False

class Custom(Extension):
    name = "custom"
    def startup(self, bootstrap):
        @self.app.on_request
        async def mark(request):
            request.ctx.custom = "yes"
        self.app.ctx.custom_started = True
    def label(self):
        return "[my label]"

Extend(app, extensions=[Custom])

class Item(BaseModel):
    name: str
    price: float
    note: str | None = None

@openapi.component
class Thing:
    id: int
    label: str

@app.post("/items")
@openapi.definition(body={"application/json": Item}, validate=True, summary="make item")
async def items(request, body: Item):
    return json(body.model_dump())

@app.get("/thing")
@openapi.response(200, {"application/json": Thing})
async def thing(request):
    """Should not be documented: autodoc is off"""
    return json({"custom": request.ctx.custom, "started": app.ctx.custom_started})

@app.get("/stream")
async def stream(request):
    async def gen(response):
        await response.write("a")
        await response.write("b")
    return ResponseStream(gen, content_type="text/plain")

@app.get("/raises")
async def raises(request):
    raise ValueError("oops")

@dataclass
class Pet:
    name: str

bp = Blueprint("bp2", url_prefix="/bp2")
@bp.post("/pet")
@validate(json=Pet)
async def bppet(request, body: Pet):
    return text(body.name)
@bp.get("/c")
@cors(origin="http://only.example")
async def bpc(request):
    return text("c")
app.blueprint(bp)
