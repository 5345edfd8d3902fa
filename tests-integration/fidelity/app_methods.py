"""Methods on the wire: HEAD and OPTIONS handling, 405 and Allow, redirects, odd
Content-Types and encodings (request and response)."""

from sanic import Blueprint, Sanic
from sanic.response import empty, json, raw, redirect, text
from sanic.views import HTTPMethodView

app = Sanic("FidelityMethods")


@app.get("/get")
async def get(request):
    return text("get body")


@app.route("/get-head", methods=["GET", "HEAD"])
async def get_head(request):
    return text("get-head body", headers={"x-method": request.method})


@app.route("/options", methods=["OPTIONS"])
async def options(request):
    return empty(headers={"allow": "GET, OPTIONS"})


@app.route("/many", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
async def many(request):
    return text(request.method)


@app.post("/split")
async def split_post(request):
    return text("post")


@app.put("/split")
async def split_put(request):
    return text("put")


class View(HTTPMethodView):
    async def get(self, request):
        return text("view get")

    async def delete(self, request):
        return text("view delete")


app.add_route(View.as_view(), "/view")
bp = Blueprint("bp", url_prefix="/bp")


@bp.get("/x")
async def bp_x(request):
    return text("bp")


app.blueprint(bp)


@app.get("/redirect/<code:int>")
async def redirect_code(request, code):
    return redirect("/get", status=code)


@app.get("/redirect-abs")
async def redirect_abs(request):
    return redirect("http://example.com/a b?c=d é", headers={"x-r": "1"})


@app.get("/redirect-ctype")
async def redirect_ctype(request):
    return redirect("/get", content_type="text/plain")


@app.post("/echo")
async def echo(request):
    return json(
        {
            "ctype": request.content_type,
            "body": request.body.decode("latin-1"),
            "form": {k: v for k, v in request.form.items()},
            "json": _json(request),
            "encoding": request.headers.get("content-encoding"),
        }
    )


def _json(request):
    try:
        return request.json
    except Exception as error:
        return f"<{type(error).__name__}>"


@app.get("/gzip")
async def gzip_body(request):
    import gzip

    return raw(gzip.compress(b"hello", mtime=0), headers={"content-encoding": "gzip"}, content_type="text/plain")


@app.get("/ctype/<kind>")
async def ctype(request, kind):
    types = {
        "none": None,
        "empty": "",
        "upper": "TEXT/PLAIN; CHARSET=UTF-8",
        "params": 'text/plain; charset="utf-8"; format=flowed',
        "json": "application/json",
        "weird": "x/y; a=b",
    }
    return text("x", content_type=types[kind]) if kind != "none" else raw(b"x", content_type=None)
