"""app.blueprint() of lists, tuples and groups with options; a blueprint twice in one group."""

from _probe import new_app, show

from sanic import Blueprint, response


async def h(request):
    return response.text("x")


def make(*names, **kw):
    out = []
    for n in names:
        bp = Blueprint(n, url_prefix=f"/{n}", **kw)
        bp.add_route(h, f"/{n}r", name="r")
        bp.add_route(h, f"/{n}s/", name="s")
        out.append(bp)
    return out


def rows(app):
    return sorted({(r.name.split(".", 1)[1], r.path, bool(r.strict)) for r in app.router.routes})


cases = {
    "list + options": lambda app: app.blueprint(
        make("a", "b"), url_prefix="/L", version=2, strict_slashes=True, version_prefix="/api/v"
    ),
    "tuple + name_prefix": lambda app: app.blueprint(tuple(make("a", "b")), name_prefix="np"),
    "list of groups": lambda app: app.blueprint(
        [
            Blueprint.group(*make("a"), url_prefix="/g1"),
            Blueprint.group(*make("b"), url_prefix="/g2", version=4),
        ],
        url_prefix="/top",
    ),
    "nested list": lambda app: app.blueprint([make("a"), [make("b")]], url_prefix="/n"),
    "same bp twice in a group": lambda app: app.blueprint(
        Blueprint.group(*(make("a") * 2), url_prefix="/g")
    ),
    "group holding itself's member and a copy": lambda app: (
        lambda a: app.blueprint(Blueprint.group(a, a.copy("a2"), url_prefix="/g"))
    )(make("a")[0]),
    "empty group": lambda app: app.blueprint(Blueprint.group(url_prefix="/g")),
    "empty list": lambda app: app.blueprint([]),
    "group name_prefix + registration name_prefix": lambda app: app.blueprint(
        Blueprint.group(*make("a"), name_prefix="inner"), name_prefix="outer"
    ),
    "group version_prefix only": lambda app: app.blueprint(
        Blueprint.group(*make("a"), version_prefix="/x/v")
    ),
    "group version_prefix + reg version": lambda app: app.blueprint(
        Blueprint.group(*make("a"), version_prefix="/x/v"), version=7
    ),
    "bp own version_prefix + group version": lambda app: app.blueprint(
        Blueprint.group(*make("a", version_prefix="/own/"), version=7)
    ),
    "bp strict + group strict + list": lambda app: app.blueprint(
        [Blueprint.group(*make("a", strict_slashes=True), strict_slashes=True)]
    ),
    "group url_prefix '/'": lambda app: app.blueprint(Blueprint.group(*make("a"), url_prefix="/")),
    "group url_prefix '//'": lambda app: app.blueprint(
        Blueprint.group(*make("a"), url_prefix="//")
    ),
    "reg url_prefix '/' on group": lambda app: app.blueprint(
        Blueprint.group(*make("a"), url_prefix="/g"), url_prefix="/"
    ),
    "reg url_prefix '' on group": lambda app: app.blueprint(
        Blueprint.group(*make("a"), url_prefix="/g"), url_prefix=""
    ),
}
for i, (label, fn) in enumerate(cases.items()):
    app = new_app(f"lists{i}")

    def go(app=app, fn=fn):
        fn(app)
        return rows(app), sorted(app.blueprints)

    show(label, go)
