"""ErrorHandler internals that custom handlers of older releases touched."""

CASES: dict[str, str] = {}

CASES["error_handler_attrs"] = '''
from sanic import Sanic, text
from sanic.exceptions import NotFound
from sanic.handlers import ErrorHandler
app = Sanic("A")
@app.exception(NotFound)
async def nf(request, exc):
    return text("nf")
h = app.error_handler
for name in ["handlers", "cached_handlers", "_missing", "debug", "fallback", "base",
             "_lookup", "_full_lookup", "_add", "log", "default", "response", "lookup",
             "add", "finalize", "_warn_fallback_deprecation", "_get_fallback_value"]:
    try:
        v = getattr(h, name)
        print(name, type(v).__name__, v if isinstance(v, (str, bool, int, type(None))) else "")
    except Exception as e:
        print(name, "!", type(e).__name__, e)
'''

CASES["error_handler_log_old"] = '''
from sanic import Sanic, text
from sanic.handlers import ErrorHandler
class H(ErrorHandler):
    def default(self, request, exception):
        self.log(request, exception)
        return text("logged", 500)
app = Sanic("A", error_handler=H())
@app.get("/")
async def h(request):
    raise ValueError("boom")
req(app)
'''

CASES["error_handler_log_old_msg"] = '''
from sanic import Sanic, text
from sanic.handlers import ErrorHandler
class H(ErrorHandler):
    def default(self, request, exception):
        self.log("a message")
        return text("logged", 500)
app = Sanic("A", error_handler=H())
@app.get("/")
async def h(request):
    raise ValueError("boom")
req(app)
'''

CASES["error_handler_init_old"] = '''
from sanic import Sanic, text
from sanic.handlers import ErrorHandler
class H(ErrorHandler):
    def __init__(self):
        super().__init__()
        self.extra = 1
app = Sanic("A", error_handler=H())
@app.get("/")
async def h(request):
    raise ValueError("boom")
req(app)
'''

CASES["error_handler_init_old_noarg_super"] = '''
from sanic import Sanic, text
from sanic.handlers import ErrorHandler
class H(ErrorHandler):
    def __init__(self):
        pass
    def default(self, request, exception):
        return text("mine", 500)
app = Sanic("A", error_handler=H())
@app.get("/")
async def h(request):
    raise ValueError("boom")
req(app)
req(app, "/missing")
'''

CASES["error_handler_default_sync_async"] = '''
from sanic import Sanic, text
from sanic.handlers import ErrorHandler
class H(ErrorHandler):
    async def default(self, request, exception):
        return text("async default", 500)
app = Sanic("A", error_handler=H())
@app.get("/")
async def h(request):
    raise ValueError("boom")
req(app)
'''

CASES["exception_handler_returns_none"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.exception(ValueError)
async def v(request, exc):
    return None
@app.get("/")
async def h(request):
    raise ValueError("boom")
req(app)
'''

CASES["exception_handler_raises"] = '''
from sanic import Sanic, text
from sanic.exceptions import NotFound
app = Sanic("A")
@app.exception(ValueError)
async def v(request, exc):
    raise NotFound("from handler")
@app.get("/")
async def h(request):
    raise ValueError("boom")
req(app)
'''

CASES["error_handler_add_then_exception"] = '''
from sanic import Sanic, text
from sanic.exceptions import NotFound
app = Sanic("A")
def a(request, exc):
    return text("a")
app.error_handler.add(NotFound, a, route_names=None)
@app.get("/")
async def h(request):
    return text("x")
req(app, "/nope")
app.error_handler.add(NotFound, a, route_names=["A.h"])
'''
