"""hisdream86/python-sanic-example (app.py, main.py, config/default.py, cors/cors.py,
middlewares/request.py, middlewares/response.py, middlewares/error_handler.py,
errors/errors.py, views/ping.py, views/product.py and controllers/product.py, condensed;
no licence file in the stored copy). A `Sanic` *subclass* whose `__init__` passes a whole
`log_config` (`%(message)s` only, `disable_existing_loggers`) and registers everything
itself; `self.error_handler.add(Exception, handle_error)` answering JSON with a `code`;
`SanicException` subclasses keeping their status in `status` (not `status_code`);
`HTTPResponse` subclasses with `content_type="application/json;charset=utf-8"`; the same
class-based view at `/api/v1/products` and `/api/v1/products/<product_name>` (its `get`
takes no `product_name`); a view with `decorator = [...]` (not `decorators`, so unused); a
`before_server_start` listener that calls `app.router.reset()`, adds an OPTIONS route per
path and `finalize()`s; request and response middleware logging JSON lines with
`dict(request.headers)` and the response body.

Stand-ins: the pydantic `Product` (a dataclass with `dict()`), the aiohttp client session
of the listeners (nothing), `tomlkit` reading the name and version (constants), `ujson`
(json). Left out: `sanic_openapi`'s blueprint and decorators. The logged lines carry a
timestamp, a latency and a random request id, so the logs compare by shape only. As written
both refuse to start alike (`Duplicate route names detected:
python_sanic_example.ProductsView`); the second route is named here.
"""

import json
import sys
import time
import uuid
from collections import defaultdict
from dataclasses import asdict, dataclass
from enum import Enum
from functools import wraps
from typing import Callable, Dict, FrozenSet, Iterable, Optional

import sanic.exceptions
from sanic import Sanic, response
from sanic.exceptions import SanicException, ServerError
from sanic.log import logger
from sanic.request import Request
from sanic.response import HTTPResponse, empty
from sanic.views import HTTPMethodView


class config:
    APP_NAME = "python-sanic-example"
    APP_VERSION = "0.1.0"
    ALLOWED_ORIGINS = ["http://localhost:3000"]
    LOG_CONFIG = {
        "version": 1,
        "disable_existing_loggers": True,
        "loggers": {
            "sanic.root": {"level": "INFO", "handlers": ["console"]},
            "sanic.error": {"level": "INFO", "handlers": ["error_console"], "propagate": False,
                            "qualname": "sanic.error"},
            "sanic.access": {"level": "INFO", "handlers": ["access_console"], "propagate": False,
                             "qualname": "sanic.access"},
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "message", "stream": sys.stdout},
            "error_console": {"class": "logging.StreamHandler", "formatter": "message",
                              "stream": sys.stderr},
            "access_console": {"class": "logging.StreamHandler", "formatter": "message",
                               "stream": sys.stdout},
        },
        "formatters": {"message": {"format": "%(message)s"}},
    }


# errors/errors.py
class APIError(sanic.exceptions.SanicException):
    class ErrorCode(Enum):
        UNDEFINED = 5000

    def __init__(self, msg="Server error", status=sanic.exceptions.ServerError.status_code,
                 code=ErrorCode.UNDEFINED.value):
        super().__init__(msg)
        self.status = status
        self.code = code
        self.msg = msg


class BadRequest(APIError):
    class ErrorCode(Enum):
        BAD_REQUEST = 4000

    def __init__(self, msg="Invalid request", code=ErrorCode.BAD_REQUEST.value):
        super().__init__(msg, sanic.exceptions.InvalidUsage.status_code, code)


class NotFound(APIError):
    class ErrorCode(Enum):
        NOT_FOUND = 4040

    def __init__(self, msg="Resource does not exist", code=ErrorCode.NOT_FOUND.value):
        super().__init__(msg, sanic.exceptions.NotFound.status_code, code)


# utils/logger.py (condensed)
def _log(kind, **fields):
    logger.info(json.dumps({"app": config.APP_NAME, "type": kind, **fields}, ensure_ascii=False))


# middlewares
async def default_request_middleware(request: Request):
    request.ctx.request_id = request.headers.get("request-id") or str(uuid.uuid4())
    request.ctx.start = time.time()
    _log("request", method=request.method, url=request.path, headers=dict(request.headers))


async def default_response_middleware(request: Request, response: HTTPResponse):
    data = None
    if response.body and getattr(request.ctx, "log_response_body", True):
        try:
            data = json.loads(response.body)
        except ValueError:
            data = response.body.decode("utf-8")
    _log("response", status=response.status, data=data)


def log_response_body(enabled: bool = True):
    def decorator(f):
        @wraps(f)
        async def decorated(request: Request, *args, **kwargs):
            request.ctx.log_response_body = enabled
            return f(request, *args, **kwargs)
        return decorated
    return decorator


async def handle_error(request: Request, error: Exception):
    if isinstance(error, APIError):
        status = error.status
        code = error.code
        error = error.msg
    elif isinstance(error, SanicException):
        if not hasattr(request.ctx, "request_id"):
            request.ctx.request_id = request.headers.get("request-id") or str(uuid.uuid4())
        if not hasattr(request.ctx, "start"):
            request.ctx.start = time.time()
        status = error.status_code
        code = status * 10
        error = str(error)
    else:
        status = ServerError.status_code
        code = APIError.ErrorCode.UNDEFINED.value
        error = str(error)
    if status >= ServerError.status_code:
        _log("error", message=error)
    return response.json({"error": error, "code": code}, status=status)


class APIResponse(HTTPResponse):
    def __init__(self, data: dict = None, headers: Optional[Dict[str, str]] = None):
        body = {"code": 2000, **({"data": data} if data is not None else {})}
        super().__init__(body=json.dumps(body, default=str, ensure_ascii=False), status=200,
                         headers=headers, content_type="application/json;charset=utf-8")


# cors/cors.py
def _compile_routes_needing_options(routes) -> Dict[str, FrozenSet]:
    needs_options = defaultdict(list)
    for route in routes:
        for method in route.methods:
            if "OPTIONS" not in route.methods:
                uri = route.uri[:-1] if route.uri.endswith("/") else route.uri
                needs_options[uri].extend([method])
    return {uri: frozenset(methods) for uri, methods in dict(needs_options).items()}


def _options_wrapper(handler: Callable, methods: Iterable[str]):
    def wrapped_handler(request: Request, *args, **kwargs):
        return handler(request, methods)
    return wrapped_handler


async def _options_handler(request: Request, methods: Iterable[str]) -> HTTPResponse:
    resp = empty()
    allow_methods = list(set(methods))
    if "OPTIONS" not in allow_methods:
        allow_methods.append("OPTIONS")
    if (origin := request.headers.get("origin")) in config.ALLOWED_ORIGINS:
        resp.headers.extend({
            "Access-Control-Allow-Methods": ",".join(allow_methods),
            "Access-Control-Allow-Origin": origin,
            "Access-Control-Allow-Credentials": "true",
        })
    return resp


def setup_options(app: Sanic, _):
    app.router.reset()
    needs_options = _compile_routes_needing_options(app.router.routes)
    for uri, methods in needs_options.items():
        app.add_route(_options_wrapper(_options_handler, methods), uri, methods=["OPTIONS"])
    app.router.finalize()


def cors(request: Request, response: HTTPResponse):
    if request.method == "OPTIONS":
        return
    if (origin := request.headers.get("origin")) in config.ALLOWED_ORIGINS:
        response.headers.extend({"Access-Control-Allow-Origin": origin,
                                 "Access-Control-Allow-Credentials": "true"})


# models and controllers
@dataclass
class Product:
    name: Optional[str] = None
    price: Optional[int] = None
    description: Optional[str] = None

    def dict(self):
        return asdict(self)


_PRODUCT_DB: Dict[str, Product] = {}


class ProductController:
    async def create_product(self, name=None, price=None, description=None, **kwargs):
        product = Product(name=name, price=price, description=description)
        if _PRODUCT_DB.get(product.name):
            raise BadRequest(f"Product {product.name} is already registered")
        _PRODUCT_DB[name] = product
        return _PRODUCT_DB[name]

    async def list_products(self):
        return list(_PRODUCT_DB.values())


# views
class PingView(HTTPMethodView):
    decorator = [log_response_body(False)]

    async def post(self, request: Request):
        return empty(status=200)

    async def get(self, request: Request):
        return empty(status=200)


class ProductsView(HTTPMethodView):
    async def post(self, request: Request) -> response.HTTPResponse:
        data = request.json or {}
        product = await ProductController().create_product(**data)
        return APIResponse(product.dict())

    async def get(self, request: Request) -> response.HTTPResponse:
        products = await ProductController().list_products()
        return APIResponse(data=[product.dict() for product in products])


async def _listener_init(app, loop) -> None:
    pass


async def _listener_finish(app, loop) -> None:
    pass


class App(Sanic):
    def __init__(self):
        super().__init__(config.APP_NAME.replace("-", "_"), log_config=config.LOG_CONFIG)
        self.config.API_TITLE = config.APP_NAME
        self.config.API_VERSION = config.APP_VERSION
        self.setup_listeners()
        self.setup_middlewares()
        self.setup_routes()

    def setup_listeners(self):
        self.register_listener(_listener_init, "before_server_start")
        self.register_listener(_listener_finish, "before_server_stop")
        self.register_listener(setup_options, "before_server_start")

    def setup_middlewares(self):
        self.register_middleware(default_request_middleware, "request")
        self.register_middleware(default_response_middleware, "response")
        self.register_middleware(cors, "response")
        self.error_handler.add(Exception, handle_error)

    def setup_routes(self):
        self.add_route(PingView.as_view(), "/")
        self.add_route(ProductsView.as_view(), "/api/v1/products")
        self.add_route(ProductsView.as_view(), "/api/v1/products/<product_name>", name="product")


app = App()
