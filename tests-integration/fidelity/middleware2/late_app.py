"""Middleware registered late: in listeners, and by a handler on a running app (sanic-diff app).

GET /add?how=... registers one middleware now and answers what that call did; every
response carries x-mw, the middleware that ran for it. Run: python3 diffrun.py late_app.py late.http
"""

from sanic import Blueprint, Sanic
from sanic.response import text

app = Sanic("MwLate")
bp = Blueprint("bp", url_prefix="/bp")


def mark(tag):
    async def req(request):
        request.ctx.__dict__.setdefault("ran", []).append(tag)

    req.__name__ = "mw_" + tag
    return req


def rmark(tag):
    async def resp(request, response):
        ran = request.ctx.__dict__.setdefault("ran", [])
        ran.append(tag)
        response.headers["x-mw"] = ",".join(ran)

    resp.__name__ = "rmw_" + tag
    return resp


app.on_response(rmark("base"), priority=-100)


@app.before_server_start
async def before(app_, _):
    app_.on_request(mark("before_start"))


@app.after_server_start
async def after(app_, _):
    app_.on_request(mark("after_start"))
    app_.register_middleware(mark("after_start_reg"), "request")


@app.main_process_ready
async def ready(app_, _):
    app_.on_request(mark("main_ready"))


@bp.get("/x")
async def bpx(request):
    return text("bpx")


app.blueprint(bp)
# bp middleware added after app.blueprint(bp) or in before_server_start: kept, listed before


@app.get("/")
async def index(request):
    return text("index")


@app.get("/add")
async def add(request):
    how = request.args.get("how")
    try:
        if how == "app_on_request":
            app.on_request(mark("late_on_request"))
        elif how == "app_middleware":
            app.middleware(mark("late_middleware"), "request")
        elif how == "register":
            app.register_middleware(rmark("late_register_resp"), "response")
        elif how == "bp":
            bp.on_request(mark("late_bp"))
        elif how == "named":
            app.register_named_middleware(mark("late_named"), ["MwLate.index"])
        elif how == "finalize":
            app.finalize_middleware()
        return text(f"added {how}")
    except Exception as exc:  # what the call raised, if anything
        return text(f"{type(exc).__name__}: {exc}", status=500)
