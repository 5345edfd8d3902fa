from sanic import Blueprint, Sanic, empty, json, text
from sanic.exceptions import *

app = Sanic("c1")
app.config.REQUEST_MAX_SIZE = 200
bp = Blueprint("bp", url_prefix="/bp")


@bp.exception(NotFound)
def bp_nf(r, e):
    return text("bp nf " + str(e), status=404)


@bp.exception(MethodNotAllowed)
def bp_mna(r, e):
    return text("bp mna", status=405)


@bp.get("/x")
def bx(r):
    return text("x")


app.blueprint(bp)


@app.exception(PayloadTooLarge)
def ptl(r, e):
    return text("too large " + str(e), status=413)


@app.exception(BadRequest)
def br(r, e):
    return text("bad request handled: " + type(e).__name__ + " " + str(e), status=400)


@app.exception(MethodNotAllowed)
def mna(r, e):
    return text("mna " + str(e) + " " + str(getattr(e, "headers", "")), status=405)


@app.exception(ServerError)
def se(r, e):
    return text("se " + str(e), status=500)


@app.get("/j")
def j(r):
    return json(r.json)


@app.post("/p")
def p(r):
    return text(str(len(r.body)))


@app.get("/e204")
def e204(r):
    raise NotFound("x")


@app.exception(Unauthorized)
def un(r, e):
    return empty(status=int(r.args.get("s", 204)))


@app.get("/un")
def un_r(r):
    raise Unauthorized("no", scheme="Bearer")


@app.on_response
def resp(r, res):
    if r.args.get("rmw"):
        raise ValueError("resp mw on error")


@app.get("/v")
def v(r):
    raise ValueError("v")


@app.get("/h")
def h(r):
    raise NotFound("h")


@app.exception(NotFound)
def nf(r, e):
    return text("app nf " + str(e), status=404, headers={"x-nf": "1"})
