"""Middleware: order, priority, blueprint/group middleware, short-circuits, errors."""

from _probe import new_app, req, show

from sanic import Blueprint, response

LOG = []
app = new_app("mwapp")


def mw(tag, kind="request", ret=None):
    async def request_mw(request):
        LOG.append(f"{tag}")
        if ret == "resp":
            return response.text(f"short {tag}")

    async def response_mw(request, resp):
        LOG.append(f"{tag}")
        if ret == "resp":
            return response.text(f"replaced by {tag}")
        resp.headers[f"x-{tag}"] = "1"

    f = request_mw if kind == "request" else response_mw
    f.__name__ = f"mw_{tag}"
    return f


app.middleware(mw("req1"))
app.middleware("request")(mw("req2"))
app.middleware(mw("resp1", "response"), "response")
app.on_request(mw("onreq"))
app.on_response(mw("onresp", "response"))
app.register_middleware(mw("regreq"), "request")
app.register_middleware(mw("regresp", "response"), "response")
app.middleware(mw("prio5", "request"), "request", priority=5)
app.middleware(mw("prio5r", "response"), "response", priority=5)
app.on_request(mw("prio-1"), priority=-1)


@app.middleware("request")
def sync_mw(request):
    LOG.append("sync_req")


bp = Blueprint("mwbp", url_prefix="/bp")
bp.middleware(mw("bpreq"))
bp.middleware(mw("bpresp", "response"), "response")
bp.on_request(mw("bpprio3"), priority=3)

bp2 = Blueprint("mwbp2", url_prefix="/bp2")


@bp2.on_request
async def bp2_short(request):
    LOG.append("bp2_short")
    if request.args.get("short"):
        return response.text("bp2 short")


@bp2.get("/h")
async def bp2_h(request):
    LOG.append("handler")
    return response.text("bp2 handler")


grp = Blueprint.group(bp2, url_prefix="/g")
grp.middleware(mw("grpreq"))
grp.on_response(mw("grpresp", "response"))


@app.get("/")
async def index(request):
    LOG.append("handler")
    return response.text("index")


@bp.get("/h")
async def bp_h(request):
    LOG.append("handler")
    return response.text("bp handler")


@app.get("/raise")
async def raising(request):
    LOG.append("handler")
    raise ValueError("x")


app.blueprint(bp)
app.blueprint(grp)

show("request_middleware names", lambda: [m.func.__name__ for m in app.request_middleware])
show("response_middleware names", lambda: [m.func.__name__ for m in app.response_middleware])
show("named_request_middleware", lambda: sorted(app.named_request_middleware))
show("bp middlewares count", lambda: len(bp._future_middleware))
HDRS = ("content-type", "x-resp1", "x-onresp", "x-regresp", "x-prio5r", "x-bpresp", "x-grpresp")
for path in ["/", "/bp/h", "/g/bp2/h", "/g/bp2/h?short=1", "/raise", "/missing"]:
    LOG.clear()
    req(app, f"GET {path}", "GET", path, headers=HDRS)
    print(f"order {path}: {LOG}")

app2 = new_app("mwapp2")


@app2.on_request
async def short(request):
    LOG.append("short")
    return response.text("from request mw")


@app2.on_request
async def never(request):
    LOG.append("never")


@app2.on_response
async def resp_a(request, resp):
    LOG.append("resp_a")


@app2.on_response
async def resp_b(request, resp):
    LOG.append("resp_b")
    return response.text("replaced in resp_b")


@app2.on_response
async def resp_c(request, resp):
    LOG.append("resp_c")


@app2.get("/")
async def idx2(request):
    LOG.append("handler")
    return response.text("idx2")


LOG.clear()
req(app2, "short circuit", "GET", "/")
print(f"order short: {LOG}")

app3 = new_app("mwapp3")


@app3.on_request
async def raise_in_req(request):
    LOG.append("raise_in_req")
    raise ValueError("in mw")


@app3.on_response
async def resp_after_err(request, resp):
    LOG.append(f"resp_after_err {resp.status}")


@app3.get("/")
async def idx3(request):
    LOG.append("handler")
    return response.text("idx3")


LOG.clear()
req(app3, "error in request mw", "GET", "/")
print(f"order err: {LOG}")

app4 = new_app("mwapp4")


@app4.on_response
async def raise_in_resp(request, resp):
    LOG.append("raise_in_resp")
    raise ValueError("in resp mw")


@app4.get("/")
async def idx4(request):
    return response.text("idx4")


LOG.clear()
req(app4, "error in response mw", "GET", "/")
print(f"order err resp: {LOG}")

show("middleware bad kind", lambda: app4.middleware(mw("x"), "sideways"))
show("middleware no args", lambda: app4.middleware()(mw("y")).__name__)
show("on_request returns", lambda: type(app4.on_request(mw("z"))).__name__)
show("middleware decorator returns", lambda: type(app4.middleware("request")(mw("w"))).__name__)
show(
    "middleware attach_to kw", lambda: type(app4.middleware(mw("v"), attach_to="response")).__name__
)
