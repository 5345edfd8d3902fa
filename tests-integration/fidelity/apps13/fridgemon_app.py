"""kansherhan/fridge-mon-backend (dispatcher.py, routes.py, config.py, core/app/request.py,
core/app/context.py, middlewares/auth.py, middlewares/db.py, apps/countries/routes.py,
exceptions/country/*; no licence file in the repository). A `Config()` filled from a
settings file by path (`config.update_config("./config.py")`) and passed with a context
object to `Sanic(config.APP_NAME, config=config, ctx=ctx)`; a `BlueprintGroup(url_prefix=
"/api")` built directly and filled with `.append(bp)`; `Blueprint("countries",
"/countries")` (the prefix positional); `app.get("/", ctx_unauthorized_request=True)`;
redirect routes made with `app.route(url)(lambda *_, **__: redirect(redirect_url))` in a
loop (the lambda's late binding); `app.register_middleware(fn)` (a request middleware by
default) reading `request.token` and raising `SanicException` subclasses with class-level
`status_code` and `message`; `FALLBACK_ERROR_FORMAT = "json"`; handlers annotated with an
`AppRequest(Request)` subclass that is never made the request class, so its
`request.empty()` is an `AttributeError`.

Stand-ins: the peewee models and database (countries and tokens in memory), sanic_ext's
`validate(json=...)` (a decorator building the dataclass from `request.json`, 400 on a
missing field; the `openapi` decorators are left out), `Extend(app, extensions=[CORS])`
(left out: sanic_ext is not installed beside Sanic here), the apps folder listing (the
countries module only). The settings file is `fridgemon_config.py`.
"""

from dataclasses import dataclass
from functools import wraps
from sys import argv as sys_args

from sanic import Blueprint, Request, Sanic
from sanic.blueprint_group import BlueprintGroup
from sanic.config import Config
from sanic.exceptions import BadRequest, SanicException
from sanic.response import empty as empty_response, json, redirect, text


# stand-ins for the database and sanic_ext
class DataStatus:
    ACTIVE = "active"
    DELETE = "delete"


class Country:
    rows = {1: {"id": 1, "name": "Kazakhstan", "status": "active"},
            2: {"id": 2, "name": "Uzbekistan", "status": "active"}}

    def __init__(self, row):
        self.row = row

    @classmethod
    def find_by_id(cls, id):
        row = cls.rows.get(id)
        return cls(row) if row and row["status"] == DataStatus.ACTIVE else None

    get_or_none_by_id = find_by_id

    @classmethod
    def get_or_none_by_name(cls, name):
        for row in cls.rows.values():
            if row["name"] == name:
                return cls(row)
        return None

    @classmethod
    def create(cls, name):
        row = {"id": max(cls.rows) + 1, "name": name, "status": DataStatus.ACTIVE}
        cls.rows[row["id"]] = row
        return cls(row)

    def to_json_response(self):
        return json({k: v for k, v in self.row.items() if k != "status"})


TOKENS = {"t0ken": {"employee": "aigerim"}}


def validate(json=None):
    def decorator(f):
        @wraps(f)
        async def wrapper(request, *args, **kwargs):
            try:
                body = json(**(request.json or {}))
            except TypeError as e:
                raise BadRequest(f"Invalid request body: {json.__name__}. Error: {e}")
            return await f(request, *args, body=body, **kwargs)
        return wrapper
    return decorator


def model(model, not_found_exception):
    if model is None:
        raise not_found_exception()
    return model


# core/app/request.py
class AppRequest(Request):
    @property
    def user(self) -> any:
        return self.ctx.user

    @property
    def config(self) -> Config:
        return self.app.config

    @classmethod
    def empty(cls):
        return empty_response()


# core/app/context.py
class AppContext:
    def __init__(self, config: Config) -> None:
        self.db = ("postgres", config.get("DATABASE_HOST"))


# exceptions/
class CountyNotFoundError(SanicException):
    status_code = 400
    message = "С таким названием страна отсутствует!"


class HasCountryError(SanicException):
    status_code = 400
    message = "С таким названием страна есть!"


class TokenNotFoundError(SanicException):
    status_code = 401
    message = "Token not found"


class TokenError(SanicException):
    status_code = 403
    message = "Token is invalid"


# apps/countries/request_params.py
@dataclass
class CreateCountryParams:
    name: str


@dataclass
class UpdateCountryParams:
    name: str


# apps/countries/routes.py
routes = Blueprint("countries", "/countries")


@routes.get("/")
async def get_all_countries(request: AppRequest):
    return json([r for r in Country.rows.values() if r["status"] == DataStatus.ACTIVE])


@routes.get("/<country_id:int>")
async def get_country(request: AppRequest, country_id: int):
    country = model(
        model=Country.find_by_id(country_id),
        not_found_exception=CountyNotFoundError,
    )

    return country.to_json_response()


@routes.post("/")
@validate(json=CreateCountryParams)
async def create_country(request: AppRequest, body: CreateCountryParams):
    country = Country.get_or_none_by_name(body.name)

    if country != None:
        raise HasCountryError()

    country = Country.create(name=body.name)

    return country.to_json_response()


@routes.patch("/<country_id:int>")
@validate(json=UpdateCountryParams)
async def update_country(
    request: AppRequest,
    country_id: int,
    body: UpdateCountryParams,
):
    country = model(
        model=Country.get_or_none_by_id(country_id),
        not_found_exception=CountyNotFoundError,
    )

    country.row["name"] = body.name

    return country.to_json_response()


@routes.delete("/<country_id:int>")
async def delete_country(request: AppRequest, country_id: int):
    country = model(
        model=Country.get_or_none_by_id(country_id),
        not_found_exception=CountyNotFoundError,
    )

    country.row["status"] = DataStatus.DELETE

    return request.empty()


@routes.get("/whoami")  # added: what the middleware put on request.ctx
async def whoami(request: AppRequest):
    return json({"user": request.ctx.user, "route_ctx": vars(request.route.ctx)})


# middlewares/
async def reload_db_connect(request: Request):
    db = request.app.ctx.db
    assert db[0] == "postgres"


async def authentication_middleware(request: Request):
    config = request.app.config

    if config.DEBUG and request.path.startswith(config.OAS_URL_PREFIX):
        return

    if request.path in request.app.config.NO_AUTH_URLS:
        return

    if not request.token:
        raise TokenNotFoundError()

    token = TOKENS.get(request.token)

    if token == None:
        raise TokenError()

    request.ctx.user = token["employee"]
    request.ctx.user_token = request.token


# routes.py
def _register_routes(app: Sanic) -> None:
    @app.get("/", ctx_unauthorized_request=True)
    async def main_page(request: Request):
        return text("Hello, World!")


def _register_redirect_routes(app: Sanic) -> None:
    redirects_routes = app.config.REDIRECTS

    for url, redirect_url in redirects_routes.items():
        app.route(url)(lambda *_, **__: redirect(redirect_url))


def _register_apps_routes(route_prefix: str) -> BlueprintGroup:
    routes_group = BlueprintGroup(url_prefix=route_prefix)
    routes_group.append(routes)
    return routes_group


def register_routes(app: Sanic) -> None:
    _register_routes(app)
    _register_redirect_routes(app)

    app.blueprint(_register_apps_routes(app.config.ROUTE_PREFIX))


# dispatcher.py
def create_config() -> Config:
    config = Config()
    config.update_config("./fridgemon_config.py")

    config.DEBUG = "--debug" in sys_args
    config.OAS = config.DEBUG

    return config


def register_middlewares(app: Sanic) -> None:
    app.register_middleware(reload_db_connect)
    app.register_middleware(authentication_middleware)


def create_app() -> Sanic:
    config = create_config()

    ctx = AppContext(config)

    app = Sanic(config.APP_NAME, config=config, ctx=ctx)

    register_routes(app)
    register_middlewares(app)

    return app


app = create_app()
