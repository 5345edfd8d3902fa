"""App attributes of older releases, create_server, views, routes, websockets."""

CASES: dict[str, str] = {}

CASES["app_old_attrs"] = '''
from sanic import Sanic
app = Sanic("A")
for name in ["debug", "auto_reload", "is_running", "is_stopping", "asgi", "websocket_enabled",
             "listeners", "request_middleware", "response_middleware", "named_request_middleware",
             "blueprints", "configure_logging", "sock", "go_fast", "hook", "is_request_stream",
             "test_mode", "error_handler.__class__.__name__", "router.__class__.__name__",
             "signal_router.__class__.__name__", "strict_slashes", "name", "ctx", "state.mode",
             "state.is_debug", "reload_dirs", "inspector", "_future_statics", "websocket_tasks",
             "request_class.__name__", "log_config", "dumps.__module__", "loads", "tasks",
             "state.server_info", "update_config.__name__", "shared_ctx", "multiplexer",
             "manager", "m", "_state", "get_address", "logger"]:
    try:
        v = eval("app." + name)
        v = v if isinstance(v, (bool, str, int, type(None), list, tuple, set)) else type(v).__name__
        print(name, repr(v))
    except Exception as e:
        print(name, "!", type(e).__name__, str(e)[:150])
'''

CASES["app_stop_before_run"] = '''
from sanic import Sanic
app = Sanic("A")
app.stop()
print("stopped")
'''

CASES["create_server_old"] = '''
import asyncio, socket
from sanic import Sanic, text
s = socket.socket(); s.bind(("127.0.0.1", 0)); PORT = s.getsockname()[1]; s.close()
app = Sanic("A")
@app.get("/")
async def h(request):
    return text("ok")
async def main():
    srv = await app.create_server(host="127.0.0.1", port=PORT, return_asyncio_server=True)
    print(type(srv).__name__)
    await srv.startup()
    await srv.start_serving() if hasattr(srv, "start_serving") else None
    r, w = await asyncio.open_connection("127.0.0.1", PORT)
    w.write(b"GET / HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n")
    print((await r.read()).split(b"\\r\\n")[0])
    srv.close()
    await srv.wait_closed()
    await srv.before_stop() if hasattr(srv, "before_stop") else None
    print("closed")
asyncio.run(main())
'''

CASES["create_server_default"] = '''
import asyncio, socket
from sanic import Sanic, text
s = socket.socket(); s.bind(("127.0.0.1", 0)); PORT = s.getsockname()[1]; s.close()
app = Sanic("A")
@app.get("/")
async def h(request):
    return text("ok")
async def main():
    srv = await app.create_server(host="127.0.0.1", port=PORT)
    print(type(srv).__name__)
    srv.close() if srv else None
asyncio.run(main())
'''

CASES["create_server_old_loop_pattern"] = '''
import asyncio, socket
from sanic import Sanic, text
s = socket.socket(); s.bind(("127.0.0.1", 0)); PORT = s.getsockname()[1]; s.close()
app = Sanic("A")
@app.listener("after_server_start")
async def a(app, loop):
    print("after start", loop is asyncio.get_running_loop())
@app.get("/")
async def h(request):
    return text("ok")
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
server = app.create_server(host="127.0.0.1", port=PORT, return_asyncio_server=True)
srv = loop.run_until_complete(server)
loop.run_until_complete(srv.startup())
loop.run_until_complete(srv.after_start())
print(app.loop is loop)
srv.close()
loop.run_until_complete(srv.wait_closed())
loop.close()
'''

CASES["view_stream_decorator"] = '''
from sanic import Sanic, text
from sanic.views import HTTPMethodView, stream
app = Sanic("A")
class V(HTTPMethodView):
    @stream
    async def post(self, request):
        body = b""
        while True:
            c = await request.stream.read()
            if c is None:
                break
            body += c
        return text(body.decode())
    async def get(self, request):
        return text("g")
app.add_route(V.as_view(), "/v")
req(app, "/v", method="post", content="data")
'''

CASES["view_decorators_attr"] = '''
from sanic import Sanic, text
from sanic.views import HTTPMethodView
def deco(f):
    async def w(*a, **k):
        print("decorated")
        return await f(*a, **k)
    return w
app = Sanic("A")
class V(HTTPMethodView):
    decorators = [deco]
    async def get(self, request, x):
        return text(x)
app.add_route(V.as_view(), "/v/<x>")
req(app, "/v/abc")
V.as_view(5)
'''

CASES["add_route_old_forms"] = '''
from sanic import Sanic, text
app = Sanic("A")
async def h(request):
    return text(request.method)
app.add_route(h, "/a", methods=frozenset({"GET", "POST"}))
app.add_route(h, "/b", methods=["get", "put"])
app.add_route(h, "/c", methods="GET")
req(app, "/b", method="put")
req(app, "/c")
'''

CASES["route_methods_lower"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.route("/", methods=["get", "post"])
async def h(request):
    return text(request.method)
req(app, method="post")
'''

CASES["route_bad_kw"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.route("/", methods=["GET"], strict=True)
async def h(request):
    return text("x")
'''

CASES["websocket_old"] = '''
from sanic import Sanic
app = Sanic("A")
app.enable_websocket()
@app.websocket("/ws", subprotocols=["a"])
async def ws(request, ws):
    await ws.send("hi")
    print("got", await ws.recv())
req_, r = app.test_client.websocket("/ws", mimic=lambda ws: _mimic(ws))
async def _mimic(ws):
    print("client got", await ws.recv())
    await ws.send("back")
print(r.client_received if hasattr(r, "client_received") else r)
'''

CASES["websocket_config_old"] = '''
from sanic import Sanic
app = Sanic("A")
app.config.WEBSOCKET_MAX_QUEUE = 32
app.config.WEBSOCKET_READ_LIMIT = 2 ** 16
@app.websocket("/ws")
async def ws(request, ws):
    await ws.send("hi")
async def mimic(ws):
    print("client got", await ws.recv())
app.test_client.websocket("/ws", mimic=mimic)
'''

CASES["json_invalid_body"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.post("/")
async def h(request):
    return text(str(request.json))
req(app, method="post", content="{bad")
'''

CASES["invalid_usage_raise2"] = '''
from sanic import Sanic, text
from sanic.exceptions import InvalidUsage, ServerError, SanicException
app = Sanic("A")
@app.get("/a")
async def a(request):
    raise InvalidUsage("bad thing")
@app.get("/b")
async def b(request):
    raise SanicException("teapot", status_code=418)
@app.get("/c")
async def c(request):
    raise SanicException("x", 402)
req(app, "/a"); req(app, "/b"); req(app, "/c")
print(InvalidUsage.__mro__[1].__name__, InvalidUsage.status_code)
'''

CASES["config_from_old"] = '''
import os, tempfile
from sanic import Sanic
app = Sanic("A")
d = tempfile.mkdtemp()
p = os.path.join(d, "c.py")
with open(p, "w") as f:
    f.write("FOO = 1\\nbar = 2\\n")
app.config.from_pyfile(p)
print(app.config.get("FOO"), app.config.get("bar"))
os.environ["CFG"] = p
app.config.from_envvar("CFG")
class O:
    BAZ = 3
    qux = 4
app.config.from_object(O)
print(app.config.get("BAZ"), app.config.get("qux"))
app.config.from_object("os.path")
print(app.config.get("SEP") if "SEP" in app.config else "no SEP")
app.update_config(p)
app.config.load({"Z": 1})
print(app.config.Z)
'''

CASES["config_from_envvar_missing"] = '''
from sanic import Sanic
app = Sanic("A")
app.config.from_envvar("NOPE_NOT_SET")
'''

CASES["config_from_pyfile_missing"] = '''
from sanic import Sanic
app = Sanic("A")
app.config.from_pyfile("/nope/x.py")
'''

CASES["request_get_current"] = '''
from sanic import Sanic, text, Request
app = Sanic("A")
Request.get_current()
'''

CASES["blueprint_group_middleware_old"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
b1 = Blueprint("b1", url_prefix="/a")
@b1.get("/")
async def h(request):
    return text("a")
g = Blueprint.group(b1, url_prefix="/g")
@g.middleware("request")
async def m(request):
    print("group mw")
@g.middleware
async def m2(request):
    print("group mw bare")
app.blueprint(g)
req(app, "/g/a")
'''

CASES["bp_register_old"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
bp = Blueprint("b")
@bp.get("/")
async def h(request):
    return text("a")
bp.register(app, {})
print(sorted(r.path for r in app.router.routes))
'''

CASES["bp_listener_old"] = '''
from sanic import Sanic, Blueprint, text
app = Sanic("A")
bp = Blueprint("b")
@bp.listener("before_server_start")
async def l(app, loop):
    print("bp listener", type(app).__name__)
@bp.get("/")
async def h(request):
    return text("a")
app.blueprint(bp)
req(app)
'''

CASES["exception_handler_sig_old"] = '''
from sanic import Sanic, text
from sanic.exceptions import NotFound
app = Sanic("A")
@app.exception(NotFound)
def nf(request, exception):
    return text("nf", 404)
@app.exception(ValueError)
async def ve(request):
    return text("v")
@app.get("/")
async def h(request):
    raise ValueError()
req(app, "/x"); req(app)
'''
