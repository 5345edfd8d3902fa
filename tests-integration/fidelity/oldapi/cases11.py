"""Sanic's deprecation machinery: DEPRECATION_FILTER and sanic.log.deprecation."""

CASES: dict[str, str] = {}

_LOOP_APP = '''
from sanic import Sanic, text
app = Sanic("A")
app.config.DEPRECATION_FILTER = {f!r}
@app.listener("before_server_start")
async def a(app, loop):
    print("listener ran")
@app.get("/")
async def h(request):
    return text("ok")
req(app)
'''

for _f in ["ignore", "error", "once", "always", "default", "module", "bogus"]:
    CASES[f"deprecation_filter_{_f}"] = _LOOP_APP.format(f=_f)

CASES["deprecation_filter_env"] = '''
import os
os.environ["SANIC_DEPRECATION_FILTER"] = "ignore"
''' + _LOOP_APP.format(f="ignore").replace("app.config.DEPRECATION_FILTER = 'ignore'\n", "")

CASES["deprecation_filter_value"] = '''
from sanic import Sanic
app = Sanic("A")
print(repr(app.config.DEPRECATION_FILTER))
'''

CASES["deprecation_function"] = '''
import sanic.log as L
print(hasattr(L, "deprecation"))
from sanic.log import deprecation
deprecation("my message", 99.1)
deprecation("other", 24)
'''

CASES["deprecation_function_logging"] = '''
from sanic.logging.deprecation import deprecation
deprecation("x", 26.6)
'''

CASES["cookies_bracket_multi"] = '''
from sanic import Sanic, json
app = Sanic("A")
@app.get("/")
async def h(request):
    c = request.cookies
    return json({"br": c["a"], "get": c.get("a"), "list": c.getlist("a"), "attr": c.a})
req(app, headers={"cookie": "a=1; a=2"})
'''
