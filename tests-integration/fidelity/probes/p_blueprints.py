"""Blueprints and groups: names, prefixes, versions, copy, registration errors, ctx."""

from types import SimpleNamespace

from _probe import new_app, req, show

from sanic import Blueprint, response
from sanic.blueprints import BlueprintGroup


def h(tag):
    async def handler(request, **kw):
        return response.text(f"{tag} {request.name} {sorted(kw.items())}")

    handler.__name__ = f"h_{tag}"
    return handler


for name in ["ok", "with-dash", "with_under", "Mixed1", "1bad", "has space", "dot.ted", "", "ü"]:
    show(f"Blueprint({name!r})", lambda n=name: Blueprint(n).name)
show("Blueprint(None)", lambda: Blueprint(None))
bp0 = Blueprint(
    "attrs", url_prefix="/p", host="h.com", version=1, strict_slashes=True, version_prefix="/ver"
)
show("repr", lambda: repr(bp0))
show("str", lambda: str(bp0))
show(
    "attrs",
    lambda: (
        bp0.name,
        bp0.url_prefix,
        bp0.host,
        bp0.version,
        bp0.strict_slashes,
        bp0.version_prefix,
    ),
)
show("ctx", lambda: type(bp0.ctx).__name__)
show("routes", lambda: bp0.routes)
show("registered", lambda: bp0.registered)
show("apps", lambda: bp0.apps)
show("apps before", lambda: sorted(a.name for a in bp0.apps))
show(
    "bp.ctx custom",
    lambda: (
        Blueprint("withctx", ctx=SimpleNamespace(a=1)).ctx.a
        if "ctx" in Blueprint.__init__.__code__.co_varnames
        else "no ctx kw"
    ),
)
show("url_prefix no slash", lambda: Blueprint("nos", url_prefix="noslash").url_prefix)
show("url_prefix trailing", lambda: Blueprint("tr", url_prefix="/tr/").url_prefix)
show("url_prefix empty", lambda: Blueprint("em", url_prefix="").url_prefix)

app = new_app("bpapp")
b1 = Blueprint("b1", url_prefix="/b1")
b1.get("/")(h("b1root"))
b1.get("/x")(h("b1x"))

b2 = Blueprint("b2", url_prefix="/b2/", version=2)
b2.get("/y")(h("b2y"))
b2.get("/z", version=5)(h("b2z"))
b3 = Blueprint("b3")
b3.get("/plain3")(h("b3"))
b4 = Blueprint("b4", url_prefix="/b4", version=3, version_prefix="/api/v")
b4.get("/w")(h("b4w"))
b5 = Blueprint("b5", url_prefix="/b5", strict_slashes=True)
b5.get("/s/")(h("b5s"))
b6 = Blueprint("b6", url_prefix="/b6")
b6.get("/<a:int>/<b>")(h("b6"))
g = Blueprint.group(b3, b4, url_prefix="/g", version=9)
g2 = Blueprint.group(Blueprint.group(b6, url_prefix="/inner"), url_prefix="/outer")
app.blueprint(b1)
app.blueprint(b2, url_prefix="/over2")
app.blueprint(g)
app.blueprint(g2)
app.blueprint(b5, version=7)
show("app.blueprints keys", lambda: sorted(app.blueprints))
show("b1 registered", lambda: b1.registered)
show("b1 apps", lambda: sorted(a.name for a in b1.apps))
show("route names", lambda: sorted(r.name for r in app.router.routes))
show("route paths", lambda: sorted(r.path for r in app.router.routes))
show("bp routes names", lambda: sorted(r.name for r in b1.routes))
for path in [
    "/b1",
    "/b1/",
    "/b1/x",
    "/over2/v2/y",
    "/v2/over2/y",
    "/v5/over2/z",
    "/v2/b2/y",
    "/g/plain3",
    "/v9/g/plain3",
    "/api/v3/g/b4/w",
    "/v9/g/b4/w",
    "/api/v9/g/b4/w",
    "/outer/inner/b6/3/q",
    "/v7/b5/s/",
    "/v7/b5/s",
    "/b5/s/",
]:
    req(app, f"GET {path}", "GET", path)
for name, kw in [
    ("b1.h_b1x", {}),
    ("bpapp.b1.h_b1x", {}),
    ("b2.h_b2y", {}),
    ("b6.h_b6", {"a": 1, "b": "z"}),
    ("b4.h_b4w", {}),
    ("b3.h_b3", {}),
    ("b5.h_b5s", {}),
    ("b1.h_b1root", {}),
]:
    show(f"url_for {name}", lambda n=name, k=kw: app.url_for(n, **k))

print("-- registration errors")
a2 = new_app("bpapp2")
dup1 = Blueprint("dup", url_prefix="/d1")
dup1.get("/")(h("d1"))
dup2 = Blueprint("dup", url_prefix="/d2")
dup2.get("/")(h("d2"))
a2.blueprint(dup1)
show("same bp twice", lambda: (a2.blueprint(dup1), "ok")[1])
show("other bp same name", lambda: a2.blueprint(dup2))
show("blueprint(non bp)", lambda: a2.blueprint(object()))
show(
    "blueprint list",
    lambda: (a2.blueprint([Blueprint("l1"), Blueprint("l2")]), sorted(a2.blueprints))[1],
)
show("blueprint tuple", lambda: (a2.blueprint((Blueprint("t1"),)), sorted(a2.blueprints))[1])
show("group of non bp", lambda: Blueprint.group(object()))
show("group empty", lambda: len(Blueprint.group()))
bpc = Blueprint("orig", url_prefix="/orig", version=1)
bpc.get("/c")(h("c"))
bpc.middleware(lambda r: None)
cp = bpc.copy("copied", url_prefix="/copied")
show(
    "copy attrs",
    lambda: (
        cp.name,
        cp.url_prefix,
        cp.version,
        cp.strict_slashes,
        cp.copied_from if hasattr(cp, "copied_from") else None,
    ),
)
show("copy routes", lambda: len(cp._future_routes))
show("copy version None", lambda: bpc.copy("c2", version=None).version)
show("copy bad name", lambda: bpc.copy("bad name"))
show("copy same name", lambda: bpc.copy("orig").name)
a3 = new_app("bpapp3")
a3.blueprint(bpc)
cp3 = bpc.copy("copied3", url_prefix="/c3")
a3.blueprint(cp3)
show("copy registration", lambda: sorted(r.path for r in a3.router.routes))
req(a3, "GET copied", "GET", "/v1/c3/c")
req(a3, "GET orig", "GET", "/v1/orig/c")
show(
    "copy with_registration",
    lambda: (lambda c: sorted(a.name for a in c.apps))(bpc.copy("copied4", with_registration=True)),
)
show("after with_registration routes", lambda: sorted(r.path for r in a3.router.routes))

print("-- group API")
ga = Blueprint("ga")
gb = Blueprint("gb")
grp = BlueprintGroup(
    url_prefix="/grp", version=2, strict_slashes=True, version_prefix="/x/v", name_prefix="np"
)
show(
    "group attrs",
    lambda: (
        grp.url_prefix,
        grp.version,
        grp.strict_slashes,
        grp.version_prefix,
        getattr(grp, "name_prefix", None),
    ),
)
grp.append(ga)
grp.extend([gb])
show("group len/iter", lambda: (len(grp), [b.name for b in grp]))
show("group getitem", lambda: grp[0].name)
show("group blueprints", lambda: [b.name for b in grp.blueprints])
show("group insert", lambda: (grp.insert(0, Blueprint("gc")), [b.name for b in grp])[1])
show("group del", lambda: (grp.__delitem__(0), [b.name for b in grp])[1])
show("group setitem", lambda: (grp.__setitem__(0, Blueprint("gd")), [b.name for b in grp])[1])
show("group append non-bp", lambda: BlueprintGroup().append("x"))
grp.append(ga)
show("ga after group url_prefix", lambda: ga.url_prefix)
ga.get("/a")(h("ga"))
a4 = new_app("bpapp4")
a4.blueprint(grp)
show("grp route names", lambda: sorted(r.name for r in a4.router.routes))
show("grp route paths", lambda: sorted(r.path for r in a4.router.routes))
show("ga url_prefix after register", lambda: ga.url_prefix)

print("-- exceptions & middleware in groups")
a5 = new_app("bpapp5")
e1 = Blueprint("e1", url_prefix="/e1")
e2 = Blueprint("e2", url_prefix="/e2")


@e1.get("/")
async def e1h(request):
    raise ValueError("e1")


@e2.get("/")
async def e2h(request):
    raise ValueError("e2")


eg = Blueprint.group(e1, e2, url_prefix="/eg")


@eg.exception(ValueError)
async def eg_exc(request, exc):
    return response.text(f"group handled {exc} {request.name}", status=418)


@eg.middleware("response")
async def eg_mw(request, resp):
    resp.headers["x-grp"] = "1"


@eg.on_request
async def eg_req(request):
    request.ctx.grp = True


a5.blueprint(eg)
req(a5, "group exc e1", "GET", "/eg/e1", headers=("content-type", "x-grp"))
req(a5, "group exc e2", "GET", "/eg/e2", headers=("content-type", "x-grp"))
req(a5, "missing in group", "GET", "/eg/zz", headers=("content-type", "x-grp"))
