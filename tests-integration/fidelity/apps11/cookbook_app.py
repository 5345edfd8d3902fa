"""A family cookbook site (a package whose __init__ adds its routes to ``app``): pages
with an ``ETag`` made from the collection's or recipe's hash plus who asks, a ``304``
answered as ``sanic.empty(headers={"ETag": etag}, status=304)`` when ``If-None-Match``
equals it (skipped when ``app.debug``), ``NotFound("No such recipe ...")``, two
``add_cookie`` on a recipe page, a handler (``/``) calling another handler (``collection``)
and a ``/<name>`` route calling ``recipe``. Stand-ins: sanic-ext's ``render`` (an
``html()`` of the context), the cookbook store (two collections), ``auth`` (an ``admin``
cookie and a ``user`` query), ``generate_title`` (fixed)."""

import hashlib
from collections import OrderedDict
from types import SimpleNamespace

import sanic
from sanic import Request
from sanic.exceptions import NotFound
from sanic.response import html

app = sanic.Sanic("cookbook")


async def render(template, headers=None, context=None):
    body = f"<h1>{template}</h1>" + "".join(f"<p>{k}={v!r}</p>" for k, v in sorted(context.items(), key=lambda kv: kv[0]) if k != "recipes")
    if "recipes" in context:
        body += "<ul>" + "".join(f"<li>{r}</li>" for r in context["recipes"]) + "</ul>"
    return html(body, headers=headers)


def _recipe(name, created, updated):
    return SimpleNamespace(name=name, date_created=created, date_updated=updated,
                           sha=hashlib.sha256(name.encode(), usedforsecurity=False))


RECIPES = {"family": {"pho": _recipe("Pho", 1, 5), "banh-mi": _recipe("Banh mi", 2, 3)},
           "baking": {}}


class cookbook:
    DEFAULT_COLLECTION = "family"
    COLLECTIONS = list(RECIPES)

    @staticmethod
    async def get_collection_etag(collection):
        return hashlib.sha1(repr(sorted(RECIPES.get(collection, {}))).encode()).hexdigest()

    @staticmethod
    async def get_recipes(collection):
        return RECIPES.get(collection, {})

    @staticmethod
    def generate_title():
        return "Grandma's Kitchen"


class auth:
    @staticmethod
    def is_admin(request):
        return request.cookies.get("admin") == "yes"

    @staticmethod
    def get_username(request):
        return request.args.get("user")


@app.get("/")
async def index(request: Request):
    """Index page"""
    return await collection(request, collection=cookbook.DEFAULT_COLLECTION)


def _update_etag_reqinfo(etag, is_admin: bool, username):
    """Update etag hash with request info"""
    etag = etag.copy()  # (the stand-in's recipe hash is shared: copied so pages repeat)
    etag.update(is_admin.to_bytes())
    etag.update((username or "").encode("utf-8", errors="ignore"))
    return etag.hexdigest()


@app.get("/collection/<collection:str>")
async def collection(request: Request, collection: str = cookbook.DEFAULT_COLLECTION):
    """Get a recipe collection"""
    is_admin = auth.is_admin(request)
    username = auth.get_username(request)

    etag = _update_etag_reqinfo(
        hashlib.sha256(
            (await cookbook.get_collection_etag(collection)).encode("ascii"),
            usedforsecurity=False,
        ),
        is_admin=is_admin,
        username=username,
    )

    if not app.debug:
        if_match = request.headers.get("If-None-Match")
        if if_match is not None and if_match == etag:
            return sanic.empty(headers={"ETag": etag}, status=304)

    recipes = await cookbook.get_recipes(collection)

    ordered = OrderedDict(
        sorted(recipes.items(), key=lambda x: x[1].date_updated, reverse=True)
    )

    if username is not None:
        title = f"{username}'s Kitchen"
    else:
        title = cookbook.generate_title()

    return await render(
        "cookbook.html",
        headers={"ETag": etag},
        context={
            "collection": collection,
            "collections": cookbook.COLLECTIONS,
            "recipes": ordered,
            "is_admin": is_admin,
            "username": username,
            "latest": max(
                recipes,
                key=lambda recipe_id: recipes[recipe_id].date_created,
                default=None,
            ),
            "title": title,
        },
    )


@app.get("/recipe/<collection:str>/<id>")
async def recipe(request: Request, collection: str, id: str):
    """Recipe viewer page"""
    recipes = await cookbook.get_recipes(collection)
    if id not in recipes:
        raise NotFound("No such recipe exists on this website")

    is_admin = auth.is_admin(request)
    username = auth.get_username(request)

    recipe = recipes[id]
    etag = _update_etag_reqinfo(
        recipe.sha,
        is_admin=is_admin,
        username=username,
    )
    if not app.debug:
        if_match = request.headers.get("If-None-Match")
        if if_match is not None and if_match == etag:
            return sanic.empty(headers={"ETag": etag}, status=304)

    response = await render(
        "recipe.html",
        headers={"ETag": etag},
        context={
            "collection": collection,
            "recipe": recipe.name,
            "recipe_id": id,
            "is_admin": is_admin,
        },
    )

    response.add_cookie("last-recipe", id)
    response.add_cookie("last-collection", collection)

    return response


@app.get("/recipe/<collection:str>/<id>/<name>")
async def _recipe_pretty(request: Request, collection: str, id: str, name: str):
    return await recipe(request, collection, id)
