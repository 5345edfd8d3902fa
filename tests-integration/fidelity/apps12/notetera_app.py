"""etsalah/notetera (app.py, routes/v1/user.py, routes/v1/label.py,
decorations/authentication_helper.py, decorations/session_helper.py,
helpers/param_helper.py), condensed: blueprints with `url_prefix='/v1/user'` and routes at
`'/'`; the access token sent in the JSON body, of GET, PUT and DELETE requests too;
`get_json` returns the cached `request.json` itself and deletes `token` from it, so the
decorator that reads it first and the handler share one dict; decorators passing
`session_obj`/`user_obj` as keyword arguments in either order; `'/<user_id>'` declared
before `'/count'`. Stand-ins: SQLAlchemy (a dict of users), PyJWT (a token ``tok-<id>``,
``expired`` for the ExpiredSignatureError branch), dotenv and CORS (left out)."""

from datetime import datetime
from functools import wraps

from sanic import Blueprint, Sanic
from sanic.response import json

USERS = {"u1": {"id": "u1", "username": "ama", "deleted_at": None}}


class ExpiredSignatureError(Exception):
    pass


class DecodeError(Exception):
    pass


def decode_token(params, key):
    token = params[key]
    if token == "expired":
        raise ExpiredSignatureError()
    if not isinstance(token, str) or not token.startswith("tok-"):
        raise DecodeError()
    return USERS[token[4:]]


def get_json(request_obj, remove_token=True):
    result = request_obj.json or {}
    if remove_token and "token" in result:
        del result["token"]
    return result


def authenticate():
    def decorator(f):
        @wraps(f)
        async def decorated_function(request, *args, **kwargs):
            params = get_json(request, remove_token=False)
            if not params or "token" not in params:
                return json({"message": "you need to pass in access token"}, 401)
            try:
                kwargs["user_obj"] = decode_token(params, "token")
                return await f(request, *args, **kwargs)
            except ExpiredSignatureError:
                return json({"message": "Your login has expired, please login again"}, 401)
            except DecodeError:
                return json({"message": "Your token is invalid, provide a valid token to proceed"}, 401)
        return decorated_function
    return decorator


def inject_session():
    def decorator(f):
        @wraps(f)
        async def decorated_function(request, *args, **kwargs):
            kwargs["session_obj"] = USERS
            return await f(request, *args, **kwargs)
        return decorated_function
    return decorator


user_bp = Blueprint("user_blue_print", url_prefix="/v1/user")
label_bp = Blueprint("label_blue_print", url_prefix="/v1/label")


@label_bp.route("/")
async def label_index(request):
    return json({"endpoint": "label blueprint"})


@user_bp.get("/")
@authenticate()
@inject_session()
async def user_index(request, session_obj, user_obj):
    params = get_json(request, True)
    return json({"params": params, "json_now": request.json, "users": sorted(session_obj)})


@user_bp.post("/")
@inject_session()
async def save_user(request, session_obj):
    data = get_json(request)
    _id = f"u{len(session_obj) + 1}"
    data.update({"id": _id, "created_at": datetime(2020, 1, 1).isoformat(), "deleted_at": None})
    data.pop("password")
    session_obj[_id] = data
    return json(data)


@user_bp.get("/<user_id>")
@inject_session()
@authenticate()
async def find_user(request, session_obj, user_obj, user_id):
    return json(session_obj.get(user_id))


@user_bp.get("/count")
@inject_session()
@authenticate()
async def count(request, session_obj, user_obj):
    params = get_json(request, remove_token=True)
    return json({"count": len(session_obj), "params": params})


@user_bp.delete("/")
@inject_session()
@authenticate()
async def delete_user(request, session_obj, user_obj):
    params = get_json(request, remove_token=True)
    filter_args = params.get("filters", [])
    filter_args.append({"id": {"$eq": user_obj["id"]}})
    return json({"deleted": filter_args})


app = Sanic(__name__.replace(".", "_"))
for route in [user_bp, label_bp]:
    app.blueprint(route)


@app.route("/")
async def test(request):
    return json({"hello": "world"})
