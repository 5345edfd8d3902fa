"""Constructors and attributes by position and keyword; attributes before and after registration."""

import inspect

from _probe import new_app, show

from sanic import Blueprint, response
from sanic.blueprints import BlueprintGroup

show("Blueprint positional", lambda: repr(Blueprint("n", "/p", "h.example", 1, True, "/ver")))
show(
    "Blueprint positional vp",
    lambda: Blueprint("n", "/p", "h.example", 1, True, "/ver").version_prefix,
)
show("Blueprint too many", lambda: Blueprint("n", "/p", "h", 1, True, "/ver", "extra"))
show(
    "BlueprintGroup positional",
    lambda: (
        lambda g: (g.url_prefix, g.version, g.strict_slashes, g.version_prefix, g.name_prefix)
    )(BlueprintGroup("/p", 2, True, "/ver", "np")),
)
show("group() positional kw only", lambda: Blueprint.group(Blueprint("x"), "/p"))
show("Blueprint params", lambda: list(inspect.signature(Blueprint).parameters))
show("group params", lambda: list(inspect.signature(Blueprint.group).parameters))
show("copy params", lambda: list(inspect.signature(Blueprint.copy).parameters))
show("app.blueprint params", lambda: list(inspect.signature(new_app("sigx").blueprint).parameters))
show("BlueprintGroup params", lambda: list(inspect.signature(BlueprintGroup).parameters))
bp = Blueprint("attrs")
show("defaults", lambda: (bp.url_prefix, bp.host, bp.version, bp.strict_slashes, bp.version_prefix))


async def h(request):
    return response.text("x")


bp.add_route(h, "/x")
app = new_app("attrapp", strict_slashes=True)
app.blueprint(bp, url_prefix="/reg", version=3, version_prefix="/rv")
show(
    "after registration",
    lambda: (bp.url_prefix, bp.host, bp.version, bp.strict_slashes, bp.version_prefix),
)
bp2 = Blueprint("attrs2", url_prefix="/a")
bp2.add_route(h, "/x")
g = Blueprint.group(bp2, url_prefix="/g", version=2, strict_slashes=True)
show(
    "in a group before registration",
    lambda: (bp2.url_prefix, bp2.version, bp2.strict_slashes, bp2.version_prefix),
)
app2 = new_app("attrapp2")
app2.blueprint(g)
show(
    "in a group after registration",
    lambda: (bp2.url_prefix, bp2.version, bp2.strict_slashes, bp2.version_prefix),
)
show(
    "group after registration",
    lambda: (g.url_prefix, g.version, g.strict_slashes, g.version_prefix),
)
show(
    "copy of registered",
    lambda: (lambda c: (c.url_prefix, c.version, c.strict_slashes, c.version_prefix))(
        bp.copy("attrs3")
    ),
)
show("repr after", lambda: repr(bp))
show("str", lambda: str(bp))
show("hash eq", lambda: (bp == bp.copy("attrs4"), bp == bp))
