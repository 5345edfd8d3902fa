"""Tsarevich01/rating_photo (app/app.py, config.py, blueprints/users, answers, exceptions,
helpers/validators.py; no licence file in the repository). A photo-rating API built by a
factory: the settings class loaded into `app.config`, the three blueprints joined
in `Blueprint.group(..., url_prefix=app.config.APP_URL_PREFIX)`, each made with
`strict_slashes=True` (one route at `''`, so the group's prefix alone is the path), a
blueprint with `url_prefix='/'` and no routes that holds the `InvalidUsage` handler (a
blueprint's handler, so the other blueprints' `InvalidUsage` does not reach it), validators
raising `InvalidUsage`, sanic_jwt's `@protected()`/`@inject_user()` passing the user.

As written `Sanic()` (no name) is refused alike by both, and `config.from_object` is
`AttributeError: Config has no 'from_object'` in both (listed before); named here, and
`update_config(Config)`. The extensions
(`app.db = db`, `app.cors = CORS(app)`...) are left out: setting attributes on the app is
refused alike, as earlier rounds found.

Stand-ins: sanic_openapi's `doc` decorators (no-ops), sanic_jwt's decorators (a bearer
token `alice` or `admin` names the user; anything else is a 401 as sanic_jwt answers it),
the gino models and queries (fixed data), sanic_envconfig's `EnvConfig` (a plain class),
the settings read from the host and pyproject.toml (fixed values).
"""

from functools import wraps
from typing import Optional

from sanic import Blueprint, Sanic
from sanic.exceptions import InvalidUsage, Unauthorized
from sanic.request import Request
from sanic.response import json


# stand-ins
class doc:
    @staticmethod
    def _noop(*args, **kwargs):
        return lambda f: f

    summary = security = consumes = response = _noop
    Integer = String = Dictionary = List = staticmethod(lambda *a, **k: None)


class User:
    def __init__(self, id, login):
        self.id, self.login = id, login

    def to_dict(self):
        return {"id": self.id, "login": self.login}


USERS = {"alice": User(1, "alice"), "admin": User(2, "admin")}
PHOTOS = [{"id": 1, "url": "/p/1.jpg"}, {"id": 2, "url": "/p/2.jpg"}, {"id": 3, "url": "/p/3.jpg"}]
RATINGS = []


def _user(request):
    auth = request.headers.get("authorization", "")
    return USERS.get(auth[7:]) if auth.startswith("Bearer ") else None


def protected():
    def decorator(f):
        @wraps(f)
        async def wrapper(request, *args, **kwargs):
            if _user(request) is None:
                raise Unauthorized("Authorization header not present.")
            return await f(request, *args, **kwargs)
        return wrapper
    return decorator


def inject_user():
    def decorator(f):
        @wraps(f)
        async def wrapper(request, *args, **kwargs):
            return await f(request, *args, user=_user(request), **kwargs)
        return wrapper
    return decorator


class EnvConfig:
    pass


# app/helpers/validators.py
def raise_if_empty(*args, error: str = 'Missing data.'):
    for arg in args:
        if arg is None:
            raise InvalidUsage(error)


def raise_if_not_int(*args, error: str = 'Incorrect data.'):
    for arg in args:
        if not str(arg).isdigit():
            raise InvalidUsage(error)


def raise_if_not_float(*args, error: str = 'Incorrect data.'):
    for arg in args:
        if not str(arg).replace('.', '').isdigit():
            raise InvalidUsage(error)


# app/config.py (the settings that the app reads)
class Config(EnvConfig):
    SERVER_IP: str = 'localhost'
    SERVER_PORT: int = 80
    APP_URL_PREFIX: str = '/api'
    PROXIES_COUNT: int = 0  # If use NGINX set to 1
    PG_CONNECTION: str = None
    GRACEFUL_SHUTDOWN_TIMEOUT: float = 5.0
    DEBUG: bool = False
    SERVICE_NAME: str = 'rating_photo'
    SANIC_JWT_STRICT_SLASHES: bool = True


# app/blueprints/users/view.py
users = Blueprint('users', url_prefix='/users', strict_slashes=True)


@doc.summary('Получение пользователя')
@doc.security(True)
@users.get('/me')
@protected()
@inject_user()
async def get_user(request: Request, user: User):  # pylint: disable=unused-argument
    return json(user.to_dict())


@doc.summary('Получение количества оцененных фоток')
@users.get('/count_photos')
@protected()
@inject_user()
async def get_count_photo(request: Request, user: User):  # pylint: disable=unused-argument
    if user.login == 'admin':
        count = [{"user_id": u.id, "count": sum(1 for r in RATINGS if r["user_id"] == u.id)} for u in USERS.values()]
    else:
        count = len([r for r in RATINGS if r["user_id"] == user.id])
    return json({'count': count})


@doc.summary('Получение пользоватей')
@users.get('/users')
@protected()
@inject_user()
async def get_users(request: Request, user: User):  # pylint: disable=unused-argument
    if user.login == 'admin':
        return json([u.to_dict() for u in USERS.values() if u.login != 'admin'])


@users.put('/me')
@protected()
@inject_user()
async def update_user(request: Request, user: User):
    raise_if_empty(request.json)
    login = request.json.get('login')
    if login is not None:
        user.login = login
    return json(user.to_dict())


# app/blueprints/answers/view.py
answers = Blueprint('photo', url_prefix='/photo', strict_slashes=True)


@doc.summary('Получение Фотографий')
@answers.get('')
@protected()
@inject_user()
async def get_photos(request: Request, user: User):
    limit = request.args.get('limit')
    offset = request.args.get('offset', default=0)
    raise_if_empty(limit, offset)
    raise_if_not_int(limit, offset)
    photos = limit_query(PHOTOS, limit, offset)
    return json(photos)


@answers.get('/count')
@protected()
async def get_count(request: Request):  # pylint: disable=unused-argument
    return json({'photo_count': len(PHOTOS)})


@answers.post('')
@protected()
@inject_user()
async def add_rating_photo(request: Request, user: User):
    photo_id = request.json.get('photo_id')
    rating = request.json.get('rating')
    raise_if_empty(photo_id, rating)
    raise_if_not_float(rating)
    RATINGS.append(dict(photo_id=photo_id, user_id=user.id, rating=float(rating)))
    return json({'status': 'ok'})


def limit_query(query, limit: Optional[str] = None, offset: Optional[str] = None):
    if offset:
        raise_if_not_int(offset)
        query = query[int(offset):]
    if limit:
        raise_if_not_int(limit)
        query = query[:int(limit)]
    return query


# app/blueprints/exceptions/view.py
blueprint_exceptions = Blueprint('except', url_prefix='/', strict_slashes=True)


@blueprint_exceptions.exception(InvalidUsage)
def except_invalid_usage(requests: Request, exceptions):  # pylint: disable=unused-argument
    return json({
        'status': str(exceptions)
    }, status=400)


# app/app.py
def create_app(config_object: object = Config) -> Sanic:
    app = Sanic("rating_photo")
    app.config.update_config(config_object)
    register_blueprints(app)
    return app


def register_blueprints(app: Sanic):
    app.blueprint(Blueprint.group(
        users,
        answers,
        blueprint_exceptions,
        url_prefix=app.config.APP_URL_PREFIX
    ))


app = create_app()
