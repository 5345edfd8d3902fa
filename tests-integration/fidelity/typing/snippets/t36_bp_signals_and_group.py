from typing import reveal_type

from sanic import Blueprint, Request, Sanic
from sanic.blueprint_group import BlueprintGroup

a = Blueprint("a", url_prefix="/a")
b = Blueprint("b", url_prefix="/b")
@a.signal("a.b.c")
async def sig(**ctx: object) -> None:
    pass
g = BlueprintGroup(url_prefix="/g", version=2)
g.append(a)
g.extend([b])
@g.middleware("request")
async def gm(request: Request) -> None:
    pass
app = Sanic("T36")
app.blueprint([g])
async def go() -> None:
    await a.dispatch("a.b.c")
reveal_type(g.blueprints)
reveal_type(len(g))
reveal_type(g[0])
