from typing import reveal_type

from sanic import Request, Sanic
from sanic.config import Config


class Cfg(Config):
    pass
class Ctx:
    pool: int = 0
CustomApp = Sanic[Cfg, Ctx]
CustomRequest = Request[CustomApp, Ctx]
def attach(app: CustomApp) -> None:
    reveal_type(app.ctx.pool)
    reveal_type(app.config)
async def handler(request: CustomRequest) -> None:
    reveal_type(request.app)
    reveal_type(request.ctx.pool)
app = Sanic("T07", config=Cfg(), ctx=Ctx())
attach(app)
