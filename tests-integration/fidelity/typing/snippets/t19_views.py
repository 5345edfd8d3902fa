from typing import reveal_type

from sanic import Request, Sanic
from sanic.response import HTTPResponse, text
from sanic.views import HTTPMethodView, stream


def deco(f):  # type: ignore[no-untyped-def]
    return f
class ItemView(HTTPMethodView):
    decorators = [deco]
    async def get(self, request: Request, pk: int) -> HTTPResponse:
        return text(str(pk))
    async def post(self, request: Request, pk: int) -> HTTPResponse:
        return text("ok", status=201)
class Upload(HTTPMethodView, attach=None, uri="/up"):
    @stream
    async def put(self, request: Request) -> HTTPResponse:
        return text("ok")
app = Sanic("T19")
app.add_route(ItemView.as_view(), "/item/<pk:int>")
ItemView.attach(app, "/item2/<pk:int>")
reveal_type(ItemView.as_view())
