"""sanic-beskar 3.2.0 (JWT auth in the flask-praetorian style): users in memory,
``authenticate``, ``encode_token``, ``auth_required``, ``auth_accepted``,
``roles_required``/``roles_accepted``, ``current_user``, refresh, its ``BeskarError``
(a ``SanicException`` built with a positional status) as error pages and through an
exception handler. Tokens carry times, so ``/flow`` logs in and calls the protected
routes itself over a socket (httpx), and answers with statuses and bodies without tokens."""

import httpx
from sanic_beskar import (
    Beskar,
    auth_accepted,
    auth_required,
    current_user,
    roles_accepted,
    roles_required,
)
from sanic_beskar.exceptions import BeskarError, MissingRoleError

from sanic import Sanic, response

app = Sanic("beskar_app")
app.config.SECRET_KEY = "beskar-secret-key-for-the-fidelity-run-0123456789"
app.config.BESKAR_HASH_SCHEME = "pbkdf2_sha512"


class User:
    USERS: dict = {}

    def __init__(self, id, username, password, roles):
        self.id, self.username, self.password, self.roles = id, username, password, roles
        self.is_active = True

    @property
    def identity(self):
        return self.id

    @property
    def rolenames(self):
        return self.roles.split(",") if self.roles else []

    def is_valid(self):
        return self.is_active

    @classmethod
    async def lookup(cls, username=None, email=None):
        return next((u for u in cls.USERS.values() if u.username == username), None)

    @classmethod
    async def identify(cls, id):
        return cls.USERS.get(id)


guard = Beskar(app, User)
for uid, (name, roles) in enumerate([("ann", "admin,staff"), ("bob", "staff"), ("cid", "")], 1):
    User.USERS[uid] = User(uid, name, guard.hash_password(f"{name}-pw"), roles)


@app.post("/login")
async def login(request):
    user = await guard.authenticate(request.json.get("username"), request.json.get("password"))
    return response.json({"access_token": await guard.encode_token(user)})


@app.get("/protected")
@auth_required
async def protected(request):
    user = await current_user()
    return response.json({"user": user.username, "roles": user.rolenames})


@app.get("/maybe")
@auth_accepted
async def maybe(request):
    try:
        user = await current_user()
    except BeskarError:
        return response.json({"user": None})
    return response.json({"user": user.username})


@app.get("/admin")
@roles_required("admin")
async def admin(request):
    return response.text("admin ok")


@app.get("/staff")
@roles_accepted("admin", "staff")
async def staff(request):
    return response.text("staff ok")


@app.post("/refresh")
async def refresh(request):
    token = await guard.refresh_token(guard.read_token(request))
    return response.json({"refreshed": bool(token)})


@app.exception(MissingRoleError)
async def missing_role(request, exc):
    return exc.json_response


@app.get("/flow")
async def flow(request):
    base = f"http://127.0.0.1:{request.conn_info.server_port}"
    out = []
    async with httpx.AsyncClient(base_url=base, timeout=5) as client:
        async def call(method, path, token=None, **kw):
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            headers.update(kw.pop("headers", {}))
            r = await client.request(method, path, headers=headers, **kw)
            body = r.text if "access_token" not in r.text else "<token>"
            out.append([method, path, bool(token), r.status_code, r.headers.get("content-type"), body])
            return r

        tokens = {}
        for name in ("ann", "bob", "cid"):
            r = await call("POST", "/login", json={"username": name, "password": f"{name}-pw"})
            tokens[name] = r.json()["access_token"]
        await call("POST", "/login", json={"username": "ann", "password": "wrong"})
        await call("POST", "/login", json={"username": "zed", "password": "x"})
        for path in ("/protected", "/maybe", "/admin", "/staff"):
            await call("GET", path)
            for name in ("ann", "bob", "cid"):
                await call("GET", path, tokens[name])
            await call("GET", path, "not.a.token")
            await call("GET", path, headers={"Accept": "application/json"})
        await call("POST", "/refresh", tokens["bob"])
        await call("POST", "/refresh")
    return response.json(out)
