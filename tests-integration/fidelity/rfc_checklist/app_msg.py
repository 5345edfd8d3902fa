"""Small app for the message-semantics checklist (msg_checks.py): what the app sees of a
request target, method and body, and responses whose status, fields and framing the
handler chooses."""

from sanic import Sanic
from sanic.compat import Header
from sanic.exceptions import SanicException
from sanic.response import HTTPResponse, empty, html, json, raw, redirect, text

app = Sanic("RfcMsg")
app.config.KEEP_ALIVE_TIMEOUT = 2
app.config.REQUEST_TIMEOUT = 3
app.config.AUTO_EXTEND = False


def seen(request, **extra):
    return json(
        {
            "method": request.method,
            "path": request.path,
            "raw_url": request.raw_url.decode("latin-1"),
            "query": request.query_string,
            "args": {k: v for k, v in request.args.items()},
            "host": request.host,
            "server_name": request.server_name,
            "url": request.url,
            "body": request.body.decode("latin-1"),
            "version": request.version,
            **extra,
        }
    )


@app.route("/", methods=["GET", "HEAD"])
async def index(request):
    return text("hello")


ANY = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


@app.route("/echo", methods=ANY)
async def echo(request):
    return seen(request)


@app.route("/echo/<rest:path>", methods=ANY)
async def echo_path(request, rest):
    return seen(request, rest=rest)


@app.get("/seg/<one>")
async def seg(request, one):
    return seen(request, one=one)


@app.get("/only-get")
async def only_get(request):
    return text("g")


@app.route("/get-post", methods=["GET", "POST"])
async def get_post(request):
    return text("gp")


@app.route("/head-get", methods=["GET", "HEAD"])
async def head_get(request):
    return text("hg", headers={"etag": '"v1"'})


@app.route("/put-del", methods=["PUT", "DELETE"])
async def put_del(request):
    return seen(request)


@app.options("/opt")
async def opt(request):
    return empty(headers={"allow": "OPTIONS, GET"})


@app.get("/opt")
async def opt_get(request):
    return text("o")


@app.get("/status/<code:int>")
async def status(request, code):
    return text("content", status=code)


@app.get("/empty/<code:int>")
async def empty_status(request, code):
    return empty(status=code)


@app.get("/raise/<code:int>")
async def raise_status(request, code):
    raise SanicException("raised", status_code=code)


@app.get("/httpresponse/<code:int>")
async def httpresponse(request, code):
    return HTTPResponse("x", status=code)


@app.route("/kind/<k>", methods=["GET", "HEAD"])
async def kind(request, k):
    if k == "text":
        return text("t")
    if k == "json":
        return json({"a": 1})
    if k == "html":
        return html("<p>h</p>")
    if k == "raw":
        return raw(b"\x00r")
    if k == "empty":
        return empty()
    if k == "redirect":
        return redirect("/")
    if k == "httpresponse":
        return HTTPResponse("h")
    if k == "httpresponse-bytes":
        return HTTPResponse(b"h")
    if k == "text-ctype":
        return text("t", content_type="text/csv")
    if k == "etag":
        return text("e", headers={"ETag": '"abc"', "Last-Modified": "Sun, 06 Nov 1994 08:49:37 GMT"})
    if k == "stream":
        r = await request.respond(content_type="text/plain")
        await r.send("ab")
        await r.eof()
        return None
    raise SanicException("no such kind", status_code=404)


@app.route("/field/<k>", methods=["GET", "HEAD"])
async def field(request, k):
    if k == "dup":
        h = Header()
        h.add("x-dup", "1")
        h.add("x-dup", "2")
        return text("d", headers=h)
    if k == "dup-vary":
        r = text("v")
        r.headers.add("vary", "Accept")
        r.headers.add("vary", "Accept-Encoding")
        return r
    if k == "vary":
        return text("v", headers={"Vary": "Accept-Encoding"})
    if k == "case":
        return text("c", headers={"X-CamelCase": "1", "content-TYPE": "text/x-odd"})
    if k == "cl-right":
        return text("12345", headers={"Content-Length": "5"})
    if k == "cl-small":
        return text("12345", headers={"Content-Length": "3"})
    if k == "cl-large":
        return text("12345", headers={"Content-Length": "9"})
    if k == "cl-bad":
        return text("12345", headers={"Content-Length": "abc"})
    if k == "te":
        return text("12345", headers={"Transfer-Encoding": "chunked"})
    if k == "te-gzip":
        return text("12345", headers={"Transfer-Encoding": "gzip"})
    if k == "close":
        return text("c", headers={"Connection": "close"})
    if k == "keep":
        return text("k", headers={"Connection": "keep-alive"})
    if k == "upgrade":
        return text("u", headers={"Connection": "Upgrade", "Upgrade": "h2c"})
    if k == "date":
        return text("d", headers={"Date": "Sun, 06 Nov 1994 08:49:37 GMT"})
    if k == "server":
        return text("s", headers={"Server": "mine/1.0"})
    if k == "204-cl":
        return empty(status=204, headers={"Content-Length": "0"})
    if k == "204-body":
        return text("body", status=204)
    if k == "304-body":
        return text("body", status=304)
    if k == "204-te":
        return empty(status=204, headers={"Transfer-Encoding": "chunked"})
    if k == "304-cl":
        return empty(status=304, headers={"Content-Length": "5"})
    if k == "keep-alive-field":
        return text("k", headers={"Keep-Alive": "timeout=5"})
    if k == "trailer":
        return text("t", headers={"Trailer": "X-T"})
    raise SanicException("no such field case", status_code=404)


@app.route("/head-304", methods=["GET", "HEAD"])
async def head_304(request):
    return empty(status=304, headers={"etag": '"v1"'})


@app.get("/status0")
async def status0(request):
    return text("zero", status=0)


@app.get("/bad-request-then")
async def bad_request_then(request):
    raise SanicException("nope", status_code=400)


@app.route("/hdr/<k>", methods=["GET", "HEAD"])
async def hdr(request, k):
    values = {
        "spaces": {"X-A": "  v  "},
        "empty": {"X-E": ""},
        "utf8": {"X-U": "caf\u00e9"},
        "int": {"X-N": 5},
        "name-space": {"X A": "1"},
        "name-colon": {"X:A": "1"},
        "tab": {"X-T": "a\tb"},
    }
    return text("h", headers=values[k])


@app.head("/head-cl")
async def head_cl(request):
    return HTTPResponse(headers={"Content-Length": "100"})


@app.head("/head-cl-raw")
async def head_cl_raw(request):
    return raw(b"", headers={"content-length": "100"}, content_type="text/plain")


@app.head("/head-cl-empty")
async def head_cl_empty(request):
    return empty(status=200, headers={"content-length": "100"})


@app.get("/head-cl-empty")
async def head_cl_empty_get(request):
    return text("x" * 100)


# As sanic-ext does for CONNECT and TRACE: extension methods a route may take.
app.router.ALLOWED_METHODS = (*app.router.ALLOWED_METHODS, "BREW", "PROPFIND", "TRACE")


@app.route("/brew", methods=["BREW"])
async def brew(request):
    return text("brewed " + request.method)


@app.route("/propfind", methods=["PROPFIND", "GET"])
async def propfind(request):
    return text("pf " + request.method)


@app.route("/lower", methods=["get", "post"])
async def lower(request):
    return text("lower " + request.method)


@app.route("/trace", methods=["TRACE"])
async def trace(request):
    return text("traced")


@app.get("/boom")
async def boom(request):
    raise ValueError("boom")
