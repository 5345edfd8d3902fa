"""sanic-ext switched by its own config: OpenAPI off, automatic HEAD/OPTIONS off, CORS
off but the `@cors` decorator used, injection on another signal and priority, sync
templates, a custom `Config` object, and `openapi.raw`/`describe` with autodoc off."""
from dataclasses import dataclass

from sanic_ext import Config, Extend, cors, render

from sanic import Request, Sanic
from sanic.response import json, text

app = Sanic("ExtCfg")


@dataclass
class Who:
    path: str
    matched: bool

    @classmethod
    def make(cls, request: Request):
        return cls(request.path, request.route is not None)


Extend(app, config=Config(
    oas=False, http_auto_head=False, http_auto_options=False, cors=False,
    injection_signal="http.handler.before", injection_priority=5,
    templating_enable_async=False, health=False,
))
app.ext.add_dependency(Who, Who.make)


@app.get("/who")
async def who(request, w: Who):
    return json({"path": w.path, "matched": w.matched})


@app.get("/c")
@cors(origin="http://c.example", allow_methods=["GET"])
async def c(request):
    return text("c")


@app.get("/t")
async def t(request):
    return await render(template_source="{{ a }}-{{ request.path if request else 'none' }}", context={"a": 1})


@app.post("/p")
async def p(request):
    return text("p")
