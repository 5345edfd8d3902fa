"""Middleware order and what a middleware sees, app vs blueprint vs group (sanic-diff app).

Every middleware appends a line to EV; GET /_ev returns the lines and clears them
(middleware ignore /_ev). Run: sanic-diff order_app.py order.http
"""

from sanic import Blueprint, Request, Sanic
from sanic.response import json, text

app = Sanic("MwOrder")
EV: list = []


def seen(tag, request):
    if request.path.startswith("/_ev"):
        return
    route = request.route
    EV.append(
        " ".join(
            str(x)
            for x in (
                tag,
                route.name if route else None,
                request.name,
                request.endpoint,
                request.uri_template,
                Request.get_current() is request,
                request.app is app,
            )
        )
    )


def rq(tag):
    async def f(request):
        seen(tag, request)

    f.__name__ = "rq_" + tag.replace("-", "_")
    return f


def rs(tag):
    async def f(request, response):
        seen(tag, request)

    f.__name__ = "rs_" + tag.replace("-", "_")
    return f


@app.middleware
async def bare(request):
    seen("bare", request)


@app.middleware("response")
async def resp_str(request, response):
    seen("resp_str", request)


@app.middleware("request")
def sync_req(request):
    seen("sync_req", request)


@app.middleware("response")
def sync_resp(request, response):
    seen("sync_resp", request)


@app.on_request
async def onreq(request):
    seen("onreq", request)


@app.on_request()
async def onreq_paren(request):
    seen("onreq_paren", request)


@app.on_request(priority=3)
async def onreq_p3(request):
    seen("onreq_p3", request)


@app.on_request(priority=-2)
async def onreq_pm2(request):
    seen("onreq_pm2", request)


@app.on_request(priority=3)
async def onreq_p3b(request):
    seen("onreq_p3b", request)


@app.on_response
async def onresp(request, response):
    seen("onresp", request)


@app.on_response(priority=4)
async def onresp_p4(request, response):
    seen("onresp_p4", request)


@app.on_response(priority=-1)
async def onresp_pm1(request, response):
    seen("onresp_pm1", request)


app.register_middleware(rq("reg_str"), attach_to="request")
# a MiddlewareLocation as attach_to: Sanic raises AttributeError (kept, listed before)
app.register_middleware(rs("reg_resp_p5"), "response", priority=5)
app.register_middleware(rq("reg_default"))
app.middleware(rq("call_form"), attach_to="request", priority=1)
app.middleware(rs("call_form_resp"), "response", priority=1)

bp1 = Blueprint("bp1", url_prefix="/bp1")
bp1.middleware(rq("bp1_req_p10"), "request", priority=10)
bp1.on_request(rq("bp1_req"))
bp1.on_response(rs("bp1_resp"))
bp1.on_response(rs("bp1_resp_p10"), priority=10)

bp2 = Blueprint("bp2", url_prefix="/bp2", version=2)
bp2.on_request(rq("bp2_req"))
bp2.on_response(rs("bp2_resp"))

bp3 = Blueprint("bp3", url_prefix="/bp3")
bp4 = Blueprint("bp4", url_prefix="/bp4")
bp3.on_request(rq("bp3_req"))
grp = Blueprint.group(bp3, bp4, url_prefix="/g")
grp.middleware(rq("grp_req"), "request")
grp.middleware(rs("grp_resp"), "response")
grp.middleware(rq("grp_req_p2"), "request", priority=2)


@bp1.get("/x")
async def bp1x(request):
    seen("handler", request)
    return text("bp1x")


@bp1.get("/p/<n:int>")
async def bp1p(request, n):
    seen("handler", request)
    return text("bp1p")


@bp2.get("/x")
async def bp2x(request):
    seen("handler", request)
    return text("bp2x")


@bp3.get("/x")
async def bp3x(request):
    seen("handler", request)
    return text("bp3x")


@bp4.get("/x")
async def bp4x(request):
    seen("handler", request)
    return text("bp4x")


app.blueprint(bp1)
app.blueprint(bp2)
app.blueprint(grp)


@app.get("/")
async def index(request):
    seen("handler", request)
    return text("index")


@app.get("/p/<a>/<b:int>")
async def params(request, a, b):
    seen("handler", request)
    return text("params")


@app.get("/_ev")
async def ev(request):
    out = list(EV)
    EV.clear()
    return json(out)
