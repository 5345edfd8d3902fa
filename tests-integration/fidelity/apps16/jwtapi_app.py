"""A token-auth API (written for this round): HS256 JWTs made and checked by hand with
``hmac`` (no PyJWT), an ``authorized(*scopes)`` decorator factory putting the claims on
``request.ctx.user``, blueprints with ``version=`` and ``version_prefix=``, a versioned
blueprint group, the same route name in two versions, ``url_for`` across them, and
``Unauthorized(..., scheme=...)`` challenges."""

import base64
import hashlib
import hmac
import json as jsonlib
from functools import wraps

from sanic import Blueprint, Sanic
from sanic.exceptions import BadRequest, Forbidden, SanicException, Unauthorized
from sanic.response import json

app = Sanic("tokens")
app.config.SECRET = "s3cr3t"
app.config.TOKEN_TTL = 3600
NOW = 1_700_000_000  # a fixed clock so tokens are the same in both runs


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode(claims: dict, secret: str) -> str:
    head = _b64(jsonlib.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = _b64(jsonlib.dumps(claims, separators=(",", ":"), sort_keys=True).encode())
    sig = hmac.new(secret.encode(), f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{_b64(sig)}"


def decode(token: str, secret: str) -> dict:
    try:
        head, body, sig = token.split(".")
    except ValueError:
        raise Unauthorized(
            "malformed token", scheme="Bearer", realm="api", error="invalid_token"
        ) from None
    good = hmac.new(secret.encode(), f"{head}.{body}".encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(good, _unb64(sig)):
        raise Unauthorized("bad signature", scheme="Bearer", realm="api", error="invalid_token")
    claims = jsonlib.loads(_unb64(body))
    if claims.get("exp", 0) < NOW:
        raise Unauthorized("token expired", scheme="Bearer", realm="api", error="invalid_token")
    return claims


def authorized(*scopes):
    def decorator(handler):
        @wraps(handler)
        async def wrapper(request, *args, **kwargs):
            if request.token is None:
                raise Unauthorized("auth required", scheme="Bearer", realm="api")
            claims = decode(request.token, request.app.config.SECRET)
            missing = set(scopes) - set(claims.get("scopes", []))
            if missing:
                raise Forbidden(f"missing scope(s): {', '.join(sorted(missing))}")
            request.ctx.user = claims
            return await handler(request, *args, **kwargs)
        return wrapper
    return decorator


USERS = {"alice": ("wonder", ["read", "write"]), "bob": ("builder", ["read"])}

auth = Blueprint("auth", url_prefix="/auth")
v1 = Blueprint("items_v1", url_prefix="/items", version=1)
v2 = Blueprint("items_v2", url_prefix="/items", version=2, version_prefix="/api/v")
admin = Blueprint("admin", url_prefix="/admin")
ops = Blueprint("ops", url_prefix="/ops")
internal = Blueprint.group(admin, ops, version="3.1", version_prefix="/internal/v")
ITEMS = {1: {"id": 1, "name": "lamp"}, 2: {"id": 2, "name": "desk"}}


@auth.post("/login")
async def login(request):
    data = request.json
    if not isinstance(data, dict) or not {"username", "password"} <= data.keys():
        raise BadRequest("username and password required")
    user = USERS.get(data["username"])
    if user is None or user[0] != data["password"]:
        raise Unauthorized("wrong credentials", scheme="Basic", realm="login")
    expires = NOW + (-10 if data.get("expired") else request.app.config.TOKEN_TTL)
    claims = {"sub": data["username"], "scopes": user[1], "exp": expires}
    return json({"access_token": encode(claims, request.app.config.SECRET),
                 "token_type": "bearer"})


@auth.get("/me")
@authorized()
async def me(request):
    return json({"user": request.ctx.user["sub"], "scopes": request.ctx.user["scopes"],
                 "links": {"v1": request.app.url_for("items_v1.list_items"),
                           "v2": request.app.url_for("items_v2.list_items", page=2)}})


@v1.get("/")
@authorized("read")
async def list_items(request):
    return json(list(ITEMS.values()))


@v1.get("/<item_id:int>")
@authorized("read")
async def get_item(request, item_id):
    if item_id not in ITEMS:
        raise SanicException("no such item", status_code=404)
    return json(ITEMS[item_id])


@v2.get("/")
@authorized("read")
async def list_items_v2(request):
    page = int(request.args.get("page", 1))
    return json({"page": page, "items": list(ITEMS.values()), "version": 2})


list_items_v2.__name__ = "list_items"


@v2.post("/")
@authorized("read", "write")
async def create_item(request):
    new_id = max(ITEMS) + 1
    ITEMS[new_id] = {"id": new_id, "name": str((request.json or {}).get("name", "?"))}
    return json(ITEMS[new_id], status=201,
                headers={"Location": request.app.url_for("items_v1.get_item", item_id=new_id)})


@v2.get("/version", version=5)
async def route_version(request):
    return json({"path": request.path, "route": request.route.name})


@admin.get("/stats")
@authorized("write")
async def stats(request):
    return json({"items": len(ITEMS), "by": request.ctx.user["sub"]})


@ops.get("/health")
async def health(request):
    return json({"ok": True, "url": request.url_for("ops.health")})


@app.get("/routes")
async def routes(request):
    return json(sorted(f"{r.name} {r.path}" for r in request.app.router.routes))


app.blueprint(auth)
app.blueprint(v1)
app.blueprint(v2)
app.blueprint(internal)
