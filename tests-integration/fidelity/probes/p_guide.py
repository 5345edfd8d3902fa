"""Walking the user guide: custom app classes, TOUCHUP, exception handlers returning
nothing, static folders declared before they exist, url_for of a blueprint's static
routes, request ids, query and form variants, where tasks added before the run start."""

import asyncio
import os
import shutil

from _probe import new_app, req, show

from sanic import Blueprint, Request, Sanic, response
from sanic.config import Config
from sanic.exceptions import BadRequest, NotFound
from sanic.handlers import ErrorHandler

# --- the app: registry, custom classes, read-only attributes -------------------------------
base = new_app("GuideBase")
show("get_app", lambda: Sanic.get_app("GuideBase") is base)
show("get_app missing force_create", lambda: Sanic.get_app("GuideNew", force_create=True).name)
show("set a property", lambda: setattr(base, "debug", True))
show("set an unknown attribute", lambda: setattr(base, "db", 1))


class GuideConfig(Config):
    GREETING = "hello"


class GuideRequest(Request):
    pass


class GuideErrors(ErrorHandler):
    def default(self, request, exception):
        status = getattr(exception, "status_code", 500)
        return response.text(f"custom {type(exception).__name__}", status=status)


custom = new_app(
    "GuideCustom", config=GuideConfig(), request_class=GuideRequest, error_handler=GuideErrors()
)


@custom.get("/")
async def custom_index(request):
    return response.text(f"{type(request).__name__} {request.app.config.GREETING}")


@custom.get("/touchup")
async def custom_touchup(request):
    return response.text(repr(request.app.config.TOUCHUP))


@custom.get("/boom")
async def custom_boom(request):
    raise ValueError("x")


req(custom, "custom request class", "GET", "/")
req(custom, "TOUCHUP once started", "GET", "/touchup")
req(custom, "custom default page", "GET", "/boom")
req(custom, "custom 404 page", "GET", "/nowhere")

# --- exception handlers that return nothing -------------------------------------------------
errs = new_app("GuideErrs")


@errs.get("/sync")
async def errs_sync(request):
    raise BadRequest("sync handler returned None")


@errs.get("/async")
async def errs_async(request):
    raise NotFound("async handler returned None")


@errs.exception(BadRequest)
def only_logs(request, exception):
    return None


@errs.exception(NotFound)
async def only_logs_async(request, exception):
    return None


req(errs, "plain function handler returns None", "GET", "/sync")
req(errs, "coroutine handler returns None", "GET", "/async")

# --- static files -----------------------------------------------------------------------------
DIR = "/tmp/sanic_probe_guide_static"
shutil.rmtree(DIR, ignore_errors=True)
os.makedirs(DIR)
with open(f"{DIR}/a.txt", "w") as f:
    f.write("static a")
statics = new_app("GuideStatic")
statics.static("/dist", f"{DIR}/dist", name="dist")  # made after the route is declared
statics.static("/uploads", DIR, name="uploads")
bp = Blueprint("bp", url_prefix="/bp")
bp.static("/assets", DIR, name="assets")
bp.static("/files", DIR)
statics.blueprint(bp)
os.makedirs(f"{DIR}/dist")
with open(f"{DIR}/dist/app.js", "w") as f:
    f.write("js")
show("static routes", lambda: sorted((r.name, r.path) for r in statics.router.routes))
for args, kwargs in [
    (("static",), {"name": "uploads", "filename": "a.txt"}),
    (("bp.static",), {"name": "assets", "filename": "a.txt"}),
    (("GuideStatic.bp.static",), {"name": "assets", "filename": "a.txt"}),
    (("static",), {"name": "bp.assets", "filename": "a.txt"}),
    (("bp.static",), {"filename": "a.txt"}),
    (("bp.static",), {"name": "static", "filename": "a.txt"}),
    (("bp.static",), {"name": "uploads", "filename": "a.txt"}),
]:
    show(f"url_for {args[0]} {kwargs}", lambda a=args, k=kwargs: statics.url_for(*a, **k))
req(statics, "GET /dist/app.js", "GET", "/dist/app.js")
req(statics, "GET /bp/assets/a.txt", "GET", "/bp/assets/a.txt")

# --- request ids, query strings, forms --------------------------------------------------------
reqs = new_app("GuideRequests")


@reqs.get("/id")
async def request_id(request):
    return response.text(f"{request.id!r} {type(request.id).__name__}")


@reqs.route("/args", methods=["GET", "POST"])
async def args(request):
    out = {
        "args": request.args,
        "blank": request.get_args(keep_blank_values=True),
        "latin1": request.get_args(encoding="latin-1"),
        "query_args": request.query_args,
    }
    if request.method == "POST":
        out["form"] = request.form
        out["form_blank"] = request.get_form(keep_blank_values=True)
    return response.json(out)


for value in ["abc", "12", "0012", "1.5", "a5d2e8a0-8f9e-4a36-9b0b-1c9c7e0e3f11", ""]:
    req(reqs, f"request.id {value!r}", "GET", "/id", send_headers={"x-request-id": value})
req(reqs, "query variants", "GET", "/args?a=1&a=2&b=&c&d=%E9&f=x+y&g=%2B")
req(
    reqs,
    "form variants",
    "POST",
    "/args?q=1",
    content=b"a=1&a=&b=%E9&c",
    send_headers={"content-type": "application/x-www-form-urlencoded"},
)

# --- background tasks -------------------------------------------------------------------------
tasks = new_app("GuideTasks")
ORDER = []


@tasks.after_server_start
async def registered_first(app):
    ORDER.append("listener registered first")


async def early(app):
    ORDER.append("task, first step")
    await asyncio.sleep(0)
    ORDER.append("task, second step")


tasks.add_task(early)


@tasks.after_server_start
async def registered_next(app):
    ORDER.append("listener registered next")


@tasks.get("/")
async def tasks_index(request):
    await asyncio.sleep(0.01)
    # (app.shutdown_tasks() is left out: called on the running loop, Sanic's spins forever.)
    return response.json(ORDER)


req(tasks, "tasks added before the run, between listeners", "GET", "/")
