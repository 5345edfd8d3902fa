"""sanic-jwt 1.8: the /auth endpoints (login, me, verify, refresh), protected and scoped
routes, class views, a blueprint, failures and their bodies; tokens made with a fixed
clock so both servers give the same token."""
from sanic_jwt import Initialize, exceptions, inject_user, protected, scoped
from sanic_jwt.authentication import Authentication

from sanic import Blueprint, Sanic
from sanic.response import json
from sanic.views import HTTPMethodView

USERS = {"alice": {"user_id": 1, "username": "alice", "password": "pw", "scopes": ["user", "admin:read"]}}
REFRESH = {}


class User(dict):
    def to_dict(self):
        return {"user_id": self["user_id"], "username": self["username"]}


class Auth(Authentication):
    async def authenticate(self, request, *args, **kwargs):
        data = request.json or {}
        user = USERS.get(data.get("username"))
        if not user or user["password"] != data.get("password"):
            raise exceptions.AuthenticationFailed("bad credentials")
        return User(user)

    async def retrieve_user(self, request, payload, *args, **kwargs):
        if payload:
            for u in USERS.values():
                if u["user_id"] == payload.get("user_id"):
                    return User(u)
        return None

    async def add_scopes_to_payload(self, user, *args, **kwargs):
        return user["scopes"]

    async def store_refresh_token(self, user_id, refresh_token, *args, **kwargs):
        REFRESH[user_id] = refresh_token

    async def retrieve_refresh_token(self, request, user_id, *args, **kwargs):
        return REFRESH.get(user_id)


app = Sanic("JwtApp")
Initialize(app, authentication_class=Auth, secret="s3cr3t", refresh_token_enabled=True,
           leeway=0, expiration_delta=3600)


@app.get("/open")
async def open_(request):
    return json({"open": True})


@app.get("/prot")
@protected()
async def prot(request):
    return json({"prot": True})


@app.get("/me")
@inject_user()
@protected()
async def me(request, user):
    return json({"user": user.to_dict() if user else None})


@app.get("/admin")
@scoped("admin:read")
async def admin(request):
    return json({"admin": True})


@app.get("/write")
@scoped(["admin:write", "user"], require_all=True)
async def write(request):
    return json({"write": True})


class V(HTTPMethodView):
    decorators = [protected()]

    async def get(self, request):
        return json({"view": True})


app.add_route(V.as_view(), "/view")
bp = Blueprint("jbp", url_prefix="/bp")


@bp.get("/p")
@protected(bp)
async def bpp(request):
    return json({"bp": True})


app.blueprint(bp)


@app.post("/login-and-use")
async def login_and_use(request):
    """Log in through the app's own /auth, then call the protected routes with it."""
    import httpx
    port = request.conn_info.server_port
    out = {}
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as c:
        r = await c.post("/auth", json={"username": "alice", "password": "pw"})
        body = r.json()
        out["login"] = [r.status_code, sorted(body)]
        tok, ref = body["access_token"], body.get("refresh_token")
        h = {"Authorization": f"Bearer {tok}"}
        for path in ("/prot", "/me", "/admin", "/write", "/view", "/bp/p", "/auth/me", "/auth/verify"):
            r = await c.get(path, headers=h)
            out[path] = [r.status_code, r.json()]
        r = await c.get("/prot", cookies={"access_token": tok})
        out["cookie"] = r.status_code
        r = await c.post("/auth/refresh", headers=h, json={"refresh_token": ref})
        out["refresh"] = [r.status_code, sorted(r.json())]
        r = await c.post("/auth/refresh", headers=h, json={"refresh_token": "wrong"})
        out["refresh-bad"] = [r.status_code, r.json()]
    return json(out)
