"""Versioned API blueprints grouped with Blueprint.group(version=..., version_prefix=...),
a group url_prefix, blueprint middleware and url_for across blueprints (pattern origin:
GitHub na-stewart/Aidans-Page blog/blueprints/view.py, linwencai/ddd-structure src/myproject/urls.py,
miaohf/sanic_demo_v2 apps/api_v2/__init__.py)."""

from sanic import Blueprint, Sanic
from sanic.response import json, redirect, text

app = Sanic("TutBpVersion")

users = Blueprint("users", url_prefix="/users")
posts = Blueprint("posts", url_prefix="/posts")
legacy = Blueprint("legacy", url_prefix="/old", version=2)


@users.get("/")
async def list_users(request):
    return json(
        {
            "users": ["ann"],
            "route": request.route.name,
            "url": request.app.url_for("api_users.one", uid=7),
        }
    )


@users.get("/<uid:int>")
async def one(request, uid: int):
    return json({"uid": uid, "name": request.name})


@posts.get("/<slug:slug>")
async def post(request, slug: str):
    return text(slug)


@posts.middleware("request")
async def posts_only(request):
    request.ctx.hit = "posts"


@posts.middleware("response")
async def posts_resp(request, response):
    response.headers["x-bp"] = getattr(request.ctx, "hit", "none")


@legacy.get("/ping", version=3)
async def ping(request):
    return text("pong")


@legacy.get("/go")
async def go(request):
    return redirect(request.app.url_for("api_posts.post", slug="hello-world"))


api = Blueprint.group(users, posts, version=1, version_prefix="/api/v", name_prefix="api")
app.blueprint(api)
app.blueprint(legacy)
v2 = Blueprint.group(Blueprint("stats", url_prefix="/stats"), url_prefix="/v9")
app.blueprint(v2)
