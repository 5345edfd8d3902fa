"""miaohf/sanic_demo_v2 (app.py's create_app, middlewares/auth.py, apps/api_v1/__init__.py
and posts.py, core/events.py), condensed: `Blueprint.group(posts, tags, users,
url_prefix='/api/v1')` over blueprints with their own prefixes and `'/'` routes, a JWT
request middleware registered with `register_middleware(fn, "request")` that skips
`PUBLIC_PATHS` by exact `request.path` and leaves `request.ctx.user` None on any token
problem, handlers raising `Unauthorized`/`NotFound`, request bodies unpacked into models
(`PostCreate(**request.json)`), an event bus whose async subscribers are gathered after a
write, `app.config.update(settings.dict())`. Stand-ins: PyJWT (``Bearer user-N`` or
``Bearer expired``), Tortoise repositories (a dict), pydantic models (dataclasses), CORS
(left out)."""

import asyncio
import logging
from dataclasses import asdict, dataclass, field
from enum import Enum, auto

from sanic import Blueprint, Sanic, json
from sanic.exceptions import NotFound, Unauthorized
from sanic.request import Request

app_logger = logging.getLogger("blog")
PUBLIC_PATHS = ["/", "/auth/login", "/auth/register", "/auth/refresh"]


class EventType(Enum):
    POST_CREATED = auto()
    POST_DELETED = auto()


class EventBus:
    def __init__(self):
        self._subscribers = {}

    def subscribe(self, event_type, callback=None):
        if callback is None:
            def decorator(func):
                self._subscribers.setdefault(event_type, []).append(func)
                return func
            return decorator
        self._subscribers.setdefault(event_type, []).append(callback)
        return callback

    async def publish(self, event_type, data=None):
        coroutines = []
        for callback in self._subscribers.get(event_type, []):
            if asyncio.iscoroutinefunction(callback):
                coroutines.append(callback(data))
            else:
                callback(data)
        if coroutines:
            await asyncio.gather(*coroutines)


event_bus = EventBus()


@dataclass
class PostCreate:
    title: str
    content: str
    tags: list = field(default_factory=list)


POSTS = {1: {"id": 1, "title": "hello", "content": "first", "tags": [], "author": 1}}


async def jwt_middleware(request: Request):
    if request.path in PUBLIC_PATHS:
        return
    auth_header = request.headers.get("Authorization")
    if not auth_header or not auth_header.startswith("Bearer "):
        request.ctx.user = None
        return
    token = auth_header.replace("Bearer ", "")
    if token == "expired" or not token.startswith("user-"):
        request.ctx.user = None
        return
    request.ctx.user = int(token[5:])


bp = Blueprint("posts_v1", url_prefix="/posts")
tags_bp = Blueprint("tags_v1", url_prefix="/tags")
users_bp = Blueprint("users_v1", url_prefix="/users")


@bp.get("/")
async def get_posts(request: Request):
    page = int(request.args.get("page", 1))
    page_size = min(int(request.args.get("page_size", 10)), 100)
    items = sorted(POSTS.values(), key=lambda p: p["id"])[(page - 1) * page_size: page * page_size]
    return json({"items": items, "page": page, "page_size": page_size})


@bp.post("/")
async def create_post(request: Request):
    user_id = request.ctx.user
    if not user_id:
        raise Unauthorized("Please login first")
    post_data = PostCreate(**request.json)
    post = {"id": max(POSTS) + 1, **asdict(post_data), "author": user_id}
    POSTS[post["id"]] = post
    await event_bus.publish(EventType.POST_CREATED, post["id"])
    return json(post)


@bp.get("/<post_id:int>")
async def get_post(request: Request, post_id: int):
    post = POSTS.get(post_id)
    if not post:
        raise NotFound("Post not found")
    return json(post)


@bp.delete("/<post_id:int>")
async def delete_post(request: Request, post_id: int):
    user_id = request.ctx.user
    if not user_id:
        raise Unauthorized("Please login first")
    post = POSTS.get(post_id)
    if not post or post["author"] != user_id:
        raise NotFound("Post not found or you don't have permission to delete it")
    del POSTS[post_id]
    await event_bus.publish(EventType.POST_DELETED, post_id)
    return json({"message": "Post deleted successfully"})


@tags_bp.get("/")
async def get_tags(request: Request):
    return json([])


@users_bp.get("/me")
async def me(request: Request):
    return json({"user": request.ctx.user})


api_v1 = Blueprint.group(bp, tags_bp, users_bp, url_prefix="/api/v1")


class Settings:
    def dict(self):
        return {"HOST": "127.0.0.1", "PORT": 8000, "DEBUG": False, "DATABASE_URL": "sqlite://:memory:"}


def create_app():
    app = Sanic("blog_api")
    app.config.update(Settings().dict())
    app.register_middleware(jwt_middleware, "request")

    @event_bus.subscribe(EventType.POST_CREATED)
    async def handle_post_created(post_id):
        app_logger.info(f"Post created event: {post_id}")

    @event_bus.subscribe(EventType.POST_DELETED)
    def handle_post_deleted(post_id):
        print(f"Post deleted event: {post_id}")

    app.blueprint(api_v1)

    @app.route("/")
    async def index(request):
        return json({"message": "Welcome to the Blog API"})

    return app


app = create_app()
