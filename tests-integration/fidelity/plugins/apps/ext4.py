import warnings

from sanic_ext import Extend, Extension

from sanic import Sanic
from sanic.response import json, text


class Pre(Extension):
    name = "pre"
    def startup(self, bootstrap):
        self.app.ctx.pre = "pre-registered"

Extend.register(Pre)
app = Sanic("Ext4")
app.config.OAS_UI_SWAGGER = False
app.ext.openapi.describe("Described API", version="9.9", description="desc")
app.ext.openapi.add_security_scheme("api_key", "apiKey", location="header", name="X-API-KEY")

class Old:
    pass
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    app.ext.injection(Old)
    WARN = [str(x.message) for x in w]

@app.get("/old")
async def old(request, o: Old):
    return json({"type": type(o).__name__, "warn": WARN, "pre": app.ctx.pre})

@app.route("/any", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
async def anyr(request):
    return text(request.method)
