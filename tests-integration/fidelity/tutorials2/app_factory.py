"""App factory (pattern origin: fumiya-kubota/sanic-gino-boilerplate myapp/__init__.py,
Coderhypo/tuchuang app/__init__.py, Gdeon1337/sanic_template app/app.py): create_app()
loading config from an object (class and module-like object), a Config subclass passed
as `config=`, blueprints registered inside the factory, handlers reading config."""

import types

from sanic import Blueprint, Sanic
from sanic.config import Config
from sanic.response import json, text


class BaseSettings:
    DEBUG_SQL = False
    API_TITLE = "demo"
    PAGE_SIZE = 10
    lower_case_ignored = "not a key"


class DevSettings(BaseSettings):
    PAGE_SIZE = 5
    FEATURE_X = True


class AppConfig(Config):
    """A Config subclass setting a default of its own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.SERVICE = "factory"


users = Blueprint("users", url_prefix="/users")
meta = Blueprint("meta")


@users.get("/")
async def list_users(request):
    size = request.app.config.PAGE_SIZE
    return json({"users": [f"u{i}" for i in range(size)], "title": request.app.config.API_TITLE})


@users.get("/<uid:int>")
async def get_user(request, uid):
    return json({"id": uid, "url": request.app.url_for("users.get_user", uid=uid)})


@meta.get("/config")
async def show_config(request):
    cfg = request.app.config
    keys = sorted(
        k
        for k in ("PAGE_SIZE", "FEATURE_X", "API_TITLE", "SERVICE", "DEBUG_SQL", "EXTRA")
        if k in cfg
    )
    return json(
        {
            "keys": keys,
            "has_lower": "lower_case_ignored" in cfg,
            "cls": type(cfg).__name__,
            "get": cfg.get("MISSING", "dflt"),
        }
    )


@meta.get("/name")
async def name(request):
    return text(f"{request.app.name} {type(request.app).__name__}")


def create_app(settings: object = DevSettings) -> Sanic:
    app = Sanic("TutFactory", config=AppConfig())
    app.config.update_config(settings)
    # from_object() (the old name, still in many factories) is gone in 25.12: both fail alike
    app.config.update_config(types.SimpleNamespace(EXTRA="ns"))
    app.config.update({"API_TITLE": "Demo API"})
    app.blueprint(Blueprint.group(users, meta))
    return app


app = create_app()
