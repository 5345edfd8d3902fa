"""tuch-ka/sanic-users (src/app.py, src/auth.py, src/blueprints/auth.py,
src/blueprints/user.py, src/schemas/user.py), condensed.

Two blueprints without prefixes; a JWT kept in a ``token`` cookie set with
``response.cookies['token'] = ...`` and removed with ``del response.cookies['token']`` on a
fresh ``empty(200)``; an ``auth_required`` decorator reading the cookie;
``json(error.args, 400)`` and ``empty(404)``/``empty(401)`` with positional statuses; a
``<user_id:int>`` route. No licence file in the stored copy.

Stands in: peewee's models are a dict (a second registration of a name raises
``IntegrityError`` with the database's message); marshmallow's schemas are a small
``load`` with its error shape; PyJWT is an HMAC-signed base64 JSON token. Changed: the
stored ``create_app()`` registers no blueprint (its tests did): both are registered here.
"""

import base64
import hashlib
import hmac
import json as jsonlib
from functools import wraps
from typing import Optional

from sanic import Blueprint, Sanic
from sanic.response import empty, json

TOKEN_KEY = b'secret_key'
USERS: dict = {}


class ValidationError(Exception):
    def __init__(self, messages):
        super().__init__(messages)
        self.messages = messages


class IntegrityError(Exception):
    pass


class BasicSchema:
    required: tuple = ()
    optional: tuple = ()

    def load(self, data):
        if not isinstance(data, dict):
            raise ValidationError({"_schema": ["Invalid input type."]})
        errors = {}
        for key in self.required:
            if key not in data:
                errors[key] = ["Missing data for required field."]
            elif not isinstance(data[key], str):
                errors[key] = ["Not a valid string."]
        for key in data:
            if key not in self.required + self.optional:
                errors[key] = ["Unknown field."]
        if "email" in data and "@" not in str(data["email"]):
            errors["email"] = ["Not a valid email address."]
        if errors:
            raise ValidationError(errors)
        return data


class UserRegistrySchema(BasicSchema):
    required = ("username", "password")
    optional = ("email",)


class UserAuthSchema(BasicSchema):
    required = ("username", "password")


def create_token(payload: dict) -> str:
    p = base64.urlsafe_b64encode(jsonlib.dumps(payload).encode())
    return (p + b"." + hmac.new(TOKEN_KEY, p, hashlib.sha256).hexdigest().encode()).decode()


def read_token(token) -> Optional[dict]:
    if token is None:
        return None
    p, _, sig = token.encode().partition(b".")
    if hmac.new(TOKEN_KEY, p, hashlib.sha256).hexdigest().encode() != sig:
        return None
    return jsonlib.loads(base64.urlsafe_b64decode(p))


def auth_required(func):
    @wraps(func)
    async def wrapper(request, *args, **kwargs):
        token = request.cookies.get('token', None)
        token_payload = read_token(token)
        if token is None or token_payload is None:
            response = empty(401)
        else:
            response = await func(request, *args, **kwargs)
        return response
    return wrapper


class User:
    def __init__(self, user_id, username, password, email=None):
        self.user_id, self.username, self.password, self.email = user_id, username, password, email
        self.token = create_token({"user_id": user_id})

    def to_dict(self):
        return {"user_id": self.user_id, "username": self.username, "email": self.email}

    @classmethod
    async def create(cls, data):
        if any(u.username == data["username"] for u in USERS.values()):
            raise IntegrityError('UNIQUE constraint failed: user.username')
        user = cls(len(USERS) + 1, **data)
        USERS[user.user_id] = user
        return user

    @classmethod
    async def get_by_id(cls, user_id):
        return USERS.get(user_id)

    @classmethod
    async def auth(cls, data):
        for user in USERS.values():
            if user.username == data["username"] and user.password == data["password"]:
                return user
        return None


auth_bp = Blueprint('auth')


@auth_bp.post('/auth')
async def login(request):
    try:
        data = UserAuthSchema().load(request.json)
    except ValidationError as error:
        return json(error.messages, status=400)
    user = await User.auth(data=data)
    if user is None:
        return empty(401)
    response = json({'user_id': user.user_id, 'token': user.token}, status=200)
    response.cookies['token'] = user.token
    return response


@auth_bp.post('/logout')
async def logout(request):
    response = empty(200)
    del response.cookies['token']
    return response


user_bp = Blueprint('user')


@user_bp.post('/registry')
async def create_user(request):
    try:
        user_data = UserRegistrySchema().load(request.json)
    except ValidationError as error:
        return json(error.messages, status=400)
    try:
        user = await User.create(data=user_data)
    except IntegrityError as error:
        return json(error.args, 400)
    return json(user.to_dict(), status=201)


@user_bp.get('/<user_id:int>')
@auth_required
async def read_user(request, user_id):
    user = await User.get_by_id(user_id)
    if user is None:
        return empty(404)
    return json(user.to_dict(), status=200)


def create_app():
    app = Sanic("sanic_users")
    app.blueprint(auth_bp)
    app.blueprint(user_bp)
    return app


app = create_app()
