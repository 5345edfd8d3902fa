"""More removed names: register_blueprint, static url_for, logging config, test manager."""

CASES: dict[str, str] = {}

CASES["register_blueprint"] = '''
from sanic import Sanic, Blueprint
app = Sanic("A")
app.register_blueprint(Blueprint("b"))
'''

CASES["remove_route"] = '''
from sanic import Sanic
app = Sanic("A")
app.remove_route("/x")
'''

CASES["static_url_for_old"] = '''
import os, tempfile
from sanic import Sanic
d = tempfile.mkdtemp()
p = os.path.join(d, "f.txt")
with open(p, "w") as f:
    f.write("x")
app = Sanic("A")
app.static("/one", p)
app.static("/dir", d, name="d")
for kw in [dict(filename="f.txt"), dict(name="static", filename="f.txt"),
           dict(name="d", filename="f.txt"), dict(name="A.static.d", filename="g.txt"),
           dict(name="nope", filename="f.txt"), dict(), dict(name="d")]:
    try:
        print(kw, app.url_for("static", **kw))
    except Exception as e:
        print(kw, type(e).__name__, e)
'''

CASES["logging_config_old"] = '''
from sanic.log import LOGGING_CONFIG_DEFAULTS as L
print(sorted(L), sorted(L["formatters"]), sorted(L["handlers"]))
print(sorted(L["loggers"]["sanic.root"]))
print(L["formatters"]["generic"].get("format"), L["formatters"]["generic"].get("class"))
'''

CASES["logging_config_custom_old"] = '''
import copy
from sanic import Sanic, text
from sanic.log import LOGGING_CONFIG_DEFAULTS
cfg = copy.deepcopy(LOGGING_CONFIG_DEFAULTS)
cfg["formatters"]["generic"]["format"] = "OLD %(message)s"
cfg["handlers"]["console"]["stream"] = "ext://sys.stdout"
app = Sanic("A", log_config=cfg)
from sanic.log import logger
logger.info("hello")
'''

CASES["logging_config_dict_minimal"] = '''
from sanic import Sanic
from sanic.log import logger, access_logger
cfg = {"version": 1, "disable_existing_loggers": False,
       "handlers": {"h": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}},
       "loggers": {"sanic.root": {"level": "INFO", "handlers": ["h"]}}}
app = Sanic("A", log_config=cfg)
logger.info("minimal")
print(access_logger.handlers, logger.propagate)
'''

CASES["test_manager"] = '''
from sanic import Sanic, text
from sanic_testing import TestManager
app = Sanic("A")
@app.get("/")
async def h(request):
    return text("ok")
TestManager(app)
_, r = app.test_client.get("/")
print(r.status)
_, r = app.asgi_client.get("/") if False else (None, None)
'''

CASES["route_decorator_returns"] = '''
from sanic import Sanic, text
app = Sanic("A")
async def h(request):
    return text("x")
r = app.route("/")(h)
print(r is h, type(r).__name__)
r = app.get("/a", name="a")(h)
print(r is h)
r = app.websocket("/ws")(h)
print(r is h)
r = app.add_route(h, "/b", name="b")
print(r is h)
'''

CASES["handler_returns_none"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.get("/")
async def h(request):
    pass
@app.get("/s")
async def s(request):
    return "a string"
@app.get("/d")
async def d(request):
    return {"a": 1}
req(app); req(app, "/s"); req(app, "/d")
'''

CASES["sync_handler"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.get("/")
def h(request):
    return text("sync")
req(app)
'''

CASES["request_args_old_access"] = '''
from sanic import Sanic, json
app = Sanic("A")
@app.get("/")
async def h(request):
    a = request.args
    return json({"get": a.get("x"), "list": a.getlist("x"), "raw": a["x"], "keys": list(a),
                 "q": request.get_args(keep_blank_values=True), "dict": dict(a)})
req(app, "/?x=1&x=2&e=")
'''

CASES["request_headers_old"] = '''
from sanic import Sanic, json
app = Sanic("A")
@app.get("/")
async def h(request):
    hd = request.headers
    return json({"getone": hd.getone("x-a"), "getall": hd.getall("x-a"),
                 "get": hd.get("X-A"), "items": len(list(hd.items())), "in": "x-a" in hd})
req(app, headers=[("x-a", "1"), ("x-a", "2")])
'''

CASES["request_files_old"] = '''
from sanic import Sanic, json
app = Sanic("A")
@app.post("/")
async def h(request):
    f = request.files.get("f")
    return json({"name": f.name, "type": f.type, "body": f.body.decode(), "fields": list(f._fields) if hasattr(f, "_fields") else None, "tuple": len(f)})
req(app, method="post", files={"f": ("a.txt", b"data", "text/plain")})
'''

CASES["response_cookies_old"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.get("/")
async def h(request):
    r = text("x")
    r.cookies["a"] = "b"
    r.cookies["a"]["httponly"] = True
    return r
req(app)
'''

CASES["response_headers_old"] = '''
from sanic.response import text
r = text("x")
r.headers["Content-Type"] = "text/x"
print(r.content_type, r.headers.get("content-type"))
r.content_type = "a/b"
print(r.content_type, r.headers.get("content-type"))
print(r.output() if hasattr(r, "output") else "no output")
'''

CASES["request_old_body_stream"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.post("/")
async def h(request):
    print(request.stream is None, type(request.stream).__name__)
    return text(str(await request.receive_body()) if hasattr(request, "receive_body") else "-")
req(app, method="post", content="x")
'''
