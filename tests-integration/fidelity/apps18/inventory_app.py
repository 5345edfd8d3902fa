"""Warehouse inventory with class-based views (written for this round): an
``HTTPMethodView`` built by ``as_view(store, unit="kg")`` (constructor arguments), class
``decorators`` (an API-key check) plus a per-method decorator (``@staticmethod``-free
``functools.wraps`` wrapper on ``patch``), a view registered on a blueprint with
``bp.add_route`` and ``version=``, a collection view and an item view sharing the store, the
automatic HEAD/OPTIONS refusals, ``request.json`` validation, an ``async`` and a plain
``def`` method side by side, and a view instance's attributes reached from
``request.route.handler.view_class``."""

from functools import wraps

from sanic import Blueprint, Sanic
from sanic.exceptions import BadRequest, NotFound, Unauthorized
from sanic.response import empty, json
from sanic.views import HTTPMethodView

app = Sanic("inventory")


def require_key(handler):
    @wraps(handler)
    async def wrapper(request, *args, **kwargs):
        if request.headers.get("x-api-key") != "secret":
            raise Unauthorized("API key required")
        result = handler(request, *args, **kwargs)
        if hasattr(result, "__await__"):
            result = await result
        return result
    return wrapper


def audited(handler):
    @wraps(handler)
    async def wrapper(self, request, *args, **kwargs):
        response = await handler(self, request, *args, **kwargs)
        response.headers["X-Audited"] = handler.__name__
        return response
    return wrapper


class Store:
    def __init__(self):
        self.items = {"bolts": 120, "nuts": 75}


class Collection(HTTPMethodView):
    decorators = [require_key]

    def __init__(self, store, unit="pcs"):
        self.store = store
        self.unit = unit

    async def get(self, request):
        return json({"unit": self.unit, "items": self.store.items})

    def post(self, request):
        body = request.json
        if not isinstance(body, dict) or not isinstance(body.get("name"), str):
            raise BadRequest("name required")
        qty = body.get("qty", 0)
        if not isinstance(qty, int) or qty < 0:
            raise BadRequest("qty must be a non-negative integer")
        self.store.items[body["name"]] = qty
        return json({body["name"]: qty}, status=201)


class Item(HTTPMethodView):
    decorators = [require_key]

    def __init__(self, store):
        self.store = store

    async def get(self, request, name):
        if name not in self.store.items:
            raise NotFound(f"no item {name}")
        return json({name: self.store.items[name]})

    @audited
    async def patch(self, request, name):
        if name not in self.store.items:
            raise NotFound(f"no item {name}")
        delta = request.json.get("delta") if isinstance(request.json, dict) else None
        if not isinstance(delta, int):
            raise BadRequest("delta must be an integer")
        if self.store.items[name] + delta < 0:
            raise BadRequest("not enough stock")
        self.store.items[name] += delta
        return json({name: self.store.items[name]})

    async def delete(self, request, name):
        self.store.items.pop(name, None)
        return empty()


store = Store()
bp = Blueprint("inv", url_prefix="/inventory")
bp.add_route(Collection.as_view(store, unit="kg"), "/", version=1)
bp.add_route(Item.as_view(store), "/<name>", version=1)
app.blueprint(bp)


@app.get("/introspect")
async def introspect(request):
    out = {}
    for route in request.app.router.routes:
        view = getattr(route.handler, "view_class", None)
        if view is not None:
            out[route.name] = {"view": view.__name__, "methods": sorted(route.methods)}
    return json(out)
