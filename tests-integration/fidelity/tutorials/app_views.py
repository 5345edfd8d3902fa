"""Class-based CRUD resource: HTTPMethodView with get/post/put/patch/delete, a
decorators list, as_view() registered with add_route for a collection and an item
path, and strict_slashes (pattern origin:
https://sanic-jwt.readthedocs.io/en/v1.0.2/pages/protected.html (class based views),
GitHub na-stewart/Aidans-Page blueprint views). A dict stands in for the store."""

from functools import wraps

from sanic import Sanic
from sanic.exceptions import NotFound
from sanic.response import empty, json
from sanic.views import HTTPMethodView

app = Sanic("TutViews")
STORE = {1: {"id": 1, "title": "one"}}


def timed(fn):
    @wraps(fn)
    async def inner(request, *a, **kw):
        resp = await fn(request, *a, **kw)
        resp.headers["x-view"] = type(fn).__name__
        return resp

    return inner


class Items(HTTPMethodView):
    decorators = [timed]

    async def get(self, request):
        return json(sorted(STORE.values(), key=lambda i: i["id"]))

    async def post(self, request):
        new_id = max(STORE, default=0) + 1
        STORE[new_id] = {"id": new_id, **(request.json or {})}
        return json(
            STORE[new_id], status=201, headers={"location": request.app.url_for("Item", iid=new_id)}
        )


class Item(HTTPMethodView):
    def _get(self, iid):
        if iid not in STORE:
            raise NotFound(f"item {iid}")
        return STORE[iid]

    async def get(self, request, iid: int):
        return json(self._get(iid))

    async def put(self, request, iid: int):
        self._get(iid)
        STORE[iid] = {"id": iid, **request.json}
        return json(STORE[iid])

    async def patch(self, request, iid: int):
        self._get(iid).update(request.json)
        return json(STORE[iid])

    async def delete(self, request, iid: int):
        self._get(iid)
        del STORE[iid]
        return empty()


app.add_route(Items.as_view(), "/items", strict_slashes=True)
app.add_route(Item.as_view(), "/items/<iid:int>")
