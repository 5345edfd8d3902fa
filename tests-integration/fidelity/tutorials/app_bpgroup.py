"""Blueprint-scoped behaviour: an exception handler on one blueprint, middleware on a
Blueprint.group (applies to every member), nested groups with url_prefix, a copied
blueprint for v2 (bp.copy), and bp.static (pattern origin: GitHub
miaohf/sanic_demo_v2 apps/api_v2/__init__.py, Saebasol/Heliotrope_deprecated
Heliotrope/v2/__init__.py, linwencai/ddd-structure src/myproject/urls.py)."""

import os
import tempfile

from sanic import Blueprint, Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import json, text

app = Sanic("TutBpGroup")
DOCS = tempfile.mkdtemp(prefix="tut-docs-")
with open(os.path.join(DOCS, "readme.txt"), "w") as fh:
    fh.write("docs here\n")
os.utime(os.path.join(DOCS, "readme.txt"), (1700000000, 1700000000))

users = Blueprint("users", url_prefix="/users")
posts = Blueprint("posts", url_prefix="/posts")
docs = Blueprint("docs", url_prefix="/docs")
docs.static("/files", DOCS, name="files")


@users.get("/<uid:int>")
async def user(request, uid: int):
    if uid > 10:
        raise NotFound(f"no user {uid}")
    return json({"uid": uid, "group": getattr(request.ctx, "group", None)})


@users.exception(NotFound)
async def users_not_found(request, exception):
    return json({"users_error": str(exception)}, status=404)


@posts.get("/<pid:int>")
async def post(request, pid: int):
    if pid > 10:
        raise NotFound(f"no post {pid}")
    if pid == 0:
        raise SanicException("zero", status_code=409)
    return text(f"post {pid} {getattr(request.ctx, 'group', None)}")


inner = Blueprint.group(users, posts, url_prefix="/inner")


@inner.middleware("request")
async def mark(request):
    request.ctx.group = "inner"


@inner.middleware("response")
async def mark_resp(request, response):
    response.headers["x-group"] = "inner"


outer = Blueprint.group(inner, docs, url_prefix="/api")
app.blueprint(outer)
users_v2 = users.copy("users_v2", url_prefix="/v2users")
app.blueprint(users_v2)
