"""Positional arguments as older releases took them."""

CASES: dict[str, str] = {}

CASES["sanic_no_name"] = '''
from sanic import Sanic
app = Sanic()
print(app.name)
'''

CASES["sanic_positional_router"] = '''
from sanic import Sanic
from sanic.router import Router
app = Sanic("A", Router())
print(type(app.router).__name__)
'''

CASES["sanic_positional_many"] = '''
from sanic import Sanic
app = Sanic("A", None, None, None)
print(app.name)
'''

CASES["sanic_old_kwargs"] = '''
from sanic import Sanic
from sanic.handlers import ErrorHandler
from sanic.request import Request
app = Sanic(name="A", router=None, error_handler=ErrorHandler(), request_class=Request,
            strict_slashes=False, log_config=None, configure_logging=True)
print(app.name)
'''

CASES["file_positional"] = '''
import os, tempfile
from sanic import Sanic
from sanic.response import file
d = tempfile.mkdtemp()
p = os.path.join(d, "f.txt")
with open(p, "w") as f:
    f.write("hello")
app = Sanic("A")
@app.get("/")
async def h(request):
    return await file(p, 201, "text/x")
req(app)
'''

CASES["exceptions_positional_status"] = '''
from sanic.exceptions import SanicException, InvalidUsage, ServerError, NotFound
for cls, args in [(SanicException, ("m", 418)), (InvalidUsage, ("m", 422)),
                  (ServerError, ("m", 503)), (NotFound, ("m", 410))]:
    try:
        e = cls(*args)
        print(cls.__name__, e.status_code, str(e))
    except Exception as ex:
        print(cls.__name__, type(ex).__name__, ex)
'''

CASES["exceptions_kw_old"] = '''
from sanic.exceptions import SanicException, Unauthorized, MethodNotSupported, ContentRangeError, HeaderNotFound
print(Unauthorized("x", scheme="Bearer", realm="r").headers)
e = MethodNotSupported("m", "POST", ["GET"])
print(e.headers, e.status_code)
try:
    ContentRangeError("m", None)
except Exception as ex:
    print(type(ex).__name__, ex)
print(HeaderNotFound("h").status_code)
'''

CASES["exceptions_old_message_attr"] = '''
from sanic.exceptions import NotFound, SanicException
e = NotFound()
print(repr(e.message), repr(str(e)), e.quiet, e.status_code)
e = SanicException()
print(repr(e.message), repr(str(e)), e.quiet, e.status_code)
print(SanicException.status_code, getattr(SanicException, "message", None))
'''

CASES["view_as_view_args"] = '''
from sanic import Sanic, text
from sanic.views import HTTPMethodView
class V(HTTPMethodView):
    def __init__(self, word):
        self.word = word
    async def get(self, request):
        return text(self.word)
app = Sanic("A")
app.add_route(V.as_view("hello"), "/")
req(app)
'''

CASES["run_positional"] = '''
import socket
from sanic import Sanic, text
s = socket.socket(); s.bind(("127.0.0.1", 0)); PORT = s.getsockname()[1]; s.close()
app = Sanic("A")
@app.get("/")
async def h(request):
    return text("ok")
@app.after_server_start
async def stop(app):
    print("started", app.debug, app.state.is_debug)
    app.stop()
app.run("127.0.0.1", PORT, True, single_process=True)
'''

CASES["config_positional"] = '''
from sanic.config import Config
c = Config({"A": 1})
print(c.get("A"))
c = Config(defaults={"B": 2}, env_prefix="X_")
print(c.get("B"))
Config(None, None, "SANIC_", True)
'''

CASES["url_for_positional"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.get("/x/<a>")
async def h(request, a):
    return text(request.url_for("h", a="z"))
print(app.url_for("h", a=1, b=[1, 2]))
req(app, "/x/1")
'''
