"""Fourth probe batch: odd registration arguments and view hooks (run like probe_views.py)."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import probe_views as P
from probe_views import CASES, Blueprint, HTTPMethodView, response

del CASES[:]
case = P.case


async def h(request, **kw):
    return response.text(f"{request.method} {sorted(request.route.methods)}")


@case
def methods_set_lower(app):
    app.add_route(h, "/x", methods={"get", "post"})
    return [("GET", "/x"), ("POST", "/x")]


@case
def methods_empty(app):
    app.add_route(h, "/x", methods=[])
    return [("GET", "/x")]


@case
def methods_dupe(app):
    app.add_route(h, "/x", methods=["GET", "get"])
    return [("GET", "/x")]


@case
def methods_tuple_custom(app):
    app.add_route(h, "/x", methods=("PURGE",))
    return [("GET", "/x")]


@case
def name_empty(app):
    app.add_route(h, "/x", name="")
    return [("GET", "/x")]


@case
def error_format_upper(app):
    app.add_route(h, "/x", error_format="JSON")
    return [("GET", "/x")]


@case
def error_format_none_empty(app):
    app.add_route(h, "/x", error_format="")
    app.add_route(h, "/y", error_format=None, name="y")
    return [("GET", "/x")]


@case
def version_zero(app):
    app.add_route(h, "/x", version=0)
    return [("GET", "/v0/x"), ("GET", "/x")]


@case
def version_prefix_no_slash(app):
    app.add_route(h, "/x", version=1, version_prefix="api/v")
    return [("GET", "/api/v1/x"), ("GET", "api/v1/x")]


@case
def async_dispatch(app):
    class V(HTTPMethodView):
        async def get(self, request): return response.text("g")
        async def dispatch_request(self, request, *a, **k):
            r = await super().dispatch_request(request, *a, **k)
            r.headers["x-dec"] = "ad"
            return r
    app.add_route(V.as_view(), "/v")
    return [("GET", "/v"), ("POST", "/v")]


@case
def websocket_decorator_view(app):
    class W(HTTPMethodView):
        async def get(self, request, ws): await ws.send("x")
    app.websocket("/ws")(W.as_view())
    return [("GET", "/ws")]


@case
def decorators_none(app):
    class V(HTTPMethodView):
        decorators = None
        async def get(self, request): return response.text("x")
    app.add_route(V.as_view(), "/v")
    return [("GET", "/v")]


@case
def decorators_returns_none(app):
    class V(HTTPMethodView):
        decorators = [lambda f: None]
        async def get(self, request): return response.text("x")
    app.add_route(V.as_view(), "/v")
    return [("GET", "/v")]


@case
def view_attrs(app):
    class V(HTTPMethodView):
        """Doc of V."""
        decorators = []
        async def get(self, request): return response.text("x")
    v = V.as_view()
    return [lambda: (v.__name__, v.__qualname__, v.__doc__, v.__module__, v.view_class is V,
                     sorted(k for k in vars(v) if not k.startswith("__")))]


@case
def view_attrs_decorated(app):
    def d(f):
        def inner(*a, **k): return f(*a, **k)
        inner.marker = 1
        return inner

    class V(HTTPMethodView):
        """Doc of V."""
        decorators = [d]
        async def get(self, request): return response.text("x")
    v = V.as_view()
    return [lambda: (v.__name__, v.__qualname__, v.__doc__, v.__module__ == __name__, v.view_class is V,
                     sorted(k for k in vars(v) if not k.startswith("__")))]


@case
def attach_strict_subclass(app):
    class V(HTTPMethodView, attach=app, uri="/s/", strict_slashes=True, version=1, name="sv"):
        async def get(self, request): return response.text("x")
    return [("GET", "/v1/s/"), ("GET", "/v1/s"), lambda: app.url_for("sv")]


@case
def attach_group(app):
    b1 = Blueprint("ag1", url_prefix="/a")
    b2 = Blueprint("ag2", url_prefix="/b")
    grp = Blueprint.group(b1, b2)

    class V(HTTPMethodView):
        async def get(self, request): return response.text("g")
    V.attach(grp, "/v")
    app.blueprint(grp)
    return [("GET", "/a/v"), ("GET", "/b/v")]


@case
def route_methods_on_view_add_route_host(app):
    class V(HTTPMethodView):
        async def get(self, request): return response.text("g")
    app.add_route(V.as_view(), "/v", host="a.com", methods=["POST"])
    return [("GET", "/v", {"headers": {"host": "a.com"}}), ("POST", "/v", {"headers": {"host": "a.com"}})]


if __name__ == "__main__":
    P.main()
