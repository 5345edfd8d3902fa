from sanic import Blueprint, Sanic, json, text
from sanic.exceptions import *
from sanic.handlers import ErrorHandler


class A(Exception):
    pass


class B(A):
    pass


class C(Exception):
    pass


class EH(ErrorHandler):
    def lookup(self, exception, route_name=None):
        if isinstance(exception, C):
            return lambda r, e: text("lookup-override C " + str(route_name))
        return super().lookup(exception, route_name)

    async def response(self, request, exception):
        if request.args.get("resp"):
            return text("response-override " + type(exception).__name__, status=203)
        return super().response(request, exception)

    def log(self, request, exception):
        request.ctx.logged = type(exception).__name__

    def default(self, request, exception):
        if request.args.get("def"):
            return json(
                {
                    "default": type(exception).__name__,
                    "status": getattr(exception, "status_code", None),
                }
            )
        return super().default(request, exception)


app = Sanic("g1", error_handler=EH())


@app.on_response
def add_logged(req, resp):
    resp.headers["x-logged"] = str(getattr(req.ctx, "logged", "-"))


bp1 = Blueprint("bp1", url_prefix="/b1")
bp2 = Blueprint("bp2", url_prefix="/b2")
bp3 = Blueprint("bp3", url_prefix="/b3")
grp = Blueprint.group(bp1, bp2, url_prefix="/g")
outer = Blueprint.group(grp, bp3, url_prefix="/o")


@grp.exception(A)
def grp_a(r, e):
    return text("grp A " + type(e).__name__)


@outer.exception(C, KeyError)
def outer_c(r, e):
    return text("outer " + type(e).__name__)


@bp1.exception(B)
async def bp1_b(r, e):
    return text("bp1 B " + type(e).__name__)


@bp3.exception(Exception)
def bp3_all(r, e):
    return text("bp3 all " + type(e).__name__)


for bp in (bp1, bp2, bp3):

    @bp.get("/a")
    def ra(r):
        raise A("a")

    @bp.get("/b")
    def rb(r):
        raise B("b")

    @bp.get("/c")
    def rc(r):
        raise C("c")

    @bp.get("/k")
    def rk(r):
        raise KeyError("k")

    @bp.get("/nf")
    def rnf(r):
        raise NotFound("nf")


app.blueprint(outer)

bpc = bp1.copy("bp1c", url_prefix="/copy")
app.blueprint(bpc)


@app.get("/a")
def a(r):
    raise A("a")


@app.get("/c")
def c(r):
    raise C("c")


@app.get("/v")
def v(r):
    raise ValueError("v")


@app.get("/nf")
def nf(r):
    raise NotFound("nf")


@app.get("/added", name="added_route")
def added(r):
    raise IndexError("i")


@app.get("/added2")
def added2(r):
    raise IndexError("i2")


app.error_handler.add(
    IndexError, lambda r, e: text("added for route"), route_names=["g1.added_route"]
)
