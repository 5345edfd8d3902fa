from typing import reveal_type

from sanic import Request, Sanic


class Ctx:
    n = 1
class R(Request[Sanic, Ctx]):
    @staticmethod
    def make_context() -> Ctx:
        return Ctx()
app = Sanic("T49", request_class=R)
async def h(request: R) -> None:
    reveal_type(request.ctx.n)
    reveal_type(request.app)
