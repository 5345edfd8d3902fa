from sanic_ext import cors

from sanic import Blueprint, Sanic
from sanic.exceptions import SanicException
from sanic.response import json, text
from sanic.views import HTTPMethodView

app = Sanic("HttpCors")
app.config.CORS_ORIGINS = "http://a.example,http://b.example"
app.config.CORS_EXPOSE_HEADERS = "x-foo"
app.config.CORS_MAX_AGE = 60
app.config.CORS_ALLOW_HEADERS = "content-type,x-custom"
app.config.HTTP_AUTO_TRACE = True
app.config.CORS_SUPPORTS_CREDENTIALS = True

@app.get("/")
async def index(request):
    return text("index", headers={"x-foo": "1"})

@app.route("/multi", methods=["GET", "POST", "PUT"])
async def multi(request):
    return text(request.method)

@app.get("/err")
async def err(request):
    raise SanicException("bad thing", status_code=418)

@app.get("/crash")
async def crash(request):
    return 1 // 0

@app.get("/special")
@cors(origin="http://special.example", allow_headers="x-special", max_age=5)
async def special(request):
    return json({"ok": 1})

class V(HTTPMethodView):
    async def get(self, request):
        return text("v get")
    async def patch(self, request):
        return text("v patch")
app.add_route(V.as_view(), "/view")

bp = Blueprint("bp", url_prefix="/bp")
@bp.get("/x")
async def bpx(request):
    return text("bp x")
@bp.post("/y/<id:int>")
async def bpy(request, id):
    return text(f"bp y {id}")
app.blueprint(bp)

@app.options("/own-options")
async def own_options(request):
    return text("my options")
@app.get("/own-options")
async def own_options_get(request):
    return text("get")
