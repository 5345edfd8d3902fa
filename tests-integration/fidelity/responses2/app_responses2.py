"""Response API over sockets: run with sanic-diff and requests_responses2.http."""

import datetime
import json as stdjson
import os
import tempfile
from http import HTTPStatus

from sanic import Sanic, response
from sanic.compat import Header
from sanic.response import HTTPResponse


def my_dumps(obj, **kw):
    return "APP" + stdjson.dumps(obj, **kw)


app = Sanic("responses2", dumps=my_dumps)

TMP = tempfile.mkdtemp()
FILE = os.path.join(TMP, "f.txt")
with open(FILE, "w") as f:
    f.write("0123456789abcdefghij")
os.utime(FILE, (1700000000, 1700000000))


class Obj:
    pass


class H:
    def __html__(self):
        return "<b>h</b>"


@app.get("/json/app")
async def json_app(request):
    return response.json({"a": 1})


@app.get("/json/own")
async def json_own(request):
    return response.json({"a": 1}, dumps=stdjson.dumps, indent=1)


@app.get("/json/kw")
async def json_kw(request):
    return response.json({"a": 1}, sort_keys=True)


@app.get("/json/nonser")
async def json_nonser(request):
    return response.json({"a": Obj()})


@app.get("/json/default")
async def json_default(request):
    return response.json({"a": Obj()}, default=lambda o: "X", dumps=stdjson.dumps)


@app.get("/json/status/<s>")
async def json_status(request, s):
    return response.json({"s": s}, status=int(s))


@app.get("/json/ct")
async def json_ct(request):
    return response.json([1], content_type="application/vnd+json", headers={"X-A": "1"})


@app.get("/jr/mut")
async def jr_mut(request):
    r = response.json([1], dumps=stdjson.dumps)
    r.append(2)
    r.extend([3])
    r.pop()
    return r


@app.get("/jr/setbody")
async def jr_setbody(request):
    r = response.json({"a": 1}, dumps=stdjson.dumps)
    r.body = b"raw!"
    return r


@app.get("/jr/setbody_err")
async def jr_setbody_err(request):
    r = response.json({"a": 1}, dumps=stdjson.dumps)
    r.body = b"raw!"
    r.update({"b": 2})
    return r


@app.get("/jr/wrong")
async def jr_wrong(request):
    r = response.json("s", dumps=stdjson.dumps)
    r.append(1)
    return r


@app.get("/jr/popmissing")
async def jr_popmissing(request):
    r = response.json({}, dumps=stdjson.dumps)
    r.pop("x")
    return r


@app.get("/text/int")
async def text_int(request):
    return response.text(5)


@app.get("/text/ct")
async def text_ct(request):
    return response.text("x", content_type="text/csv; charset=latin-1")


@app.get("/html/obj")
async def html_obj(request):
    return response.html(H())


@app.get("/html/bytes")
async def html_bytes(request):
    return response.html(b"<p>")


@app.get("/raw")
async def raw(request):
    return response.raw(b"\x00\x01")


@app.get("/raw/str")
async def raw_str(request):
    return response.raw("é")


@app.get("/empty")
async def empty(request):
    return response.empty()


@app.get("/empty/200")
async def empty200(request):
    return response.empty(status=200, headers={"X-E": "1"})


@app.get("/empty/404")
async def empty404(request):
    return response.empty(status=404)


@app.get("/redirect/<n:int>")
async def redir(request, n):
    targets = ["/a b", "/é?q=é", "//evil.com", "http://x.com/é", "/a%20b", "/a\r\nX: 1", ""]
    return response.redirect(targets[n])


@app.get("/redirect/status/<s:int>")
async def redir_status(request, s):
    return response.redirect("/x", status=s, headers={"X": "1"}, content_type="text/plain")


@app.get("/hr/<kind>")
async def hr(request, kind):
    bodies = {
        "none": None,
        "str": "s",
        "bytes": b"b",
        "bytearray": bytearray(b"ba"),
        "memoryview": memoryview(b"mv"),
        "int": 5,
    }
    return HTTPResponse(bodies[kind])


@app.get("/hr/headers/<kind>")
async def hr_headers(request, kind):
    h = {
        "list": [("X-A", "1"), ("X-A", "2")],
        "header": Header([("X-A", "1"), ("X-A", "2")]),
        "dict": {"X-A": "1"},
        "int": {"X-A": 1},
        "ct": {"Content-Type": "a/b"},
        "cl": {"Content-Length": "1"},
    }[kind]
    return HTTPResponse("body", headers=h)


@app.get("/hr/ct")
async def hr_ct(request):
    return HTTPResponse("x", content_type="text/x")


@app.get("/status/<s>")
async def status(request, s):
    if s.startswith("str"):
        return HTTPResponse("x", status=s[3:])
    if s.startswith("hs"):
        return HTTPResponse("x", status=HTTPStatus(int(s[2:])))
    return HTTPResponse("x", status=int(s))


@app.get("/nonresp/<kind>")
async def nonresp(request, kind):
    if kind == "str":
        return "hello"
    if kind == "dict":
        return {"a": 1}
    if kind == "none":
        return None
    if kind == "coro":
        async def c():
            return response.text("inner")

        return c()
    if kind == "bytes":
        return b"x"
    if kind == "int":
        return 1
    if kind == "class":
        return HTTPResponse


@app.get("/nonresp_sync/<kind>")
def nonresp_sync(request, kind):
    if kind == "none":
        return None
    return "str"


@app.get("/send")
async def send(request):
    r = response.text("x")
    await r.send("more")
    return r


@app.get("/file/<kind>")
async def file(request, kind):
    if kind == "plain":
        return await response.file(FILE)
    if kind == "mime":
        return await response.file(FILE, mime_type="x/y", headers={"X-H": "1"})
    if kind == "name":
        return await response.file(FILE, filename="é ñ.txt")
    if kind == "maxage":
        return await response.file(FILE, max_age=100)
    if kind == "lmdt":
        return await response.file(
            FILE, last_modified=datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
        )
    if kind == "lmfloat":
        return await response.file(FILE, last_modified=1600000000.0)
    if kind == "lmfalse":
        return await response.file(FILE, last_modified=False)
    if kind == "nostore":
        return await response.file(FILE, no_store=True)
    if kind == "request":
        return await response.file(FILE, request_headers=request.headers)
    if kind == "requestlm":
        return await response.file(FILE, request_headers=request.headers, last_modified=1600000000.0)
    if kind == "range":
        from sanic.models.protocol_types import Range  # noqa: F401

        return await response.file(FILE, _range=request.headers and _Rng(2, 5))
    if kind == "missing":
        return await response.file(FILE + "x")


class _Rng:
    def __init__(self, start, end):
        self.start = start
        self.end = end
        self.size = end - start + 1
        self.total = 20


@app.get("/fs/<kind>")
async def fs(request, kind):
    if kind == "plain":
        return await response.file_stream(FILE, chunk_size=7)
    if kind == "name":
        return await response.file_stream(FILE, filename="é.txt", mime_type="a/b", headers={"X": "1"})
    if kind == "range":
        return await response.file_stream(FILE, _range=_Rng(2, 5))
    if kind == "missing":
        return await response.file_stream(FILE + "x")
    if kind == "status":
        return await response.file_stream(FILE, status=203)
