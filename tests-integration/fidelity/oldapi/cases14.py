"""Test-client calls as older test suites wrote them."""

CASES: dict[str, str] = {}

_APP = '''
from sanic import Sanic, text, redirect
app = Sanic("A")
@app.get("/")
async def h(request):
    return text(f"{dict(request.args)} {dict(request.cookies)}")
@app.get("/r")
async def r(request):
    return redirect("/")
'''

CASES["tc_allow_redirects"] = _APP + '''
_, r = app.test_client.get("/r", allow_redirects=False)
print(r.status)
'''

CASES["tc_follow_redirects"] = _APP + '''
_, r = app.test_client.get("/r", follow_redirects=False)
print(r.status)
_, r = app.test_client.get("/r")
print(r.status, r.url if hasattr(r, "url") else "")
'''

CASES["tc_cookies_per_request"] = _APP + '''
_, r = app.test_client.get("/", cookies={"a": "b"}, params={"x": "1"})
print(r.status, r.text)
'''

CASES["tc_asgi_cookies_per_request"] = _APP + '''
_, r = app.asgi_client.get("/", cookies={"a": "b"}, params={"x": "1"})
print(r.status, r.text)
'''

CASES["tc_asgi_gather_false"] = _APP + '''
r = app.asgi_client.get("/", gather_request=False)
print(type(r).__name__, r.status)
'''

CASES["tc_constants"] = '''
from sanic_testing.testing import PORT, HOST, SanicTestClient, SanicASGITestClient
print(PORT, HOST)
from sanic_testing.testing import TestingResponse
print(TestingResponse.__name__)
from sanic_testing import TestManager
print(TestManager.__name__)
'''

CASES["tc_explicit_port"] = _APP + '''
from sanic_testing.testing import SanicTestClient
c = SanicTestClient(app, port=None)
_, r = c.get("/")
print(r.status, c.port is not None)
'''

CASES["tc_response_attrs_old"] = _APP + '''
_, r = app.test_client.get("/?x=1")
print(r.status, r.status_code, type(r.body).__name__, type(r.content).__name__, r.json, r.text[:5])
print(r.headers["content-type"], r.cookies if hasattr(r, "cookies") else None)
'''

CASES["tc_uri_full"] = _APP + '''
_, r = app.test_client.get("http://127.0.0.1:1/?x=2")
print(r.status, r.text)
'''

CASES["tc_data_dict_old"] = '''
from sanic import Sanic, json
app = Sanic("A")
@app.post("/")
async def h(request):
    return json({"form": request.form, "ct": request.content_type})
_, r = app.test_client.post("/", data={"a": "1"})
print(r.json)
_, r = app.test_client.post("/", data="a=1")
print(r.json)
'''
