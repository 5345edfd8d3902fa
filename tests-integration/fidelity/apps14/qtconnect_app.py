"""bunny1985/qtConnect (sanicApp.py, main.py, api/version.py, api/eventsSocked.py,
middlewares/cors.py, settings/cors.py, settings/debug.py, settings/security.py and
errors/base.py, condensed; no licence file in the stored copy). `Sanic("QTConnect",
strict_slashes=True)`, settings classes applied with `apply_to(app)`, two middleware
functions both named `cors` (a request one answering every OPTIONS with a bare
`HTTPResponse(status=200)`, a response one writing CORS fields from the config), a
response middleware registered inside a static method, blueprints with
`strict_slashes=True`, a websocket echo on a blueprint, a static folder, and an
`HTTPResponse` subclass (`BaseErrorResponse`) built with `json_dumps` from
`sanic.response`.

Stand-ins: `secure.SecureHeaders` (the fields its 0.2 `sanic()` sets), marshmallow's
schema (`load(...).data` a dict), the static folder (`qtconnect_static`). Left out:
`sanic_openapi`'s blueprint and `sanic_jwt`. Added: one route returning the
`BaseErrorResponse` that errors/base.py defines (the app's own error type, otherwise used
by the jwt views left out).
"""

import os

from sanic import Blueprint, Sanic
from sanic.response import HTTPResponse, json, json_dumps

app = Sanic("QTConnect", strict_slashes=True)


# settings/debug.py, settings/cors.py
class DebugSetting:
    @staticmethod
    def apply_to(app):
        if os.environ.get("DEBUG", "").lower() in ("true", "1", "y", "yes"):
            app.config.DEBUG = True


class CorsSettings:
    def apply_to(app):
        app.config.CORS_ORIGINS = "*"
        if "CORS_ORIGINS" in os.environ:
            app.config.CORS_ORIGINS = list(
                map(lambda host: host.strip(), os.environ["CORS_ORIGINS"].split(","))
            )


# stand-in for secure.SecureHeaders (0.2)
class SecureHeaders:
    def sanic(self, response):
        response.headers["Strict-Transport-Security"] = "max-age=63072000; includeSubdomains"
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers["X-XSS-Protection"] = "1; mode=block"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer, strict-origin-when-cross-origin"
        response.headers["Cache-control"] = "no-cache, no-store, must-revalidate"
        response.headers["Pragma"] = "no-cache"


class SecuritySeettings:
    @staticmethod
    def apply_to(app):
        secure_headers = SecureHeaders()

        @app.middleware("response")
        async def set_secure_headers(request, response):
            secure_headers.sanic(response)


# middlewares/cors.py
class CorsMiddleWare:
    @staticmethod
    def apply_to(app):
        @app.middleware("request")
        async def cors(request):
            if request.method == "OPTIONS":
                return HTTPResponse(status=200)

        @app.middleware("response")
        async def cors(request, response):  # noqa: F811
            response.headers["Access-Control-Allow-Origin"] = app.config.CORS_ORIGINS
            response.headers["Access-Control-Allow-Headers"] = "*"
            response.headers["Access-Control-Allow-Methods"] = "*"


# errors/base.py (marshmallow's Schema stood in)
class _Loaded:
    def __init__(self, data):
        self.data = {k: v for k, v in data.items() if v is not None}


class BaseError:
    def load(self, data):
        return _Loaded(data)


class BaseErrorResponse(HTTPResponse):
    schema = BaseError()
    type = "UNKNOWN"

    def __init__(self, message="", errors=None, **kwargs):
        data = self.schema.load(dict(type=self.type, message=message, errors=errors)).data
        kwargs.setdefault("content_type", "application/json")
        kwargs.setdefault("status", 400)
        super().__init__(json_dumps(data), **kwargs)


# api/version.py
version_blueprint = Blueprint("Version", url_prefix="/info", strict_slashes=True)


@version_blueprint.route("/version", methods=["GET"])
async def test(request):
    return json({"application": "qtconnect", "version": 0.2})


@version_blueprint.route("/error", methods=["GET", "POST"])
async def error(request):
    return BaseErrorResponse("bad input", {"field": "required"})


# api/eventsSocked.py
events_stream_blueprint = Blueprint("EventsStream", url_prefix="/events", strict_slashes=True)


@events_stream_blueprint.websocket("/feed")
async def feed(request, ws):
    while True:
        data = "hello!"
        print("Sending: " + data)
        await ws.send(data)
        data = await ws.recv()
        print("Received: " + data)


DebugSetting.apply_to(app)
CorsSettings.apply_to(app)
SecuritySeettings.apply_to(app)
CorsMiddleWare.apply_to(app)

app.blueprint(version_blueprint)
app.blueprint(events_stream_blueprint)

app.static("/static", "./qtconnect_static")
