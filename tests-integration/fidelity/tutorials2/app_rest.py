"""A versioned REST API (pattern origin: nuxion/services api_bp.py with
`Blueprint(..., url_prefix=..., version="v1")`, the agentrulegen Sanic rules page
(201 for created, `empty(status=204)` for deletes, `json(..., 404)`), miaohf/sanic_demo_v2
and the HTTPMethodView CRUD of tutorials): an items view with `version="v1"` given as a
string, nested params, PATCH/PUT/DELETE, a Location header from url_for."""

from sanic import Blueprint, Sanic
from sanic.response import empty, json
from sanic.views import HTTPMethodView

app = Sanic("TutRest")
api = Blueprint("api", url_prefix="/api", version="v1")
items: dict[int, dict] = {1: {"id": 1, "name": "first"}}


class ItemList(HTTPMethodView):
    async def get(self, request):
        limit = int(request.args.get("limit", 10))
        return json({"items": list(items.values())[:limit], "count": len(items)})

    async def post(self, request):
        data = request.json or {}
        if "name" not in data:
            return json({"error": "name is required"}, status=422)
        new_id = max(items, default=0) + 1
        items[new_id] = {"id": new_id, "name": data["name"]}
        location = request.app.url_for("api.ItemDetail", item_id=new_id)
        return json(items[new_id], status=201, headers={"Location": location})


class ItemDetail(HTTPMethodView):
    async def get(self, request, item_id: int):
        if item_id not in items:
            return json({"error": "not found"}, 404)
        return json(items[item_id])

    async def patch(self, request, item_id: int):
        items[item_id].update(request.json)
        return json(items[item_id])

    put = patch

    async def delete(self, request, item_id: int):
        items.pop(item_id, None)
        return empty(status=204)


api.add_route(ItemList.as_view(), "/items")
api.add_route(ItemDetail.as_view(), "/items/<item_id:int>")


@api.get("/users/<uid:int>/items/<name:str>", name="user_item")
async def user_item(request, uid: int, name: str):
    return json(
        {"uid": uid, "name": name, "self": request.url_for("api.user_item", uid=uid, name=name)}
    )


app.blueprint(api)
