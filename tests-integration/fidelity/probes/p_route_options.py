"""Route options as recorded on the route (route.extra / route.ctx) and their errors."""

from _probe import new_app, req, show

from sanic import response

app = new_app("optapp")


async def h(request, **kw):
    return response.text(f"{request.method} {request.route.name} body={request.body!r}")


app.route("/plain")(h)
app.route("/ignore", methods=["POST"], ignore_body=True, name="ignore")(h)
app.route("/stream", methods=["POST"], stream=True, name="stream")(h)
app.route("/hosts", host=["a.com", "b.com"], name="hosts")(h)
app.route("/errfmt", error_format="html", name="errfmt")(h)
app.route("/ctx", name="ctxr", ctx_foo=1, ctx_bar="x")(h)
app.route("/unq/<v>", unquote=True, name="unq")(h)
app.route("/ver", version=2, name="ver")(h)
app.route("/strict/", strict_slashes=True, name="strict")(h)
app.route("/head", methods=["GET", "HEAD"], name="head")(h)
app.get("/get_only", name="get_only")(h)
app.post("/post_only", name="post_only")(h)
app.put("/put_only", name="put_only")(h)
app.patch("/patch_only", name="patch_only")(h)
app.delete("/delete_only", name="delete_only")(h)
app.head("/head_only", name="head_only")(h)
app.options("/options_only", name="options_only")(h)
app.get("/get_ignore", name="get_ignore", ignore_body=False)(h)

routes = {r.name: r for r in app.router.routes}
# Sanic's route.extra fields (Hurtle keeps a few more of its own there).
EXTRA_KEYS = ("error_format", "ident", "ignore_body", "static", "stream", "websocket")
for name in sorted(routes):
    r = routes[name]
    show(f"{name} methods", lambda r=r: sorted(r.methods))
    show(
        f"{name} extra",
        lambda r=r: [(k, getattr(r.extra, k, "missing")) for k in EXTRA_KEYS],
    )
    show(f"{name} ctx", lambda r=r: sorted((k, repr(v)) for k, v in vars(r.ctx).items()))
    show(f"{name} ignore_body attr", lambda r=r: getattr(r, "ignore_body", "missing"))
    show(
        f"{name} strict/unquote/static",
        lambda r=r: (r.strict, r.unquote, r.static, r.regex, r.uri, r.path),
    )

for label, fn in [
    ("bad error_format", lambda a: a.route("/x", error_format="yaml")(h)),
    (
        "host list url_for",
        lambda a: (a.route("/hl", host=["a.com", "b.com"], name="hl")(h), a.url_for("hl"))[1],
    ),
    (
        "name with app prefix",
        lambda a: (
            a.route("/np", name=f"{a.name}.prefixed")(h),
            sorted(r.name for r in a.router.routes),
        )[1],
    ),
    ("unknown kw", lambda a: a.route("/u", nonsense=1)(h)),
    (
        "ctx_ only",
        lambda a: (a.route("/c", ctx_a=1, name="c")(h), [vars(r.ctx) for r in a.router.routes])[1],
    ),
    ("get with methods", lambda a: a.get("/g", methods=["POST"])(h)),
    ("subprotocols on http", lambda a: a.route("/sp", subprotocols=["x"])(h)),
    (
        "websocket kw on route",
        lambda a: (
            a.route("/ws", websocket=True, name="wsr")(lambda request, ws: None),
            sorted(r.name for r in a.router.routes),
        )[1],
    ),
]:
    show(label, lambda f=fn, lab=label: f(new_app("o" + str(abs(hash(lab)) % 10**6))))

for method, path, kw in [
    ("POST", "/ignore", {"content": b"data"}),
    ("POST", "/stream", {"content": b"data"}),
    ("GET", "/get_ignore", {"content": b"data"}),
    ("GET", "/plain", {"content": b"data"}),
    ("HEAD", "/head", {}),
    ("HEAD", "/head_only", {}),
    ("OPTIONS", "/options_only", {}),
    ("GET", "/hosts", {"headers": {"host": "a.com"}}),
    ("GET", "/hosts", {"headers": {"host": "b.com:80"}}),
    ("GET", "/hosts", {"headers": {"host": "c.com"}}),
]:
    req(app, f"{method} {path} {kw}", method, path, **kw)
