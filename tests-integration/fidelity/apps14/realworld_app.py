"""ankur26/realworld-sanic (realworld/server.py, services/auth_service.py,
services/profile_service.py, services/tag_service.py, middleware/
request_header_and_body_validator.py, middleware/request_content_validator.py,
helpers/serializer_helper.py and helpers/jwt_token_helper.py, condensed; no licence file
in the stored copy). The RealWorld ("Conduit") API: a factory, a catch-all
`app.error_handler.add(Exception, serialize_error)` that logs `logger.info(request)` and
answers `{"errors": {"message": ..., "exception": ...}}` with the exception's
`status_code` (500 without one), `Blueprint.group(..., url_prefix="/api")` of blueprints
with routes at `"/"` and `name=`, stacked decorators checking `Authorization: Token ...`,
`SanicException(msg, 422)` with a status positionally, `NotFound({...}, 404)` with a dict
as the message, a message joined from several lines, and handlers that *return* an
exception instead of raising it (`return SanicException("user already exists", 422)`,
`return NotFound("Username does not exist")`).

Stand-ins: peewee's models (dicts), pydantic's schemas (classes checking required string
fields and raising a `ValidationError` with `errors()`), bcrypt (a reversed password), PyJWT
(a token `jwt.<id>.<username>`, anything else a `DecodeError`). Left out: the articles
blueprint.
"""

from functools import wraps

from sanic import Blueprint, NotFound, Sanic, SanicException, Unauthorized, Forbidden, json, text
from sanic.log import logger


# ---- stand-ins ------------------------------------------------------------------------
class ValidationError(Exception):
    def __init__(self, errors):
        super().__init__(f"{len(errors)} validation errors")
        self._errors = errors

    def errors(self):
        return self._errors


class _Schema:
    required: tuple = ()
    optional: tuple = ()

    def __init__(self, **data):
        errors = []
        for name in self.required:
            if name not in data:
                errors.append({"type": "missing", "loc": (name,), "msg": "Field required"})
            elif not isinstance(data[name], str):
                errors.append({"type": "string_type", "loc": (name,), "msg": "Input should be a valid string"})
        if errors:
            raise ValidationError(errors)
        for name in self.required + self.optional:
            setattr(self, name, data.get(name))

    def model_dump(self):
        return {n: getattr(self, n) for n in self.required + self.optional}

    def __iter__(self):
        return iter(self.model_dump().items())


class UserRegistration(_Schema):
    required = ("username", "email", "password")


class UserLogin(_Schema):
    required = ("email", "password")


class UserUpdate(_Schema):
    optional = ("email", "username", "password", "bio", "image")


class UserOutput(_Schema):
    required = ("email", "token", "username")
    optional = ("bio", "image")


class ProfileSerializer(_Schema):
    required = ("username",)
    optional = ("bio", "image", "following")


USERS = {}
FOLLOWERS = set()


class DecodeError(Exception):
    pass


async def get_token(user):
    return True, f"jwt.{user['id']}.{user['username']}"


async def check_token_and_return_status(token):
    output = {"valid_token": True, "error": None, "return_status_code": 200, "token_user": None}
    try:
        kind, uid, name = token.split(".")
        if kind != "jwt":
            raise DecodeError("Not enough segments")
        user = USERS.get(int(uid))
        if not user or user["username"] != name:
            raise ValueError("The id in the claim does not exist")
        output["token_user"] = {k: v for k, v in user.items() if k != "password"}
        return output
    except (DecodeError, ValueError) as exc:
        output.update(return_status_code=500 if isinstance(exc, DecodeError) else 403,
                      error=f"{exc}", valid_token=False)
        return output


# ---- helpers/serializer_helper.py -------------------------------------------------------
async def serialize_output(classtype, data, key):
    return {key: classtype(**data).model_dump()}


async def merge_objects(input_data, output_data):
    for key in input_data:
        if key not in output_data or input_data[key]:
            output_data[key] = input_data[key]
    return output_data


async def serialize_error(request, exception: Exception = None):
    logger.info(request)
    logger.error(exception)
    message = getattr(exception, "message", "Some error happened")
    status_code = getattr(exception, "status_code", 500)
    return json({"errors": {"message": f"{message if message else exception}",
                            "exception": f"{exception}"}}, status_code)


# ---- middleware -------------------------------------------------------------------------
def validate_request_body_exists(func):
    @wraps(func)
    async def wrapper(request, *args, **kwargs):
        if not request.body:
            raise SanicException("body - Cannot be empty", 422)
        return await func(request, *args, **kwargs)
    return wrapper


def validate_request_object_exists_in_body(key):
    def decorator(func):
        @wraps(func)
        async def wrapper(request, *args, **kwargs):
            if not request.json.get(key, None):
                raise SanicException(f"body- {key} cannot be empty", 422)
            return await func(request, *args, **kwargs)
        return wrapper
    return decorator


def validate_authorization_token_exists(allow_anonymous=False):
    def dec(func):
        @wraps(func)
        async def wrapper(request, *args, **kwargs):
            auth_header = request.headers.get("Authorization", None)
            if auth_header:
                if not auth_header.startswith("Token "):
                    raise Unauthorized("header - Authorization missing bearer or token prefix")
                res = await func(request, *args, **kwargs)
            else:
                if allow_anonymous:
                    res = await func(request, *args, **kwargs)
                else:
                    raise Unauthorized("headers- Missing Bearer token")
            return res
        return wrapper
    return dec


def authorize():
    def decorator(func):
        @wraps(func)
        async def wrapper(request, *args, **kwargs):
            bearer_token = request.headers.get("Authorization", None)
            if bearer_token:
                bearer_token = bearer_token.replace("Bearer ", "").replace("Token ", "")
                out = await check_token_and_return_status(bearer_token)
                if out["valid_token"]:
                    user = out["token_user"]
                    user["token"] = bearer_token
                    request.ctx.user = user
                else:
                    raise SanicException(out["error"], status_code=out["return_status_code"])
            else:
                request.ctx.user = None
            return await func(request, *args, **kwargs)
        return wrapper
    return decorator


def validate_data(validator_class, object_entry: str):
    def decorator(f):
        @wraps(f)
        async def wrapper(request, *args, **kwargs):
            if not request.json.get(object_entry, None):
                return SanicException(
                    f"{object_entry} - This key did not exist in the request body, make sure to add this", 422)
            try:
                validated_data = validator_class(**request.json.get(object_entry))
                return await f(request, validated_data, *args, **kwargs)
            except ValidationError as ve:
                raise SanicException(
                    "\n".join([f"{v['type']}-{v['loc'][0]}-{v['msg']}" for v in ve.errors()]), 422)
            except Exception as e:
                raise SanicException(f"{e}", 500)
        return wrapper
    return decorator


# ---- services/auth_service.py -----------------------------------------------------------
auth_bp = Blueprint("auth", url_prefix="/users")
user_bp = Blueprint("user", url_prefix="/user")


@auth_bp.post("/", name="register")
@validate_request_body_exists
@validate_request_object_exists_in_body("user")
@validate_data(UserRegistration, "user")
async def register(request, validated_data: UserRegistration):
    if any(u["username"] == validated_data.username for u in USERS.values()):
        return SanicException("user already exists", 422)
    user_data = validated_data.model_dump()
    user_data["password"] = user_data["password"][::-1]
    uid = len(USERS) + 1
    USERS[uid] = {"id": uid, "bio": None, "image": None, **user_data}
    output_data = {k: v for k, v in USERS[uid].items() if k != "password"}
    status, output_data["token"] = await get_token(output_data)
    return json(await serialize_output(UserOutput, output_data, "user"))


@user_bp.get("/", name="get_user")
@validate_authorization_token_exists()
@authorize()
async def get_user(request):
    if request.ctx.user:
        return json(await serialize_output(UserOutput, request.ctx.user, "user"))
    raise SanicException("Something went wrong while serialzingt the user", 500)


@auth_bp.post("/login", name="login")
@validate_request_body_exists
@validate_request_object_exists_in_body("user")
@validate_data(UserLogin, "user")
async def login(request, validated_data: UserLogin):
    user = next((u for u in USERS.values() if u["email"] == validated_data.email), None)
    if user:
        if validated_data.password[::-1] == user["password"]:
            output_data = dict(user)
            status, output_data["token"] = await get_token(output_data)
            return json(await serialize_output(UserOutput, output_data, "user"))
        raise Forbidden("Password does not match")
    raise SanicException("username does not exist", 422)


@user_bp.put("/", name="update_user")
@validate_request_body_exists
@validate_request_object_exists_in_body("user")
@validate_authorization_token_exists()
@authorize()
@validate_data(UserUpdate, "user")
async def update_user(request, validated_data: UserUpdate):
    updated_user = await merge_objects(dict(validated_data), request.ctx.user)
    USERS[updated_user["id"]].update({k: v for k, v in updated_user.items() if k != "token"})
    output_data = {k: v for k, v in USERS[updated_user["id"]].items() if k != "password"}
    status, output_data["token"] = await get_token(output_data)
    return json(await serialize_output(UserOutput, output_data, "user"))


# ---- services/profile_service.py --------------------------------------------------------
profile_bp = Blueprint("profiles", url_prefix="/profiles")


def _by_name(username):
    return next((dict(u) for u in USERS.values() if u["username"] == username), None)


@profile_bp.get("/<username:str>", name="get_profile")
@validate_authorization_token_exists(allow_anonymous=True)
@authorize()
async def get_profile(request, username):
    curr_user = request.ctx.user
    profile_to_lookup = _by_name(username)
    if not profile_to_lookup:
        return NotFound("Username does not exist")
    profile_to_lookup["following"] = bool(curr_user) and (curr_user["id"], profile_to_lookup["id"]) in FOLLOWERS
    return json(await serialize_output(ProfileSerializer, profile_to_lookup, key="profile"))


@profile_bp.post("/<username:str>/follow", name="follow_user")
@validate_authorization_token_exists()
@authorize()
async def follow_user(request, username):
    curr_user = request.ctx.user
    profile_to_lookup = _by_name(username)
    if not profile_to_lookup or not curr_user:
        raise NotFound({"errors": "User or profile to follow not found"}, 404)
    FOLLOWERS.add((curr_user["id"], profile_to_lookup["id"]))
    profile_to_lookup["following"] = True
    return json(await serialize_output(ProfileSerializer, profile_to_lookup, key="profile"))


@profile_bp.delete("/<username:str>/follow", name="unfollow_user")
@validate_authorization_token_exists()
@authorize()
async def unfollow_user(request, username):
    try:
        user_id = request.ctx.user["id"]
        profile = _by_name(username)
        if profile:
            FOLLOWERS.discard((user_id, profile["id"]))
            profile["following"] = False
            return json(await serialize_output(ProfileSerializer, profile, key="profile"))
    except Exception:
        raise SanicException("Something went wrong", 500)


# ---- services/tag_service.py ------------------------------------------------------------
tag_bp = Blueprint("tags", url_prefix="/tags")


@tag_bp.get("/", name="get_tags")
async def get_tags(request):
    return json({"tags": ["sanic", "hurtle"]})


# ---- server.py -------------------------------------------------------------------------
async def hello(request):
    return text("Welcome to app")


def create_app(test=False):
    app = Sanic("conduit")
    app.error_handler.add(Exception, serialize_error)
    app.add_route(hello, "/")
    api = Blueprint.group(auth_bp, profile_bp, tag_bp, user_bp, url_prefix="/api")
    app.blueprint(api)
    return app


app = create_app()
