"""A REST resource layer on class-based views (written for this round): ``HTTPMethodView``
subclasses with class-level ``decorators`` (an API-key check and a header-adding one), a
per-method decorator, a view registered on two blueprints under different names, a view
with a path parameter routed with ``strict_slashes``, ``as_view()`` given constructor
arguments, ``app.url_for`` across blueprints (by the view's class name and by ``name=``),
and a blueprint group whose middleware counts requests."""

from functools import wraps

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound, Unauthorized
from sanic.response import empty, json
from sanic.views import HTTPMethodView

app = Sanic("resources")
BOOKS = {1: {"id": 1, "title": "Dune"}, 2: {"id": 2, "title": "Emma"}}
COUNTS = {"api": 0}


def require_key(handler):
    @wraps(handler)
    async def wrapper(request, *args, **kwargs):
        if request.headers.get("x-api-key") != "k1":
            raise Unauthorized("missing or bad API key")
        return await handler(request, *args, **kwargs)
    return wrapper


def add_header(name, value):
    def decorator(handler):
        @wraps(handler)
        async def wrapper(request, *args, **kwargs):
            response = await handler(request, *args, **kwargs)
            response.headers[name] = value
            return response
        return wrapper
    return decorator


def admin_only(handler):
    @wraps(handler)
    async def wrapper(self, request, *args, **kwargs):
        if request.headers.get("x-role") != "admin":
            return json({"error": "admins only"}, status=403)
        return await handler(self, request, *args, **kwargs)
    return wrapper


class BookList(HTTPMethodView):
    decorators = [require_key, add_header("X-Resource", "books")]

    async def get(self, request):
        ids = sorted(BOOKS)
        return json({"items": [BOOKS[i] for i in ids],
                     "links": [request.app.url_for("v1.BookItem", book_id=i) for i in ids]})

    async def post(self, request):
        data = request.json or {}
        new_id = max(BOOKS) + 1
        BOOKS[new_id] = {"id": new_id, "title": data.get("title", "untitled")}
        return json(BOOKS[new_id], status=201,
                    headers={"Location": request.app.url_for("v1.BookItem", book_id=new_id)})


class BookItem(HTTPMethodView):
    decorators = [require_key]

    def _get(self, book_id):
        if book_id not in BOOKS:
            raise NotFound(f"book {book_id} not found")
        return BOOKS[book_id]

    async def get(self, request, book_id: int):
        return json(self._get(book_id))

    async def patch(self, request, book_id: int):
        book = self._get(book_id)
        book.update({k: v for k, v in (request.json or {}).items() if k == "title"})
        return json(book)

    @admin_only
    async def delete(self, request, book_id: int):
        self._get(book_id)
        del BOOKS[book_id]
        return empty()


class Greeting(HTTPMethodView):
    def __init__(self, greeting="hello"):
        self.greeting = greeting

    def get(self, request, who="world"):
        return json({"msg": f"{self.greeting} {who}", "route": request.route.name})

    async def head(self, request, who="world"):
        return empty(headers={"X-Greeting": self.greeting})


v1 = Blueprint("v1", url_prefix="/v1")
v1.add_route(BookList.as_view(), "/books")
v1.add_route(BookItem.as_view(), "/books/<book_id:int>")
v1.add_route(Greeting.as_view("hi"), "/greet/<who>", strict_slashes=True, name="greet_who")
v1.add_route(Greeting.as_view("hi"), "/greet")
mirror = Blueprint("mirror", url_prefix="/mirror")
mirror.add_route(BookList.as_view(), "/books", name="books")
mirror.add_route(Greeting.as_view(greeting="yo"), "/greet", name="greet")
api = Blueprint.group(v1, mirror, url_prefix="/api")


@api.middleware("request")
async def count(request):
    COUNTS["api"] += 1


@app.get("/")
async def index(request):
    u = app.url_for
    return json({
        "books": u("v1.BookList"),
        "book": u("v1.BookItem", book_id=7, expand="author"),
        "greet": u("v1.greet_who", who="ann"),
        "greet_plain": u("v1.Greeting"),
        "mirror": u("mirror.books"),
        "mirror_greet": u("mirror.greet", _external=True, _server="m.example"),
        "count": COUNTS["api"],
    })


app.blueprint(api)
