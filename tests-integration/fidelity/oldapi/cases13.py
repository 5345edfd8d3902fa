"""Blueprint semantics older code relied on (app-wide handlers, options)."""

CASES: dict[str, str] = {}

CASES["bp_exception_app_wide_404"] = '''
from sanic import Sanic, Blueprint, text
from sanic.exceptions import NotFound, SanicException
app = Sanic("A")
bp = Blueprint("b", url_prefix="/b")
@bp.exception(NotFound)
async def nf(request, exc):
    return text("bp handler", 404)
@bp.get("/x")
async def x(request):
    raise NotFound("in bp")
@app.get("/")
async def root(request):
    raise NotFound("in app")
app.blueprint(bp)
req(app, "/b/x"); req(app, "/"); req(app, "/nope"); req(app, "/b/nope")
'''

CASES["bp_middleware_app_wide"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
bp = Blueprint("b", url_prefix="/b")
@bp.middleware("request")
async def m(request):
    print("bp mw on", request.path)
@bp.get("/x")
async def x(request):
    return text("x")
@app.get("/")
async def root(request):
    return text("root")
app.blueprint(bp)
req(app, "/b/x"); req(app, "/"); req(app, "/b/nope")
'''

CASES["bp_unknown_option"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
bp = Blueprint("b")
@bp.get("/x")
async def x(request):
    return text("x")
app.blueprint(bp, foo=1)
print(sorted(r.path for r in app.router.routes))
'''

CASES["bp_static_app_level_name"] = '''
import os, tempfile
from sanic import Sanic, Blueprint
d = tempfile.mkdtemp()
with open(os.path.join(d, "f.txt"), "w") as f:
    f.write("x")
app = Sanic("A")
bp = Blueprint("b", url_prefix="/b")
bp.static("/s", d)
app.blueprint(bp)
print(app.url_for("b.static", filename="f.txt"))
print(app.url_for("static", name="b.static", filename="f.txt"))
'''

CASES["bp_listener_priority_old"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
bp = Blueprint("b")
@bp.listener("before_server_start")
async def l(app, loop):
    print("bp listener with loop")
@bp.before_server_start
async def l2(app):
    print("bp listener")
app.blueprint(bp)
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''

CASES["bp_websocket_old"] = '''
from sanic import Sanic, Blueprint
app = Sanic("A")
bp = Blueprint("b", url_prefix="/b")
@bp.websocket("/ws")
async def ws(request, ws):
    await ws.send("hi")
app.blueprint(bp)
print(app.url_for("b.ws"), app.url_for("b.ws", _external=True, _server="h"))
'''

CASES["bp_same_name_twice"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
b1 = Blueprint("b", url_prefix="/1")
b2 = Blueprint("b", url_prefix="/2")
@b1.get("/")
async def h1(request):
    return text("1")
@b2.get("/")
async def h2(request):
    return text("2")
app.blueprint(b1)
app.blueprint(b2)
'''
