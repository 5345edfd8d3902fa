"""App methods around start-up: finalize, late registration, amend, signalize, router state."""

import asyncio

from _probe import exc_line, new_app, req, show

from sanic import Blueprint, response


async def h(request):
    return response.text(f"{request.route.name}")


app = new_app("lifeapp")
app.get("/early")(h)
show("router finalized before", lambda: app.router.finalized)
show("signal_router finalized before", lambda: app.signal_router.finalized)
show("has amend", lambda: hasattr(app, "amend"))
show("finalize()", lambda: app.finalize())
show("router finalized after finalize", lambda: app.router.finalized)
show(
    "add route after finalize",
    lambda: (app.get("/late1", name="late1")(h), sorted(r.name for r in app.router.routes))[1],
)
show("finalize() again", lambda: app.finalize())
show("signalize()", lambda: app.signalize())
req(app, "GET /early", "GET", "/early")
req(app, "GET /late1", "GET", "/late1")
show(
    "add route after serving",
    lambda: (app.get("/late2", name="late2")(h), sorted(r.name for r in app.router.routes))[1],
)
req(app, "GET /late2", "GET", "/late2")


def amend_add():
    with app.amend():
        app.get("/amended", name="amended")(h)
    return sorted(r.name for r in app.router.routes)


show("amend add", amend_add)
req(app, "GET /amended", "GET", "/amended")
bp = Blueprint("latebp", url_prefix="/lbp")
bp.get("/x")(h)


def late_bp():
    app.blueprint(bp)
    return sorted(r.name for r in app.router.routes)


show("blueprint after serving", late_bp)
req(app, "GET /lbp/x", "GET", "/lbp/x")
show("middleware after serving", lambda: type(app.on_request(lambda r: None)).__name__)
show("signal after serving", lambda: type(app.signal("late.sig.x")(lambda **k: None)).__name__)


async def dispatch_late():
    try:
        return await app.dispatch("late.sig.x", inline=True)
    except BaseException as e:
        return exc_line(e)


show("dispatch late signal", lambda: asyncio.run(dispatch_late()))
show("router.finalize twice", lambda: (app.router.finalize(), app.router.finalize()))
show("state is_started", lambda: app.state.is_started)
show("state stage", lambda: str(app.state.stage))
