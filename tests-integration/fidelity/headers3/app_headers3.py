# ruff: noqa: E702
"""sanic-diff app: request.headers as a handler sees it, response header containers and
framing fields set by a handler (headers3 round)."""
from sanic import Sanic
from sanic.compat import Header
from sanic.response import HTTPResponse, json, text

app = Sanic("Headers3")


def _try(fn):
    try:
        return repr(fn())
    except Exception as e:
        return f"{type(e).__name__}: {e}"


@app.on_request
async def mutate(request):
    if request.path == "/req/mut":
        request.headers["x-added"] = "mw"
        request.headers.add("x-dup", "mw2")
        del request.headers["x-gone"]


@app.route("/req/<what>", methods=["GET", "POST"])
async def req(request, what):
    h = request.headers
    out = {
        "type": type(h).__name__,
        "len": len(h),
        "keys": list(h.keys()),
        "values": list(h.values()),
        "items": list(h.items()),
        "iter": list(h),
        "get": _try(lambda: h.get("x-dup")),
        "get_default": _try(lambda: h.get("x-missing", "dflt")),
        "getone": _try(lambda: h.getone("X-DUP")),
        "getone_missing": _try(lambda: h.getone("x-missing")),
        "getone_default": _try(lambda: h.getone("x-missing", "d")),
        "getall": _try(lambda: h.getall("x-Dup")),
        "getall_missing": _try(lambda: h.getall("x-missing")),
        "getall_default": _try(lambda: h.getall("x-missing", [])),
        "get_all": _try(lambda: h.get_all("x-dup")),
        "in_upper": "X-DUP" in h,
        "in_bytes": _try(lambda: b"x-dup" in h),
        "item": _try(lambda: h["X-Dup"]),
        "item_missing": _try(lambda: h["nope"]),
        "raw": _try(lambda: request.raw_headers),
        "host": request.host,
        "ct": request.content_type,
        "eq_dict": _try(lambda: h == dict(h)),
        "dict": dict(h),
    }
    return json(out)


def _hdrs(kind):
    if kind == "dict":
        return {"X-A": "1", "x-b": "2"}
    if kind == "pairs":
        return [("X-A", "1"), ("X-A", "2"), ("set-cookie", "a=1"), ("Set-Cookie", "b=2")]
    if kind == "tuplepairs":
        return (("X-A", "1"), ("x-a", "2"))
    if kind == "header":
        return Header([("X-A", "1"), ("x-a", "2")])
    if kind == "multidict":
        from multidict import CIMultiDict

        return CIMultiDict([("X-A", "1"), ("x-a", "2")])
    if kind == "intkey":
        return {1: "one"}
    if kind == "bytesval":
        return {"x-a": b"raw"}
    if kind == "gen":
        return (p for p in [("X-A", "1")])
    if kind == "none":
        return None
    if kind == "str":
        return "X-A: 1"
    raise ValueError(kind)


@app.get("/ctor/<kind>")
async def ctor(request, kind):
    return HTTPResponse("body", headers=_hdrs(kind))


@app.get("/ctortext/<kind>")
async def ctortext(request, kind):
    return text("body", headers=_hdrs(kind))


@app.get("/mut/<op>")
async def mut(request, op):
    r = text("body")
    h = r.headers
    if op == "add":
        h.add("x-a", "1"); h.add("X-A", "2")
    elif op == "extend":
        h.extend([("x-a", "1"), ("x-a", "2")])
    elif op == "extend_dict":
        h.extend({"x-a": "1"}); h.extend({"x-a": "2"})
    elif op == "update":
        h.add("x-a", "1"); h.add("x-a", "2"); h.update({"x-a": "3"})
    elif op == "update_pairs":
        h.update([("x-a", "1"), ("x-a", "2")])
    elif op == "setdefault":
        h.setdefault("x-a", "1"); h.setdefault("x-a", "2")
    elif op == "popall":
        h.add("x-a", "1"); h.add("x-a", "2"); h["x-b"] = str(h.popall("x-a"))
    elif op == "del":
        h.add("x-a", "1"); h.add("x-a", "2"); del h["X-A"]
    elif op == "del_missing":
        del h["x-nope"]
    elif op == "pop":
        h.add("x-a", "1"); h.add("x-a", "2"); h["x-b"] = h.pop("x-a")
    elif op == "setcookie_raw":
        h.add("Set-Cookie", "a=1"); h.add("Set-Cookie", "b=2")
        r.add_cookie("c", "3")
    elif op == "setcookie_set":
        r.add_cookie("c", "3"); h["Set-Cookie"] = "a=1"
    elif op == "setcookie_del":
        r.add_cookie("c", "3"); del h["set-cookie"]
    elif op == "ct_both":
        r.content_type = "text/x-attr"; h["Content-Type"] = "text/x-hdr"
    elif op == "ct_both2":
        h["Content-Type"] = "text/x-hdr"; r.content_type = "text/x-attr"
    elif op == "ct_lower":
        h["content-type"] = "text/x-lower"
    elif op == "replace_obj":
        r.headers = Header({"x-new": "1"})
    elif op == "replace_dict":
        r.headers = {"x-new": "1"}
    elif op == "clear":
        h.clear()
    return r


@app.route("/frame/<op>", methods=["GET", "HEAD"])
async def frame(request, op):
    body = "hello world"
    r = text(body)
    h = r.headers
    if op == "cl_small":
        h["Content-Length"] = "3"
    elif op == "cl_large":
        h["Content-Length"] = "100"
    elif op == "cl_nonnum":
        h["Content-Length"] = "abc"
    elif op == "cl_neg":
        h["Content-Length"] = "-1"
    elif op == "cl_int":
        h["Content-Length"] = 11
    elif op == "cl_right":
        h["Content-Length"] = "11"
    elif op == "cl_dup":
        h.add("Content-Length", "11"); h.add("Content-Length", "11")
    elif op == "te_chunked":
        h["Transfer-Encoding"] = "chunked"
    elif op == "te_gzip":
        h["Transfer-Encoding"] = "gzip"
    elif op == "date":
        h["Date"] = "Thu, 01 Jan 1970 00:00:00 GMT"
    elif op == "server":
        h["Server"] = "mine/1.0"
    elif op == "connection_close":
        h["Connection"] = "close"
    elif op == "keepalive":
        h["Keep-Alive"] = "timeout=1"
    elif op == "ctor_cl":
        return HTTPResponse(body, headers={"content-length": "3"})
    elif op == "ctor_te":
        return HTTPResponse(body, headers={"transfer-encoding": "chunked"})
    return r


@app.get("/inj/<op>")
async def inj(request, op):
    r = text("body")
    h = r.headers
    if op == "crlf":
        h["x-a"] = "a\r\nx-evil: 1"
    elif op == "lf":
        h["x-a"] = "a\nx-evil: 1"
    elif op == "cr":
        h["x-a"] = "a\rx-evil: 1"
    elif op == "name_crlf":
        h["x-a\r\nx-evil"] = "1"
    elif op == "name_space":
        h["x a"] = "1"
    elif op == "name_colon":
        h["x:a"] = "1"
    elif op == "name_empty":
        h[""] = "1"
    elif op == "nul":
        h["x-a"] = "a\x00b"
    elif op == "latin1":
        h["x-a"] = "caf\u00e9"
    elif op == "utf8":
        h["x-a"] = "\u20ac"
    elif op == "bytes_latin":
        h["x-a"] = b"caf\xe9"
    elif op == "float":
        h["x-a"] = 1.5
    elif op == "none":
        h["x-a"] = None
    elif op == "int":
        h["x-a"] = 1
    elif op == "ctor_crlf":
        return text("body", headers={"x-a": "a\r\nx-evil: 1"})
    elif op == "ct_crlf":
        return text("body", content_type="text/plain\r\nx-evil: 1")
    elif op == "status_crlf":
        r.status = 200
    return r
