"""request.app and the registry when a request is built by hand (older unit tests)."""

CASES: dict[str, str] = {}

CASES["request_by_hand_app"] = '''
from sanic.request import Request
from sanic.compat import Header
r = Request(b"/x?a=1", Header({"host": "h"}), "1.1", "GET", None, None)
print(repr(r.app), r.args, r.path, r.host)
for name in ["ctx", "url_for('x')", "ip", "remote_addr", "scheme", "id", "name", "route", "uri_template", "stream", "protocol", "conn_info"]:
    try:
        v = eval("r." + name)
        print(name, type(v).__name__)
    except Exception as e:
        print(name, "!", type(e).__name__, str(e)[:120])
'''

CASES["request_by_hand_with_app"] = '''
from sanic import Sanic
from sanic.request import Request
from sanic.compat import Header
app = Sanic("A")
@app.get("/x", name="x")
async def x(request):
    pass
r = Request(b"/x", Header({"host": "h"}), "1.1", "GET", None, app)
print(r.app is app)
for name in ["url_for('x')", "scheme", "ip", "uri_template", "name", "route"]:
    try:
        print(name, repr(eval("r." + name)))
    except Exception as e:
        print(name, "!", type(e).__name__, str(e)[:120])
'''

CASES["request_get_current_outside"] = '''
from sanic import Request, Sanic
Sanic("A")
try:
    Request.get_current()
except Exception as e:
    print(type(e).__name__, e)
'''

CASES["get_app_after_test_mode_two"] = '''
from sanic import Sanic
Sanic.test_mode = True
a = Sanic("A"); b = Sanic("B")
Sanic.get_app()
'''
