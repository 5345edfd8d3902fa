from dataclasses import dataclass, field
from typing import reveal_type

from sanic import Request, Sanic
from sanic.config import Config


@dataclass
class Ctx:
    counter: int = 0
    names: list[str] = field(default_factory=list)
app = Sanic("T44", ctx=Ctx())
@app.after_server_start
async def bump(app: Sanic[Config, Ctx]) -> None:
    app.ctx.counter += 1
    reveal_type(app.ctx.names)
@app.get("/")
async def idx(request: Request[Sanic[Config, Ctx]]) -> None:
    reveal_type(request.app.ctx.counter)
    reveal_type(request.ctx)
