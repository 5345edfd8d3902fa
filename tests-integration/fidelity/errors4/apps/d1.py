from sanic import Sanic, text
from sanic.exceptions import *
from sanic.handlers import ErrorHandler


class EH(ErrorHandler):
    async def default(self, request, exception):
        if request.args.get("super"):
            return super().default(request, exception)
        return text(
            "async default " + type(exception).__name__,
            status=getattr(exception, "status_code", 500),
        )

    async def log(self, request, exception):
        request.ctx.alog = 1


app = Sanic("d1", error_handler=EH())


@app.on_response
def r(req, resp):
    resp.headers["x-alog"] = str(getattr(req.ctx, "alog", "-"))


@app.get("/v")
def v(r):
    raise ValueError("v")


@app.get("/nf")
def nf(r):
    raise NotFound("nf")


@app.exception(KeyError)
def kh(r, e):
    return None


@app.get("/k")
def k(r):
    raise KeyError("k")


@app.exception(IndexError)
async def ih(r, e):
    raise BadRequest("from async handler")


@app.get("/i")
def i(r):
    raise IndexError("i")


@app.exception(ZeroDivisionError)
def zh(r, e):
    raise BadRequest("from sync handler")


@app.get("/z")
def z(r):
    raise ZeroDivisionError("z")


@app.exception(LookupError)
def lh(r, e):
    return r.app.error_handler.default(r, e)


@app.get("/l")
def l(r):
    raise LookupError("l")
