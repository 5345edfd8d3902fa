"""Request attributes, error handlers, blueprints, static, middleware, tasks."""

CASES: dict[str, str] = {}

CASES["request_old_attrs"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.post("/")
async def h(request):
    out = []
    for name in ["raw_args", "query_args", "parsed_args", "parsed_form", "parsed_files",
                 "parsed_json", "parsed_not_grouped_args", "parsed_accept", "parsed_token",
                 "parsed_forwarded", "parsed_credentials", "raw_url", "uri_template",
                 "endpoint", "remote_addr", "ip", "port", "server_name", "server_port",
                 "scheme", "host", "socket", "match_info", "stream", "route", "name",
                 "conn_info", "transport", "_socket", "version", "headers.get('host')",
                 "protocol.__class__.__name__", "request_middleware_started", "app.name",
                 "body", "content_type", "query_string", "url", "path", "token"]:
        try:
            v = eval("request." + name)
            if name in ("port", "socket", "transport", "_socket", "conn_info", "stream", "route"):
                v = type(v).__name__
            out.append(f"{name}={v!r}")
        except Exception as e:
            out.append(f"{name}!{type(e).__name__}: {e}")
    return text("\\n".join(out))
r = req(app, "/?a=1&b=2", method="post", data="x=1")
print(r.text.replace("127.0.0.1:", "H:") if r else None)
'''

CASES["error_handler_add"] = '''
from sanic import Sanic, text
from sanic.exceptions import NotFound, SanicException
app = Sanic("A")
def nf(request, exc):
    return text("custom " + type(exc).__name__, status=404)
app.error_handler.add(NotFound, nf)
@app.get("/")
async def root(request):
    return text("root")
print(app.error_handler.lookup(NotFound("x"), None) is nf)
req(app, "/missing")
'''

CASES["error_handler_lookup_one_arg"] = '''
from sanic import Sanic, text
from sanic.handlers import ErrorHandler
class H(ErrorHandler):
    def lookup(self, exception):
        return super().lookup(exception, None)
app = Sanic("A", error_handler=H())
@app.get("/")
async def h(request):
    raise ValueError("boom")
req(app)
'''

CASES["error_handler_assign"] = '''
from sanic import Sanic, text
from sanic.handlers import ErrorHandler
class H(ErrorHandler):
    def default(self, request, exception):
        return text("mine " + type(exception).__name__, status=500)
app = Sanic("A")
app.error_handler = H()
@app.get("/")
async def h(request):
    raise ValueError("boom")
req(app)
'''

CASES["error_handler_old_init"] = '''
from sanic.handlers import ErrorHandler
h = ErrorHandler("auto")
print(h.fallback if hasattr(h, "fallback") else "nofallback")
ErrorHandler(fallback="html")
'''

CASES["error_handler_response_old"] = '''
from sanic import Sanic, text
from sanic.handlers import ErrorHandler
class H(ErrorHandler):
    def response(self, request, exception):
        return text("resp " + type(exception).__name__, status=418)
app = Sanic("A", error_handler=H())
@app.get("/")
async def h(request):
    raise ValueError("boom")
req(app)
'''

CASES["exception_decorator_list"] = '''
from sanic import Sanic, text
from sanic.exceptions import NotFound, ServerError
app = Sanic("A")
@app.exception([NotFound, ServerError])
async def h(request, exc):
    return text("handled " + type(exc).__name__, status=exc.status_code)
@app.get("/")
async def root(request):
    return text("root")
req(app, "/x")
'''

CASES["bp_url_prefix_override"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
bp = Blueprint("b", url_prefix="/orig", version=1)
@bp.get("/x")
async def h(request):
    return text(request.path)
app.blueprint(bp, url_prefix="/new", version=2, strict_slashes=True, version_prefix="/ver")
print(sorted(r.path for r in app.router.routes))
req(app, "/ver2/new/x")
'''

CASES["bp_group_url_prefix"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
b1 = Blueprint("b1", url_prefix="/one")
b2 = Blueprint("b2")
@b1.get("/x")
async def h1(request):
    return text("1")
@b2.get("/y")
async def h2(request):
    return text("2")
g = Blueprint.group(b1, b2, url_prefix="/api", version=3, strict_slashes=True)
app.blueprint(g)
print(sorted(r.path for r in app.router.routes))
req(app, "/v3/api/one/x")
'''

CASES["bp_group_list_arg"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
b1 = Blueprint("b1")
b2 = Blueprint("b2")
@b1.get("/x")
async def h1(request):
    return text("1")
@b2.get("/y")
async def h2(request):
    return text("2")
g = Blueprint.group([b1, b2], url_prefix="/api")
app.blueprint(g)
print(sorted(r.path for r in app.router.routes))
'''

CASES["app_blueprint_list"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
b1 = Blueprint("b1", url_prefix="/a")
b2 = Blueprint("b2", url_prefix="/b")
@b1.get("/x")
async def h1(request):
    return text("1")
@b2.get("/y")
async def h2(request):
    return text("2")
app.blueprint([b1, b2], url_prefix="/p")
app.blueprint((b1,), url_prefix="/q")
print(sorted(r.path for r in app.router.routes))
'''

CASES["app_blueprint_twice"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
b1 = Blueprint("b1")
@b1.get("/x")
async def h1(request):
    return text("1")
app.blueprint(b1)
app.blueprint(b1)
print(sorted(r.path for r in app.router.routes))
req(app, "/x")
'''

CASES["bp_old_kwargs"] = '''
from sanic import Blueprint
bp = Blueprint("b", host="example.com", strict_slashes=True, version=1, version_prefix="/v")
print(bp.host, bp.strict_slashes, bp.version, bp.url_prefix)
Blueprint("c", "/prefix")
print(Blueprint("d", "/p").url_prefix)
'''

CASES["static_old_kwargs"] = '''
import os, tempfile
from sanic import Sanic
d = tempfile.mkdtemp()
with open(os.path.join(d, "f.txt"), "w") as f:
    f.write("hello")
app = Sanic("A")
app.static("/s", d, stream_large_files=True, use_modified_since=False,
           use_content_range=True, content_type="text/x-old", name="st")
r = req(app, "/s/f.txt", headers={"Range": "bytes=0-1"})
print(r.headers.get("last-modified") is not None, r.headers.get("content-range"))
'''

CASES["static_file_content_type"] = '''
import os, tempfile
from sanic import Sanic
d = tempfile.mkdtemp()
p = os.path.join(d, "f.txt")
with open(p, "w") as f:
    f.write("hello")
app = Sanic("A")
app.static("/one", p, content_type="application/x-thing")
req(app, "/one")
'''

CASES["static_bad_kw"] = '''
import tempfile
from sanic import Sanic
app = Sanic("A")
app.static("/s", tempfile.mkdtemp(), file_uri="x")
'''

CASES["bp_static_old_kwargs"] = '''
import os, tempfile
from sanic import Sanic, Blueprint
d = tempfile.mkdtemp()
with open(os.path.join(d, "f.txt"), "w") as f:
    f.write("hello")
app = Sanic("A")
bp = Blueprint("b", url_prefix="/bp")
bp.static("/s", d, use_modified_since=True, stream_large_files=1024, use_content_range=False)
app.blueprint(bp)
r = req(app, "/bp/s/f.txt", headers={"Range": "bytes=0-1"})
print(r.headers.get("content-range"))
print(app.url_for("static", name="b.static", filename="f.txt"))
'''

CASES["register_middleware_str"] = '''
from sanic import Sanic, text
app = Sanic("A")
async def m(request):
    print("req mw")
async def r(request, response):
    print("resp mw")
app.register_middleware(m, "request")
app.register_middleware(r, "response")
app.register_middleware(m)
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''

CASES["register_middleware_bad"] = '''
from sanic import Sanic
app = Sanic("A")
async def m(request):
    pass
app.register_middleware(m, "bogus")
print(app.request_middleware, app.response_middleware)
'''

CASES["middleware_decorator_forms"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.middleware
async def a(request):
    print("bare")
@app.middleware("response")
async def b(request, response):
    print("resp")
@app.on_request
async def c(request):
    print("on_request")
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''

CASES["add_task_before_run"] = '''
from sanic import Sanic, text
app = Sanic("A")
async def t():
    print("coro task ran")
async def t2(app):
    print("app task ran", type(app).__name__)
def t3(app):
    print("sync fn task", type(app).__name__)
r = app.add_task(t())
print("returned", r)
app.add_task(t2)
app.add_task(t3)
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''

CASES["add_task_named_before_run"] = '''
from sanic import Sanic, text
app = Sanic("A")
async def t():
    print("ran")
print(app.add_task(t(), name="x"))
@app.get("/")
async def h(request):
    print(request.app.get_task("x", raise_exception=False))
    return text("ok")
req(app)
'''

CASES["add_task_sync_fn_noargs"] = '''
from sanic import Sanic, text
app = Sanic("A")
def t():
    print("noargs")
app.add_task(t)
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''
