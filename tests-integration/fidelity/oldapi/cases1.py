"""Listeners, app.loop, the app registry, removed streaming APIs, config keys."""

CASES: dict[str, str] = {}

CASES["listener_app_loop"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.listener("before_server_start")
async def a(app, loop):
    print("before", type(app).__name__, loop is app.loop)
@app.listener("after_server_start")
def b(app, loop):
    print("after", loop.is_running())
@app.after_server_stop
async def c(app):
    print("stop one-arg")
@app.main_process_start
async def d(app, loop):
    print("main", loop)
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''

CASES["listener_three_args"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.listener("before_server_start")
async def a(app, loop, extra):
    print("three", extra)
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''

CASES["listener_no_args"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.listener("before_server_start")
async def a():
    print("none")
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''

CASES["listener_kw_loop"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.listener("before_server_start")
async def a(app, *, loop=None):
    print("kw", loop)
@app.listener("after_server_start")
async def b(app, loop=None):
    print("default", loop is not None)
@app.listener("before_server_stop")
async def c(*args):
    print("star", len(args))
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''

CASES["app_loop_before_run"] = '''
from sanic import Sanic
app = Sanic("A")
print(app.loop)
'''

CASES["app_loop_in_handler"] = '''
import asyncio
from sanic import Sanic, text
app = Sanic("A")
@app.get("/")
async def h(request):
    return text(str(request.app.loop is asyncio.get_running_loop()))
req(app)
'''

CASES["get_app_none"] = '''
from sanic import Sanic
Sanic.get_app()
'''

CASES["get_app_many"] = '''
from sanic import Sanic
Sanic("A"); Sanic("B")
Sanic.get_app()
'''

CASES["get_app_missing"] = '''
from sanic import Sanic
Sanic("A")
Sanic.get_app("B")
'''

CASES["get_app_force"] = '''
from sanic import Sanic
a = Sanic.get_app("B", force_create=True)
print(a.name, Sanic.get_app("B") is a, Sanic.get_app() is a)
'''

CASES["register_false"] = '''
from sanic import Sanic
a = Sanic("A", register=False)
print(list(Sanic._app_registry))
Sanic("A", register=False)
Sanic("A")
Sanic("A")
'''

CASES["register_dup"] = '''
from sanic import Sanic
Sanic("A"); Sanic("A")
'''

CASES["register_test_mode"] = '''
from sanic import Sanic
Sanic.test_mode = True
Sanic("A"); b = Sanic("A")
print(Sanic.get_app("A") is b)
'''

CASES["response_stream_import"] = '''
from sanic.response import stream
'''

CASES["response_streaming_import"] = '''
from sanic.response import StreamingHTTPResponse
'''

CASES["response_stream_attr"] = '''
import sanic.response
sanic.response.stream
'''

CASES["app_stream_decorator"] = '''
from sanic import Sanic
app = Sanic("A")
@app.stream("/x")
async def h(request):
    pass
'''

CASES["bp_stream_decorator"] = '''
from sanic import Blueprint
bp = Blueprint("b")
bp.stream("/x")
'''

CASES["stream_true_route"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.post("/", stream=True)
async def h(request):
    chunks = []
    while True:
        c = await request.stream.read()
        if c is None:
            break
        chunks.append(c)
    return text(b"".join(chunks).decode())
req(app, method="post", data="hello")
@app.route("/r", methods=["POST"], stream=True)
async def h2(request):
    return text(str(request.body))
req(app, "/r", method="post", data="x")
'''

CASES["is_request_stream"] = '''
from sanic import Sanic
app = Sanic("A")
print(app.is_request_stream)
'''

CASES["composition_view_import"] = '''
from sanic.views import CompositionView
print(CompositionView)
'''

CASES["abort"] = '''
from sanic.exceptions import abort
abort(404)
'''

CASES["abort_attr"] = '''
import sanic.exceptions as e
print(hasattr(e, "abort"), hasattr(e, "add_status_code"))
'''

CASES["config_old_keys"] = '''
from sanic import Sanic
app = Sanic("A")
for k in ["KEEP_ALIVE", "REQUEST_BUFFER_QUEUE_SIZE", "WEBSOCKET_READ_LIMIT",
          "WEBSOCKET_WRITE_LIMIT", "WEBSOCKET_MAX_QUEUE", "WEBSOCKET_MAX_SIZE",
          "ACCESS_LOG", "LOGO", "REQUEST_TIMEOUT", "RESPONSE_TIMEOUT", "KEEP_ALIVE_TIMEOUT",
          "GRACEFUL_SHUTDOWN_TIMEOUT", "FALLBACK_ERROR_FORMAT", "AUTO_RELOAD", "DEBUG",
          "REQUEST_MAX_SIZE", "REQUEST_BUFFER_SIZE", "PROXIES_COUNT", "FORWARDED_SECRET",
          "REAL_IP_HEADER", "FORWARDED_FOR_HEADER", "WEBSOCKET_PING_INTERVAL",
          "WEBSOCKET_PING_TIMEOUT", "REGISTER", "MOTD", "NOISY_EXCEPTIONS", "TOUCHUP",
          "USE_UVLOOP", "EVENT_AUTOREGISTER", "KEEP_ALIVE_TIMEOUT", "LOCAL_CERT_CREATOR"]:
    try:
        print(k, repr(getattr(app.config, k)))
    except Exception as e:
        print(k, type(e).__name__, e)
'''

CASES["config_keep_alive_false"] = '''
from sanic import Sanic, text
app = Sanic("A")
app.config.KEEP_ALIVE = False
@app.get("/")
async def h(request):
    return text("ok")
r = req(app)
print(r.headers.get("connection"))
'''

CASES["config_lowercase"] = '''
from sanic import Sanic
app = Sanic("A")
app.config.update({"keep_alive": False, "foo": 1})
print(app.config.KEEP_ALIVE, app.config.get("keep_alive"), app.config.get("foo"))
app.config.update_config({"bar": 2, "BAZ": 3})
print(app.config.get("bar"), app.config.get("BAZ"))
'''

CASES["config_websocket_set"] = '''
from sanic import Sanic
app = Sanic("A")
app.config.WEBSOCKET_READ_LIMIT = 2**16
app.config.WEBSOCKET_WRITE_LIMIT = 2**16
print(app.config.WEBSOCKET_READ_LIMIT)
'''

CASES["config_missing_attr"] = '''
from sanic import Sanic
app = Sanic("A")
app.config.NOPE
'''

CASES["load_env_str"] = '''
import os
os.environ["MYAPP_FOO"] = "1"
from sanic import Sanic
app = Sanic("A", load_env="MYAPP_")
print(app.config.get("FOO"))
'''

CASES["load_env_false"] = '''
import os
os.environ["SANIC_FOO"] = "1"
from sanic import Sanic
app = Sanic("A", load_env=False)
print(app.config.get("FOO"))
'''

CASES["env_prefix"] = '''
import os
os.environ["MYAPP_FOO"] = "1"
from sanic import Sanic
app = Sanic("A", env_prefix="MYAPP_")
print(repr(app.config.get("FOO")))
'''

CASES["strict_slashes_ctor"] = '''
from sanic import Sanic, text
app = Sanic("A", strict_slashes=True)
@app.get("/x")
async def h(request):
    return text("ok")
req(app, "/x/")
req(app, "/x")
'''

CASES["bad_app_name"] = '''
from sanic import Sanic
Sanic("my app")
'''

CASES["bad_app_name2"] = '''
from sanic import Sanic
Sanic("1app")
'''

CASES["bad_bp_name"] = '''
from sanic import Blueprint
Blueprint("my.bp")
'''

CASES["app_setattr"] = '''
from sanic import Sanic
app = Sanic("A")
app.db = 1
print(app.db)
'''

CASES["bp_setattr"] = '''
from sanic import Blueprint
bp = Blueprint("b")
bp.db = 1
print(bp.db)
'''

CASES["request_setattr"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.middleware("request")
async def m(request):
    request.user = "u"
@app.get("/")
async def h(request):
    return text(request.user)
req(app)
'''
