"""Third socket app: responses changed after they were built, then returned."""

from http import HTTPStatus

from sanic import Sanic, response
from sanic.response import HTTPResponse, JSONResponse

app = Sanic("responses2c")


def _mutate(kind):
    r = response.text("orig")
    if kind == "body_str":
        r.body = "str é"
    elif kind == "body_none":
        r.body = None
    elif kind == "body_int":
        r.body = 5
    elif kind == "body_bytearray":
        r.body = bytearray(b"ba")
    elif kind == "body_mv":
        r.body = memoryview(b"mv")
    elif kind == "body_list":
        r.body = [1]
    elif kind == "status_str":
        r.status = "201"
    elif kind == "status_hs":
        r.status = HTTPStatus.ACCEPTED
    elif kind == "status_204":
        r.status = 204
    elif kind == "status_304":
        r.status = 304
    elif kind == "ct_none":
        r.content_type = None
    elif kind == "ct_bytes":
        r.content_type = "x/y"
        r.headers["Content-Type"] = "a/b"
    elif kind == "headers_dict":
        r.headers = {"X-New": "1"}
    elif kind == "headers_list":
        r.headers = [("X-New", "1")]
    elif kind == "cl_wrong":
        r.headers["content-length"] = "99"
    elif kind == "cl_short":
        r.headers["Content-Length"] = "2"
    elif kind == "header_int":
        r.headers["X-Int"] = 5
    elif kind == "header_bytes":
        r.headers["X-B"] = b"b"
    elif kind == "header_none":
        r.headers["X-N"] = None
    elif kind == "header_nonascii":
        r.headers["X-U"] = "é"
    elif kind == "header_nonascii_name":
        r.headers["X-é"] = "u"
    elif kind == "header_empty":
        r.headers["X-E"] = ""
    elif kind == "header_space":
        r.headers["X-S"] = "  v  "
    return r


@app.get("/m/<kind>")
async def m(request, kind):
    return _mutate(kind)


@app.get("/j/<kind>")
async def j(request, kind):
    if kind == "headers_list":
        return response.json({}, headers=[("X-A", "1"), ("X-A", "2")])
    if kind == "raw_then_str":
        r = JSONResponse([1])
        r.body = "abc"
        return r
    if kind == "redirect204":
        return response.redirect("/x", status=204)
    if kind == "html_status":
        return response.html("<p>", status=HTTPStatus.NOT_FOUND)
    if kind == "empty_ct":
        return response.empty(headers={"Content-Type": "a/b"})
    if kind == "empty_cl":
        return response.empty(headers={"Content-Length": "5"})
    if kind == "raw_none_ct":
        return response.raw(b"x", content_type=None)
    if kind == "text_empty_ct":
        return response.text("x", content_type="")
    if kind == "hr_status_float":
        return HTTPResponse("x", status=200.0)
    if kind == "hr_bool":
        return HTTPResponse("x", status=True)
