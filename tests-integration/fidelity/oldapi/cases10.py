"""Keyword forms of decorators as older code wrote them."""

CASES: dict[str, str] = {}

CASES["middleware_attach_to_kw"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
@app.middleware(attach_to="response")
async def m(request, response):
    print("resp mw kw")
async def r(request):
    print("req mw kw")
app.register_middleware(r, attach_to="request")
app.register_middleware(middleware=r, attach_to="request")
bp = Blueprint("b")
@bp.middleware(attach_to="request")
async def bm(request):
    print("bp mw kw")
@bp.get("/")
async def h(request):
    return text("ok")
app.blueprint(bp)
req(app)
'''

CASES["listener_event_kw"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.listener(event="before_server_start")
async def a(app):
    print("kw event")
async def b(app):
    print("registered")
app.register_listener(b, "after_server_start")
app.register_listener(listener=b, event="before_server_stop")
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''

CASES["exception_varargs"] = '''
from sanic import Sanic, text
from sanic.exceptions import NotFound, ServerError
app = Sanic("A")
@app.exception(NotFound, ServerError)
async def h(request, exc):
    return text("handled " + type(exc).__name__, status=exc.status_code)
@app.get("/")
async def root(request):
    raise ServerError("x")
req(app, "/x"); req(app)
'''

CASES["route_uri_kw"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.route(uri="/x", methods=["GET"])
async def h(request):
    return text("x")
@app.get(uri="/y")
async def y(request):
    return text("y")
app.add_route(handler=h, uri="/z", name="z")
req(app, "/x"); req(app, "/y"); req(app, "/z")
'''

CASES["websocket_uri_kw"] = '''
from sanic import Sanic
app = Sanic("A")
@app.websocket(uri="/ws")
async def ws(request, ws):
    await ws.send("hi")
app.add_websocket_route(handler=ws, uri="/ws2", name="ws2")
print(sorted(r.path for r in app.router.routes))
'''

CASES["signal_old"] = '''
import asyncio
from sanic import Sanic, text
app = Sanic("A")
@app.signal("http.lifecycle.request")
async def s(request):
    print("signal lifecycle request")
@app.signal("foo.bar.baz")
async def f(**kw):
    print("custom", kw)
@app.get("/")
async def h(request):
    await request.app.dispatch("foo.bar.baz", context={"a": 1})
    return text("ok")
req(app)
'''

CASES["static_name_kw_old"] = '''
import os, tempfile
from sanic import Sanic
d = tempfile.mkdtemp()
with open(os.path.join(d, "f.txt"), "w") as f:
    f.write("hello")
app = Sanic("A")
app.static(uri="/s", file_or_directory=d, pattern=r"/?.+", host=None, strict_slashes=None)
req(app, "/s/f.txt")
'''

CASES["blueprint_kw_old"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
bp = Blueprint(name="b", url_prefix="/p", host=None, version=None, strict_slashes=None)
@bp.route("/x", methods=["GET"])
async def h(request):
    return text("x")
app.blueprint(blueprint=bp)
req(app, "/p/x")
'''
