"""Responses, test client, url_for, router, forms, logging, old module paths."""

CASES: dict[str, str] = {}

CASES["httpresponse_old_kwargs"] = '''
from sanic.response import HTTPResponse
r = HTTPResponse(body="x", content_type="text/plain")
print(r.status, r.content_type, r.body)
r = HTTPResponse("x", 201, {"a": "b"}, "text/html")
print(r.status, r.content_type, dict(r.headers))
r = HTTPResponse(body_bytes=b"x")
'''

CASES["httpresponse_bytes_ct"] = '''
from sanic.response import HTTPResponse
r = HTTPResponse(b"x", content_type=None)
print(repr(r.content_type))
r = HTTPResponse(None)
print(repr(r.body), repr(r.content_type))
r = HTTPResponse(5)
'''

CASES["text_old_kwargs"] = '''
from sanic.response import text, html, json, raw, redirect, empty
print(text("x", 201, {"a": "b"}, "text/x").status)
print(json({"a": 1}, 201, {"h": "v"}, "application/x-json").content_type)
print(json({"a": "/"}, escape_forward_slashes=False).body)
print(json({"a": 1}, indent=2).body)
print(json({"a": 1}, sort_keys=True, separators=(",", ":")).body)
print(raw(b"x", 200, None, "app/x").content_type)
r = redirect("/x", {"h": "v"}, 301, "text/x")
print(r.status, r.headers.get("location"), r.content_type)
print(empty(200).status, empty(headers={"a": "b"}).headers)
text(b"bytes")
'''

CASES["text_non_str"] = '''
from sanic.response import text
text(5)
'''

CASES["html_obj"] = '''
from sanic.response import html
class P:
    def __html__(self):
        return "<p>x</p>"
class Q:
    def _repr_html_(self):
        return "<q>"
print(html(P()).body, html(Q()).body)
'''

CASES["file_headers"] = '''
import os, tempfile, asyncio
from sanic import Sanic
from sanic.response import file, file_stream
d = tempfile.mkdtemp()
p = os.path.join(d, "f.txt")
with open(p, "w") as f:
    f.write("hello")
app = Sanic("A")
@app.get("/")
async def h(request):
    return await file(p, headers={"X-A": "b"}, mime_type="text/x", filename="n.txt")
@app.get("/s")
async def s(request):
    return await file_stream(p, headers={"X-A": "c"}, chunked=False)
@app.get("/s2")
async def s2(request):
    return await file_stream(p, chunk_size=2, mime_type="a/b", filename="x y.txt")
r = req(app)
print(r.headers.get("x-a"), r.headers.get("content-disposition"))
r = req(app, "/s")
r = req(app, "/s2")
if r: print(r.headers.get("content-disposition"), r.headers.get("transfer-encoding"))
'''

CASES["form_bad_ct"] = '''
from sanic import Sanic, json
app = Sanic("A")
@app.post("/")
async def h(request):
    return json({"form": request.form, "files": request.files, "ct": request.content_type})
req(app, method="post", content="a=1", headers={"content-type": "text/plain"})
req(app, method="post", content="a=1", headers={"content-type": "application/json"})
req(app, method="post", content="a=1", headers={"content-type": "multipart/form-data"})
req(app, method="post", content="a=1", headers={"content-type": "application/x-www-form-urlencoded; charset=latin-1"})
req(app, method="post", content="a=1")
'''

CASES["form_get_old"] = '''
from sanic import Sanic, json
app = Sanic("A")
@app.post("/")
async def h(request):
    f = request.form
    return json({"get": f.get("a"), "getlist": f.getlist("a"), "item": f["a"], "get_form": request.get_form(keep_blank_values=True)})
req(app, method="post", content="a=1&a=2&b=", headers={"content-type": "application/x-www-form-urlencoded"})
'''

CASES["router_add_direct"] = '''
from sanic import Sanic, text
app = Sanic("A")
async def h(request):
    return text("direct")
r = app.router.add("/d", ["GET"], h, name="A.d")
print(type(r).__name__)
req(app, "/d")
'''

CASES["router_add_old_positional"] = '''
from sanic import Sanic, text
app = Sanic("A")
async def h(request):
    return text("direct")
app.router.add(uri="/d", methods=frozenset({"GET"}), handler=h)
req(app, "/d")
'''

CASES["router_get_old"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.get("/x/<a:int>")
async def h(request, a):
    return text("x")
app.router.finalize()
route, handler, params = app.router.get("/x/5", "GET", None)
print(route.name, handler.__name__, params)
print(app.router.routes_all.keys())
print(list(app.router.routes_static), list(app.router.routes_dynamic), list(app.router.routes_regex))
app.router.get("/x/5", "GET")
'''

CASES["test_client_gather_false"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.get("/")
async def h(request):
    return text("ok")
r = app.test_client.get("/", gather_request=False)
print(type(r).__name__, r.status, r.text)
'''

CASES["test_client_old_kwargs"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.post("/")
async def h(request):
    return text(str(request.json) + str(request.body))
_, r = app.test_client.post("/", data='{"a": 1}', headers={"content-type": "application/json"})
print(r.status, r.text)
_, r = app.test_client.post("/", json={"a": 1})
print(r.json if r.headers.get("content-type") == "application/json" else r.text)
_, r = app.test_client.get("/", server_kwargs={"access_log": False})
print(r.status)
'''

CASES["test_client_uri_port"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.get("/")
async def h(request):
    return text("ok")
req_, r = app.test_client.get("/", port=None)
print(r.status)
'''

CASES["url_for_method"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.route("/x", methods=["GET", "POST"])
async def h(request):
    return text("x")
print(app.url_for("h", _method="POST"))
print(app.url_for("h", _method="GET", a=1))
print(app.url_for("h", _external=True, _server="example.com", _scheme="https"))
print(app.url_for("h", _anchor="top", _method="PUT"))
'''

CASES["url_for_old_names"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
bp = Blueprint("bp")
@bp.get("/x")
async def h(request):
    return text("x")
app.blueprint(bp)
print(app.url_for("bp.h"))
print(app.url_for("A.bp.h"))
app.url_for("h")
'''

CASES["log_old"] = '''
import sanic.log as L
print(sorted(n for n in dir(L) if not n.startswith("__")))
from sanic.log import log
'''

CASES["log_names"] = '''
from sanic.log import logger, error_logger, access_logger, LOGGING_CONFIG_DEFAULTS
print(logger.name, error_logger.name, access_logger.name)
print(sorted(LOGGING_CONFIG_DEFAULTS["loggers"]))
'''
