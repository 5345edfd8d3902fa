from typing import reveal_type

from sanic import Sanic


class Database:
    async def fetch(self) -> list[int]:
        return [1]
class AppCtx:
    db: Database
app = Sanic("T05", ctx=AppCtx())
reveal_type(app.ctx)
reveal_type(app.ctx.db)
async def use() -> None:
    rows = await app.ctx.db.fetch()
    reveal_type(rows)
