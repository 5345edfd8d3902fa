"""http.middleware.before/after signals around middleware that answers early, raises,
replaces the response, on routed and unrouted requests (sanic-diff app).
Run: python3 diffrun.py signals_app.py signals.http
"""

from sanic import Blueprint, Sanic
from sanic.response import ResponseStream, json, text

app = Sanic("MwSignals")
EV: list = []


def skip(request):
    return request.path.startswith("/_ev")


def describe(value):
    if value is None:
        return "None"
    status = getattr(value, "status", None)
    return f"{type(value).__name__}:{status}"


@app.signal("http.middleware.before")
async def before(request, response):
    if not skip(request):
        EV.append(f"sig before {describe(response)}")


@app.signal("http.middleware.after")
async def after(request, response):
    if not skip(request):
        EV.append(f"sig after {describe(response)}")


@app.signal("http.middleware.before", condition={"attach_to": "response"})
async def before_resp_only(request, response):
    if not skip(request):
        EV.append(f"sig before[response] {describe(response)}")
        if getattr(request.ctx, "sigraise", False):
            request.ctx.sigraise = False
            raise ValueError("from the signal")


@app.signal("http.middleware.after", condition={"attach_to": "request"})
async def after_req_only(request, response):
    if not skip(request):
        EV.append(f"sig after[request] {describe(response)}")


@app.signal("http.middleware.after", condition={"attach_to": "response"})
async def after_resp_only(request, response):
    if not skip(request):
        EV.append(f"sig after[response] {describe(response)}")


@app.on_request
async def a(request):
    if skip(request):
        return None
    EV.append("req a")
    how = request.args.get("a")
    if how == "short":
        return text("short", status=203)
    if how == "raise":
        raise ValueError("a")
    if how == "falsy":
        return ""
    if how == "sigraise":
        request.ctx.sigraise = True
    return None


@app.on_response
async def z(request, response):
    if skip(request):
        return None
    EV.append(f"resp z {response.status}")
    how = request.args.get("z")
    if how == "new":
        return text("new", status=202)
    if how == "raise":
        raise ValueError("z")
    return None


bp = Blueprint("sbp", url_prefix="/bp")


@bp.on_request
async def b(request):
    EV.append("req b")


@bp.get("/x")
async def bpx(request):
    return text("bpx")


@bp.on_response
async def bz(request, response):
    EV.append(f"resp bz {response.status}")


app.blueprint(bp)


@app.get("/")
async def index(request):
    return text("index")


@app.get("/fail")
async def fail(request):
    raise ValueError("handler")


@app.get("/respond")
async def respond(request):
    response = await request.respond(content_type="text/plain")
    await response.send("streamed")
    await response.eof()


@app.get("/stream")
async def stream(request):
    async def body(response):
        await response.write("s")

    return ResponseStream(body)


@app.post("/up")
async def up(request):
    return text(f"{len(request.body)}")


@app.websocket("/ws")
async def ws(request, ws):
    await ws.send("hi")


@app.get("/_ev")
async def ev(request):
    out = list(EV)
    EV.clear()
    return json(out)
