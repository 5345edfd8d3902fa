"""sanic-jwt style protection (pattern origin: sanic-jwt docs "protected" and "scoped"
pages, and hand-written `authorized()` decorators in tutorials): a decorator that calls
the handler and awaits the result only when `isawaitable` (so sync and async handlers
both work), scopes checked with Forbidden, `request.token` from `Authorization: Token`,
a blueprint-wide check in `bp.middleware`, and `@protected()` on a view method."""

from functools import wraps
from inspect import isawaitable

from sanic import Blueprint, Sanic
from sanic.exceptions import Forbidden, Unauthorized
from sanic.response import json, text
from sanic.views import HTTPMethodView

app = Sanic("TutAuthz")
app.config.AUTH_TOKEN_KEY = "Token"  # as `request.token` reads "Token xyz" too
TOKENS = {"t-admin": ["admin", "user"], "t-user": ["user"]}


def scoped(*needed: str):
    def decorator(f):
        @wraps(f)
        async def decorated(request, *args, **kwargs):
            token = request.token
            if token is None:
                raise Unauthorized("Authorization header not present.", scheme="Token")
            scopes = TOKENS.get(token)
            if scopes is None:
                raise Unauthorized("Auth required.", scheme="Token", realm="api")
            if not set(needed) <= set(scopes):
                raise Forbidden(f"Scopes {sorted(set(needed) - set(scopes))} missing")
            request.ctx.scopes = scopes
            response = f(request, *args, **kwargs)
            if isawaitable(response):
                response = await response
            return response

        return decorated

    return decorator


@app.get("/me")
@scoped("user")
def me(request):
    return json({"scopes": request.ctx.scopes, "token": request.token})


@app.get("/admin")
@scoped("admin")
async def admin(request):
    return text("admin area")


admin_bp = Blueprint("adm", url_prefix="/bp")


@admin_bp.middleware("request")
async def bp_guard(request):
    if request.token not in TOKENS:
        return json({"reason": "no token"}, status=401)


@admin_bp.get("/stats")
async def stats(request):
    return json({"ok": True})


class Profile(HTTPMethodView):
    async def get(self, request):
        return text("public profile")

    @scoped("admin")
    async def delete(self, request):
        return text("deleted")


app.add_route(Profile.as_view(), "/profile")
app.blueprint(admin_bp)
