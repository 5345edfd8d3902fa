"""kiki-kanri/sanic-template (main/app.py of two commits, apps/home, apps/example,
instance.example/config.py, run.sh), condensed: `update_config(Path(.../config.py))`
(FALLBACK_ERROR_FORMAT json, NOISY_EXCEPTIONS, INSTALLED_APPS), blueprints of the
installed apps registered with `url_prefix='/api' + bp.url_prefix`, a middleware class
whose plain functions take the request (registered by name, written here), and the earlier
commit's route returning one `text()` response made once at start-up to every request. Run
as run.sh does: ``python -m sanic --host ... --port ... --no-access-logs --no-coffee
--no-motd --no-noisy-exceptions --workers 2 kiki_app:app``. Stand-ins:
sanic_cookiesession (left out); the apps are the dict below."""

from pathlib import Path

from sanic import Blueprint, HTTPResponse, Request, Sanic, text
from sanic.exceptions import NotFound

ROOT = Path(__file__).resolve().parent

home_api = Blueprint("home_api")
example_api = Blueprint("example_api", url_prefix="/example")


@home_api.get("/")
async def home(rq: Request):
    return text("Hello World!")


@example_api.get("/")
async def example(request: Request):
    return text("Hello World!")


@example_api.get("/fail")
async def fail(request: Request):
    raise NotFound("no example here")


@example_api.get("/crash")
async def crash(request: Request):
    return {}["missing"]


class ExampleMiddleware:
    def request(request: Request):
        print("request:", request.method, request.path)

    def response(request: Request, response: HTTPResponse):
        print("response:", response.status)


APPS = {"home": [home_api], "example": [example_api]}


def install_apps(sanic_app: Sanic):
    for app_name in sanic_app.config.get("INSTALLED_APPS"):
        for bp in APPS[app_name]:
            url_prefix = "/api"
            if bp.url_prefix:
                url_prefix += bp.url_prefix
            sanic_app.blueprint(bp, url_prefix=url_prefix)


def create_app():
    sanic_app = Sanic("SanicApp")
    sanic_app.update_config(ROOT / "kiki_instance" / "config.py")
    install_apps(sanic_app)
    sanic_app.register_middleware(ExampleMiddleware.request, "request")
    sanic_app.register_middleware(ExampleMiddleware.response, "response")
    response = text("Hello World!")

    @sanic_app.get("/")
    async def hello_world(request: Request):
        return response

    @sanic_app.get("/config")
    async def config(request: Request):
        c = request.app.config
        return text(f"{c.FALLBACK_ERROR_FORMAT} {c.NOISY_EXCEPTIONS} {c.ACCESS_LOG} {c.MOTD} {c.INSTALLED_APPS}")

    return sanic_app


app = create_app()
