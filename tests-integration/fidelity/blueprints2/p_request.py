"""What a handler and url_for see for blueprint routes: names, templates, hosts, groups."""

import asyncio

from _probe import new_app, show

from sanic import Blueprint, response

app = new_app("reqapp")
app.config.SERVER_NAME = "srv.example"


async def h(request, **kw):
    r = request.route
    return response.json(
        {
            "name": request.name,
            "endpoint": request.endpoint,
            "uri_template": request.uri_template,
            "route.name": r.name,
            "route.path": r.path,
            "route.uri": r.uri,
            "extra.name": getattr(r.extra, "name", None) if hasattr(r, "extra") else None,
            "bp": [
                bp
                for bp in request.app.blueprints
                if r.name.startswith(f"{request.app.name}.{bp}.")
            ],
        }
    )


a = Blueprint("a", url_prefix="/a", version=1, host="h.example")
a.add_route(h, "/x/<p>", name="x")
b = Blueprint("b", url_prefix="/b")
b.add_route(h, "/y", name="y")
b.add_route(h, "/", name="root")
g = Blueprint.group(b, url_prefix="/g", name_prefix="np", version=3, version_prefix="/api/v")
app.blueprint(a)
app.blueprint(g)


async def get(path, host=None):
    headers = {"host": host} if host else {}
    _, r = await app.asgi_client.get(path, headers=headers)
    return r.status, r.json if r.status == 200 else r.text[:60]


for path, host in [
    ("/v1/a/x/q", "h.example"),
    ("/api/v3/g/b/y", None),
    ("/api/v3/g/b", None),
    ("/api/v3/g/b/", None),
]:
    show(f"GET {path} {host}", lambda p=path, hh=host: asyncio.run(get(p, hh)))
for name, kw in [
    ("a.x", {"p": "q"}),
    ("a.x", {"p": "q", "_external": True}),
    ("a.x", {"p": "q", "_external": True, "_host": "h.example"}),
    ("a.x", {"p": "q", "_external": True, "_server": "other.example"}),
    ("a.x", {"p": "q", "_host": "zz.example"}),
    ("np_b.y", {}),
    ("np_b.y", {"_external": True, "_scheme": "https"}),
    ("np_b.root", {}),
    ("b.y", {}),
    ("np_b.y", {"q": [1, 2], "_anchor": "f"}),
    ("reqapp.np_b.y", {}),
]:
    show(f"url_for {name} {kw}", lambda n=name, k=kw: app.url_for(n, **k))
show("route names", lambda: sorted(r.name for r in app.router.routes))
