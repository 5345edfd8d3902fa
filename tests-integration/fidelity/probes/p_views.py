"""Class-based views and websocket route registration."""

from _probe import new_app, req, show

from sanic import Blueprint, response
from sanic.views import HTTPMethodView

app = new_app("viewapp")


class Simple(HTTPMethodView):
    async def get(self, request):
        return response.text("get")

    def post(self, request):
        return response.text("sync post")

    async def patch(self, request, **kw):
        return response.text(f"patch {sorted(kw.items())}")


class WithInit(HTTPMethodView):
    def __init__(self, greeting="hi", *, punct="!"):
        self.greeting = greeting
        self.punct = punct

    async def get(self, request):
        return response.text(self.greeting + self.punct)


def add_header(name):
    def deco(f):
        async def wrapped(request, *a, **k):
            r = await f(request, *a, **k)
            r.headers[name] = "1"
            return r

        return wrapped

    return deco


class Decorated(HTTPMethodView):
    decorators = [add_header("x-one"), add_header("x-two")]

    async def get(self, request):
        return response.text("decorated")


class Params(HTTPMethodView):
    async def get(self, request, item_id, name):
        return response.text(f"{item_id}:{name}:{type(item_id).__name__}")


class Attached(HTTPMethodView, attach=app, uri="/attached", name="attached_view"):
    async def get(self, request):
        return response.text(f"attached {request.name}")


class Head(HTTPMethodView):
    async def get(self, request):
        return response.text("has get")

    async def head(self, request):
        return response.empty(headers={"x-head": "1"})


app.add_route(Simple.as_view(), "/simple")  # named Simple
app.add_route(WithInit.as_view("hello", punct="?"), "/init")
app.add_route(WithInit.as_view(), "/init2", name="init_default")
app.add_route(Decorated.as_view(), "/decorated")
app.add_route(Params.as_view(), "/params/<item_id:int>/<name>")
app.add_route(Head.as_view(), "/head")
app.route("/via_route", name="via_route")(Simple.as_view())
bp = Blueprint("vbp", url_prefix="/vbp")
bp.add_route(Simple.as_view(), "/s")  # vbp.Simple: another namespace


class BpAttached(HTTPMethodView, attach=bp, uri="/att"):
    async def get(self, request):
        return response.text(f"bp attached {request.name}")


app.blueprint(bp)

view = Simple.as_view()
show("as_view type", lambda: type(view).__name__)
show("as_view __name__", lambda: view.__name__)
show("as_view view_class", lambda: view.view_class.__name__)
show("as_view __doc__ is class doc", lambda: view.__doc__ == Simple.__doc__)
show("as_view __module__", lambda: view.__module__ == Simple.__module__)
show("route names", lambda: sorted(r.name for r in app.router.routes))
show("route methods", lambda: sorted((r.path, sorted(r.methods)) for r in app.router.routes))
show("url_for Simple", lambda: app.url_for("Simple"))
show("url_for attached_view", lambda: app.url_for("attached_view"))
show("url_for vbp.Simple", lambda: app.url_for("vbp.Simple"))
show("url_for Params", lambda: app.url_for("Params", item_id=1, name="n"))
show("dispatch_request", lambda: callable(getattr(Simple, "dispatch_request", None)))
show(
    "HTTPMethodView.as_view attrs",
    lambda: sorted(
        a
        for a in ("decorators", "as_view", "dispatch_request", "attach")
        if hasattr(HTTPMethodView, a)
    ),
)
show(
    "attach without uri",
    lambda: type("NoUri", (HTTPMethodView,), {"get": lambda s, r: None}).attach(app, "/nouri"),
)
show("view with no methods", lambda: app.add_route(HTTPMethodView.as_view(), "/empty_view"))

for method, path in [
    ("GET", "/simple"),
    ("POST", "/simple"),
    ("PATCH", "/simple"),
    ("PUT", "/simple"),
    ("DELETE", "/simple"),
    ("HEAD", "/simple"),
    ("OPTIONS", "/simple"),
    ("GET", "/init"),
    ("GET", "/init2"),
    ("GET", "/decorated"),
    ("GET", "/params/5/x"),
    ("GET", "/params/x/x"),
    ("GET", "/attached"),
    ("GET", "/head"),
    ("HEAD", "/head"),
    ("GET", "/via_route"),
    ("GET", "/vbp/s"),
    ("GET", "/vbp/att"),
    ("GET", "/nouri"),
]:
    req(
        app,
        f"{method} {path}",
        method,
        path,
        headers=("content-type", "allow", "x-one", "x-two", "x-head"),
    )

print("-- websockets")
wapp = new_app("wsapp")


@wapp.websocket("/ws")
async def ws_handler(request, ws):
    msg = await ws.recv()
    await ws.send(f"echo {msg} {request.name} {request.route.path}")


@wapp.websocket("/ws/<room>", subprotocols=["chat", "v2"], name="room_ws")
async def ws_room(request, ws, room):
    await ws.send(f"room {room} proto={ws.subprotocol}")


wapp.add_websocket_route(ws_handler, "/ws_added", name="added_ws")
wbp = Blueprint("wbp", url_prefix="/wbp")


@wbp.websocket("/w")
async def bp_ws(request, ws):
    await ws.send("bp ws")


wapp.blueprint(wbp)
show("websocket_enabled", lambda: wapp.websocket_enabled)
show(
    "ws routes",
    lambda: sorted(
        (
            r.name,
            r.path,
            sorted(r.methods),
            bool(getattr(r.extra, "websocket", None) or getattr(r.ctx, "websocket", None)),
        )
        for r in wapp.router.routes
    ),
)
show("url_for ws", lambda: wapp.url_for("ws_handler"))
show("url_for room_ws", lambda: wapp.url_for("room_ws", room="r1"))
show(
    "url_for room_ws external ws scheme",
    lambda: wapp.url_for("room_ws", room="r1", _external=True, _scheme="ws", _server="h"),
)
show("url_for bp ws", lambda: wapp.url_for("wbp.bp_ws"))
show("ws handler no ws param", lambda: new_app("wsbad").websocket("/x")(lambda request: None))


# Websocket conversations are compared by ../compare_ws_asgi.py.
req(wapp, "GET /ws over http", "GET", "/ws")
