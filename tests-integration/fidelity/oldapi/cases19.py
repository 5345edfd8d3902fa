"""Request as a dict (19.x), catch-all exception handlers."""

CASES: dict[str, str] = {}

CASES["request_dict_style"] = '''
from sanic import Sanic, text
app = Sanic("A")
@app.middleware("request")
async def m(request):
    try:
        request["session"] = {"u": 1}
        print("set ok")
    except Exception as e:
        print("set", type(e).__name__, e)
    try:
        print("get", request["session"])
    except Exception as e:
        print("get", type(e).__name__, e)
    try:
        print("get2", request.get("session"))
    except Exception as e:
        print("get2", type(e).__name__, e)
    print("in", "session" in request if hasattr(type(request), "__contains__") else "no contains")
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''

CASES["exception_catch_all"] = '''
from sanic import Sanic, text
from sanic.exceptions import NotFound, SanicException
app = Sanic("A")
@app.exception(Exception)
async def anything(request, exc):
    return text("caught " + type(exc).__name__, status=getattr(exc, "status_code", 500))
@app.get("/")
async def h(request):
    raise KeyError("k")
@app.get("/s")
async def s(request):
    raise SanicException("s", status_code=409)
req(app); req(app, "/s"); req(app, "/nope"); req(app, "/", method="post")
'''

CASES["exception_sanic_base"] = '''
from sanic import Sanic, text
from sanic.exceptions import SanicException
app = Sanic("A")
@app.exception(SanicException)
async def sanic_exc(request, exc):
    return text("sanic " + type(exc).__name__, status=exc.status_code)
@app.get("/")
async def h(request):
    raise ValueError("v")
req(app); req(app, "/nope"); req(app, "/", method="post")
'''
