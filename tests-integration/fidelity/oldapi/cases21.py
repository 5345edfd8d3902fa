"""Custom Request classes written against older signatures."""

CASES: dict[str, str] = {}

CASES["request_class_old_init"] = '''
from sanic import Sanic, text
from sanic.request import Request
class MyRequest(Request):
    def __init__(self, url_bytes, headers, version, method, transport, app, head=b"", **kw):
        super().__init__(url_bytes, headers, version, method, transport, app, head, **kw)
        self.user = None
app = Sanic("A", request_class=MyRequest)
@app.get("/")
async def h(request):
    return text(f"{type(request).__name__} {request.user}")
req(app)
'''

CASES["request_class_star_init"] = '''
from sanic import Sanic, text
from sanic.request import Request
class MyRequest(Request):
    __slots__ = ("user",)
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = "anon"
app = Sanic("A", request_class=MyRequest)
@app.get("/")
async def h(request):
    return text(request.user)
req(app)
'''

CASES["request_class_property_override"] = '''
from sanic import Sanic, text
from sanic.request import Request
class MyRequest(Request):
    @property
    def ip(self):
        return "1.2.3.4"
    @property
    def token(self):
        return "tok"
app = Sanic("A", request_class=MyRequest)
@app.get("/")
async def h(request):
    return text(f"{request.ip} {request.token} {request.remote_addr!r}")
req(app)
'''

CASES["request_class_json_loads"] = '''
from sanic import Sanic, text
from sanic.request import Request
import json
class MyRequest(Request):
    def load_json(self, loads=None):
        return {"custom": True}
app = Sanic("A", request_class=MyRequest)
@app.post("/")
async def h(request):
    return text(str(request.json))
req(app, method="post", content=b"{}")
'''

CASES["request_class_not_subclass"] = '''
from sanic import Sanic
class NotARequest:
    pass
app = Sanic("A", request_class=NotARequest)
print("constructed")
'''
