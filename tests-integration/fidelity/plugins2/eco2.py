"""sanic-cors 2.2 (resources, regex origins, credentials, `cross_origin`, CORS on errors
and automatic OPTIONS) and prometheus-sanic 3.0 (request metrics, the /metrics page)
in one app."""
import re

from prometheus_sanic import monitor
from sanic_cors import CORS, cross_origin

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import json, text

app = Sanic("Eco2")
app.config.AUTO_EXTEND = False
app.config.CORS_AUTOMATIC_OPTIONS = True
app.config.CORS_SUPPORTS_CREDENTIALS = True
CORS(app, resources={r"/api/*": {"origins": [re.compile(r"https?://.*\.good\.example"), "http://x.example"],
                                 "expose_headers": ["X-Total"], "max_age": 30},
                     r"/pub/*": {"origins": "*", "send_wildcard": True}},
     allow_headers=["Content-Type", "X-Req"])


@app.route("/api/items/<i:int>", methods=["GET", "POST"])
async def items(request, i):
    return json({"i": i}, headers={"X-Total": "9"})


@app.get("/api/fail")
async def fail(request):
    raise SanicException("teapot", status_code=418)


@app.get("/api/missing")
async def missing(request):
    raise NotFound("no")


@app.get("/api/crash")
async def crash(request):
    return 1 / 0


@app.get("/pub/x")
async def pub(request):
    return text("pub")


@app.route("/own", methods=["GET", "OPTIONS"])
@cross_origin(app, origins="http://own.example", methods=["GET"], automatic_options=False)
async def own(request):
    return text("own " + request.method)


@app.get("/none")
async def none(request):
    return text("none")


bp = Blueprint("ebp", url_prefix="/api/bp")


@bp.get("/x")
async def bpx(request):
    return text("bpx")


app.blueprint(bp)
monitor(app, endpoint_type="url:2").expose_endpoint()


@app.get("/metrics-summary")
async def summary(request):
    """The prometheus-sanic counters by method, endpoint and status (no timings)."""
    from prometheus_client import REGISTRY
    out = []
    for fam in REGISTRY.collect():
        for s in fam.samples:
            if s.name.endswith("_count") and fam.name.startswith("sanic_request"):
                out.append([s.name, s.labels, s.value])
    return json(sorted(out, key=str))
