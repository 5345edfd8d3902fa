"""darialissi/sanic-pastebin (server.py, backend/users/router.py, backend/pastes/router.py,
backend/pastes/service.py), condensed.

``Blueprint.group(u_router, p_router, name_prefix="API", url_prefix="/api")`` of a
blueprint without a prefix and one with ``/pastes``; ``@app.after_server_start`` and
``@app.before_server_stop`` used bare; two ``@app.on_response`` (closing a per-request
session put in ``request.ctx`` by ``@app.on_request``, adding ``X-XSS-protection``);
``request.token`` checked before a JWT decode; ``request.json.update(...)``;
``SanicException(msg, status_code=...)``; a route handler annotated ``uri: PasteURI``.
No licence file in the stored copy.

Stands in: SQLAlchemy's async session, the S3 object storage and the Redis token storage
are dicts; the JWT is an HMAC-signed base64 JSON token with ``sub``; the pydantic schemas
are plain classes; ``sanic_ext.openapi.definition`` (not installed under Sanic's side) is
a decorator returning the handler; the URI generator counts instead of drawing at random.
"""

import base64
import hashlib
import hmac
import json as jsonlib

from sanic import Blueprint, HTTPResponse, Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request

SECRET = b"k"
DB = {"users": {}, "pastes": {}, "closed": 0}
OBJECTS: dict = {}


class PasteURI(str):
    pass


class openapi:
    @staticmethod
    def definition(**kwargs):
        return lambda handler: handler


class Token:
    @staticmethod
    def encode_jwt(private_key, payload):
        p = base64.urlsafe_b64encode(jsonlib.dumps(payload).encode())
        return (p + b"." + hmac.new(private_key, p, hashlib.sha256).hexdigest().encode()).decode()

    @staticmethod
    def decode_jwt(private_key, token):
        p, _, sig = token.encode().partition(b".")
        if hmac.new(private_key, p, hashlib.sha256).hexdigest().encode() != sig:
            raise SanicException("Invalid token", status_code=401)
        return jsonlib.loads(base64.urlsafe_b64decode(p))


class AsyncSession:
    async def close(self):
        DB["closed"] += 1

    async def commit(self):
        pass


def async_session():
    return AsyncSession()


class UsersService:
    async def get_user(self, session, username):
        return DB["users"].get(username)

    async def add_user(self, session, data):
        user = {"id": len(DB["users"]) + 1, "username": data["username"]}
        DB["users"][data["username"]] = user
        return user

    async def auth_user(self, user):
        return Token.encode_jwt(SECRET, {"sub": user["id"]})


class PastesService:
    async def add_paste(self, session, paste: dict) -> PasteURI:
        paste["uri"] = f"p{len(DB['pastes']) + 1:04d}"
        body = paste.pop("text")
        OBJECTS[paste["uri"]] = body
        DB["pastes"][paste["uri"]] = dict(paste)
        await session.commit()
        return paste["uri"]

    async def get_paste(self, session, uri: PasteURI):
        info = DB["pastes"].get(uri)
        i_dict = dict(info)
        i_dict.update({"text": OBJECTS[uri]})
        return i_dict

    async def get_user_pastes(self, session, user_id: int) -> dict:
        result = dict()
        for info in DB["pastes"].values():
            if info["user_id"] != user_id:
                continue
            i_dict = dict(info)
            uri = i_dict.pop("uri")
            i_dict.update({"text": OBJECTS[uri]})
            result[uri] = i_dict
        return result


u_router = Blueprint("Auth")
u_service = UsersService()


@u_router.post("/signin")
@openapi.definition(body={"application/json": {}})
async def signin(request: Request) -> HTTPResponse:
    user = await u_service.get_user(request.ctx.session, username=request.json.get("username"))
    if not user:
        user = await u_service.add_user(request.ctx.session, request.json)
    token = await u_service.auth_user(user)
    resp = response.json({"token": token})
    return resp


p_router = Blueprint("Pastes", url_prefix="/pastes")
service = PastesService()


@p_router.post("/")
@openapi.definition(body={"application/json": {}})
async def add_paste(request: Request) -> HTTPResponse:
    if not request.token:
        raise SanicException("You are unauthorized", status_code=401)
    decoded = Token.decode_jwt(private_key=SECRET, token=request.token)
    user_id = decoded.get("sub")
    request.json.update({"user_id": user_id})
    uri = await service.add_paste(request.ctx.session, request.json)
    return response.json({"uri": uri})


@p_router.get("/")
async def get_user_pastes(request: Request) -> HTTPResponse:
    if not request.token:
        raise SanicException("You are unauthorized", status_code=401)
    decoded = Token.decode_jwt(private_key=SECRET, token=request.token)
    user_id = decoded.get("sub")
    resp = await service.get_user_pastes(request.ctx.session, user_id=user_id)
    if not resp:
        raise SanicException("User has no any pastes", status_code=404)
    return response.json(resp)


@p_router.get("/<uri>")
async def get_paste(request: Request, uri: PasteURI) -> HTTPResponse:
    resp = await service.get_paste(request.ctx.session, uri=uri)
    if not resp:
        raise SanicException("Paste does not exist", status_code=404)
    return response.json(resp)


app = Sanic("PasteBin")

api = Blueprint.group(u_router, p_router, name_prefix="API", url_prefix="/api")
app.blueprint(api)


@app.after_server_start
async def create_db_tables(app):
    DB["started"] = sorted(app.router.routes_all and r.name for r in app.router.routes)


@app.before_server_stop
async def drop_db_tables(app):
    DB.clear()


@app.on_request
async def inject_session(request):
    request.ctx.session = async_session()


@app.on_response
async def close_session(request, response):
    if hasattr(request.ctx, "session"):
        await request.ctx.session.close()


@app.on_response
async def prevent_xss(request, response):
    response.headers["X-XSS-protection"] = "1; mode=block"


@app.get("/debug/routes")
async def routes(request):
    return response.json({"names": DB["started"],
                          "urls": [app.url_for(n) for n in DB["started"] if "<" not in
                                   app.router.name_index[n].path]})
