from sanic import Sanic, text
from sanic.exceptions import *

app = Sanic("s1")
EVENTS = [
    "http.lifecycle.begin",
    "http.lifecycle.read_head",
    "http.lifecycle.request",
    "http.lifecycle.handle",
    "http.routing.before",
    "http.routing.after",
    "http.handler.before",
    "http.handler.after",
    "http.lifecycle.response",
    "http.lifecycle.send",
    "http.lifecycle.complete",
    "http.middleware.before",
    "http.middleware.after",
    "http.lifecycle.exception",
]


def mk(ev):
    async def h(**kw):
        req = kw.get("request")
        if req is None:
            return
        which = req.args.get("ev") if hasattr(req, "args") else None
        if which == ev:
            kind = req.args.get("k")
            if kind == "nf":
                raise NotFound("from " + ev)
            raise ValueError("from " + ev)

    return h


for ev in EVENTS:
    app.add_signal(mk(ev), ev)


@app.on_request
def mw(r):
    pass


@app.on_response
def rmw(r, resp):
    pass


@app.exception(ValueError)
def vh(r, e):
    return text("handled " + str(e), status=299)


@app.get("/")
def i(r):
    return text("i")


@app.get("/x")
def x(r):
    if r.args.get("raise"):
        raise KeyError("k")
    return text("x")
