"""Blueprint and BlueprintGroup API: containers, copies, names, registration misuse, ctx."""

from types import SimpleNamespace

from _probe import fmt, new_app, req, show

from sanic import Blueprint, response
from sanic.blueprints import BlueprintGroup


async def h(request, **kw):
    return response.text(f"{request.route.name} {request.route.path}")


def rows(app):
    return sorted({(r.name, r.path) for r in app.router.routes})


print("-- names")
for name in ["a.b", ".a", "a.", "a..b", "a-b", "a_b", "A", "9", "a b", "a/b", "é", "a\n", 5, b"x"]:
    show(f"Blueprint({name!r})", lambda n=name: Blueprint(n).name)
show("Blueprint() no name", lambda: Blueprint())
show("copy('a.b')", lambda: Blueprint("cc").copy("a.b").name)
show("copy(5)", lambda: Blueprint("cc").copy(5).name)

print("-- group container")
b1, b2, b3 = Blueprint("c1"), Blueprint("c2"), Blueprint("c3")
g = Blueprint.group(b1, b2, url_prefix="/g")
show("type", lambda: type(g).__name__)
show("len", lambda: len(g))
show("iter", lambda: [b.name for b in g])
show("index", lambda: g.index(b2))
show("index missing", lambda: g.index(b3))
show("contains", lambda: (b1 in g, b3 in g))
show("count", lambda: g.count(b1))
show("reversed", lambda: [b.name for b in reversed(g)])
show("slice", lambda: fmt(type(g[0:1]).__name__))
show("slice names", lambda: [b.name for b in g[0:1]])
show("neg index", lambda: g[-1].name)
show("out of range", lambda: g[5])
show("insert", lambda: (g.insert(1, b3), [b.name for b in g])[1])
show("remove", lambda: (g.remove(b3), [b.name for b in g])[1])
show("pop", lambda: (g.pop().name, [b.name for b in g]))
show("append back", lambda: (g.append(b2), [b.name for b in g])[1])
show("append dup", lambda: (g.append(b2), [b.name for b in g])[1])
show("blueprints type", lambda: type(g.blueprints).__name__)
show("blueprints is list copy", lambda: g.blueprints is g.blueprints)
show("url_prefix", lambda: g.url_prefix)
show("version", lambda: g.version)
show("strict_slashes", lambda: g.strict_slashes)
show("version_prefix", lambda: g.version_prefix)
show("name_prefix", lambda: g.name_prefix)
show("bool empty", lambda: bool(BlueprintGroup()))
show("eq", lambda: Blueprint.group(b1) == Blueprint.group(b1))
show("group of groups flattened len", lambda: len(Blueprint.group(Blueprint.group(b1, b2), b3)))
show(
    "group of groups items",
    lambda: [type(x).__name__ for x in Blueprint.group(Blueprint.group(b1, b2), b3)],
)
show("group(list)", lambda: [b.name for b in Blueprint.group([b1, b2])])
show("group(tuple, bp)", lambda: [b.name for b in Blueprint.group((b1,), b2)])
show("group url_prefix no slash", lambda: Blueprint.group(b1, url_prefix="g").url_prefix)
show("group url_prefix trailing", lambda: Blueprint.group(b1, url_prefix="/g/").url_prefix)
show("group url_prefix None", lambda: Blueprint.group(b1).url_prefix)
show("group version str", lambda: Blueprint.group(b1, version="3").version)
show("BlueprintGroup(url_prefix='/x/')", lambda: BlueprintGroup(url_prefix="/x/").url_prefix)
show("BlueprintGroup('/pos')", lambda: BlueprintGroup("/pos").url_prefix)
show("g.exception no args", lambda: g.exception())
show("g.middleware no args", lambda: g.middleware())

print("-- ctx")
show("ctx type", lambda: type(Blueprint("x1").ctx).__name__)
bctx = Blueprint("x2")
bctx.ctx.a = 1
show("ctx attr", lambda: bctx.ctx.a)
show("copy with_ctx False", lambda: hasattr(bctx.copy("x3").ctx, "a"))
show("copy with_ctx True", lambda: bctx.copy("x4", with_ctx=True).ctx is bctx.ctx)
show("copy with_ctx True attr", lambda: bctx.copy("x5", with_ctx=True).ctx.a)
show("copy default ctx type", lambda: type(bctx.copy("x6").ctx).__name__)
show("ctx kw", lambda: Blueprint("x7", ctx=SimpleNamespace(k=2)).ctx)

print("-- copy")
src = Blueprint("src", url_prefix="/src", version=1, strict_slashes=True, version_prefix="/ver")
src.add_route(h, "/r", name="r")
src.add_route(h, "/q", name="q", version=4)
for label, kw in [
    ("default", {}),
    ("url_prefix", {"url_prefix": "/cp"}),
    ("url_prefix None", {"url_prefix": None}),
    ("version None", {"version": None}),
    ("version 2", {"version": 2}),
    ("strict False", {"strict_slashes": False}),
    ("version_prefix", {"version_prefix": "/api/v"}),
    ("all", {"url_prefix": "/cp/", "version": "3", "strict_slashes": False, "version_prefix": ""}),
]:
    c = show(
        f"copy {label}",
        lambda k=kw, lb=label: Blueprint.copy(src, f"cp_{lb.replace(' ', '_')}", **k),
    )
    if c is None:
        continue
    show(
        f"copy {label} attrs",
        lambda c=c: (c.name, c.url_prefix, c.version, c.strict_slashes, c.version_prefix),
    )
    show(f"copy {label} registered/apps", lambda c=c: (c.registered, len(c.apps)))
    a = new_app(f"cpapp_{len(label)}_{label.replace(' ', '_')}")
    a.blueprint(c)
    show(f"copy {label} rows", lambda a=a: rows(a))

print("-- copy with_registration")
regsrc = Blueprint("regsrc", url_prefix="/rs")
regsrc.add_route(h, "/r", name="r")
ra = new_app("regapp")
ra.blueprint(regsrc, url_prefix="/over")
c1 = regsrc.copy("reg1", with_registration=True)
show("with_registration apps", lambda: sorted(x.name for x in c1.apps))
show("with_registration registered", lambda: c1.registered)
show("with_registration app.blueprints", lambda: sorted(ra.blueprints))
show("with_registration rows", lambda: rows(ra))
c2 = regsrc.copy("reg2", with_registration=False)
show("without registration apps", lambda: (len(c2.apps), c2.registered))
c3 = regsrc.copy("reg3", url_prefix="/c3", with_registration=True)
show("with_registration + url_prefix rows", lambda: rows(ra))
unreg = Blueprint("unreg")
show(
    "unregistered copy with_registration", lambda: unreg.copy("unreg2", with_registration=True).apps
)

print("-- registration")
app = new_app("regs")
bp = Blueprint("bp", url_prefix="/bp")
bp.add_route(h, "/r", name="r")
show("registered before", lambda: bp.registered)
show("apps before", lambda: bp.apps)
app.blueprint(bp)
show("registered after", lambda: bp.registered)
show("apps after", lambda: sorted(a.name for a in bp.apps))
show("app.blueprints", lambda: fmt(app.blueprints))
show("app.blueprints type", lambda: type(app.blueprints).__name__)
show("again same app", lambda: (app.blueprint(bp), rows(app))[1])
show("again other prefix", lambda: (app.blueprint(bp, url_prefix="/two"), rows(app))[1])
show(
    "again in group", lambda: (app.blueprint(Blueprint.group(bp, url_prefix="/grp")), rows(app))[1]
)
other = new_app("regs_other")
show("other app", lambda: (other.blueprint(bp), rows(other))[1])
show("apps now", lambda: sorted(a.name for a in bp.apps))
show(
    "register()", lambda: (Blueprint("reg_direct").register(other, {}), sorted(other.blueprints))[1]
)
show("app.blueprint(None)", lambda: app.blueprint(None))
show("app.blueprint('x')", lambda: app.blueprint("x"))
show(
    "app.blueprint(bp, name_prefix)",
    lambda: (app.blueprint(Blueprint("np1"), name_prefix="pre"), sorted(app.blueprints))[1],
)
show("app.blueprint(bp, host=)", lambda: app.blueprint(Blueprint("hostkw"), host="h.example"))
show("app.blueprint(bp, bogus=)", lambda: app.blueprint(Blueprint("bogus"), bogus=1))

print("-- late routes")
late = Blueprint("late", url_prefix="/late")
late.add_route(h, "/early", name="early")
lapp = new_app("lateapp")
lapp.blueprint(late)
show("add after register", lambda: late.add_route(h, "/after", name="after"))
show("late rows", lambda: rows(lapp))
req(lapp, "GET /late/after", "GET", "/late/after")
req(lapp, "GET /late/early", "GET", "/late/early")
show("late middleware", lambda: late.on_request(lambda r: None))
show("late exception", lambda: late.exception(KeyError)(lambda r, e: None))
show("late listener", lambda: late.listener("before_server_start")(lambda a: None))
