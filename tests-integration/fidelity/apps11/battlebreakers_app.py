"""dippyshere/battle-breakers-private-server, reduced: main.py (an app made with
``dumps=``/``loads=`` of orjson, ``app.error_handler = CustomErrorHandler()``, a response
middleware registered by ``register_middleware``, ``main_process_stop``), nested
``Blueprint.group``s, routes without a leading slash, the ``Compress`` decorator of
utils/sanic_gzip.py, the ``authorized`` decorator and ``EpicException`` of utils/.
Stand-ins: orjson (json giving bytes), brotli (zlib), the jwt check (a fixed token),
uuid4 (a fixed value), gzip's mtime fixed at 0 so bodies compare."""

import asyncio
import base64
import datetime
import functools
import gzip
import json as _json
import types as _types
import uuid
import zlib
from concurrent.futures import ThreadPoolExecutor
from functools import partial, wraps
from inspect import isawaitable
from typing import Any, Callable, Optional

import sanic
import sanic.response.types
from sanic.handlers import ErrorHandler

# --- stand-ins --------------------------------------------------------------------------
orjson = _types.SimpleNamespace(
    dumps=lambda obj, default=None: _json.dumps(obj, default=default, separators=(",", ":")).encode(),
    loads=_json.loads,
)
brotli = _types.SimpleNamespace(compress=lambda data, quality=None: zlib.compress(data))
uuid.uuid4 = lambda: uuid.UUID("12345678123456781234567812345678")


# --- utils/exceptions.py (a few of its classes) -------------------------------------------
class EpicException(Exception):
    _quiet: bool = True

    errorCode: str = None
    errorMessage: str = None
    messageVars: list = []
    numericErrorCode: int = 0
    originatingService: str = None
    intent: str = "prod"
    trackingId: str = None
    statusCode: int = 400
    error_description: str = None
    error: str = None
    validationFailures: dict = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if self.errorCode is None:
            self.errorCode: str = self.__class__.__qualname__
        for key, value in kwargs.items():
            setattr(self, key, value)
        if args:
            self.errorMessage: str = self.errorMessage.format(*args)
        if self.errorMessage:
            self.messageVars: list = list(args)
        if self.error is None:
            self.error: str = type(self).__name__
        self.error_description: str = self.errorMessage
        super().__init__(self.errorMessage)

    def __dict__(self) -> dict:
        error: dict = {}
        for cls in reversed(self.__class__.__mro__):
            for attr, value in cls.__dict__.items():
                if not callable(getattr(self, attr)) and getattr(self, attr, None) is not None and not attr.startswith(
                        "_") and attr not in ["args", "quiet"]:
                    error[attr] = getattr(self, attr)
        return error

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__} errorCode={self.errorCode} errorMessage={self.errorMessage} " \
               f"numericErrorCode={self.numericErrorCode}>"

    def __str__(self) -> str:
        return self.__repr__()

    def as_dict(self) -> dict:
        return self.__dict__()

    @property
    def quiet(self) -> bool:
        return self._quiet


class errors:
    class com:
        class epicgames(EpicException):
            errorCode: str = "errors.com.epicgames."
            errorMessage: str = "There was an error"

            class account:
                class account_not_found(EpicException):
                    errorMessage: str = "Sorry, we couldn't find an account for {0}"
                    numericErrorCode: int = 18007
                    originatingService: str = "com.epicgames.account.public"
                    statusCode: int = 404

                class oauth:
                    class expired_exchange_code(EpicException):
                        errorMessage: str = "Sorry the exchange code you supplied was not found. It is possible that it was no longer valid"
                        numericErrorCode: int = 18128
                        originatingService: str = "com.epicgames.account.public"
                        statusCode: int = 400

            class bad_request(EpicException):
                errorMessage: str = "Bad request"
                numericErrorCode: int = 1001
                statusCode: int = 400


error_details = {
    404: {"error_code": "errors.com.epicgames.common.not_found", "error_message": "Sorry the resource you were trying to find could not be found", "numeric_error_code": 1004},
    405: {"error_code": "errors.com.epicgames.common.method_not_allowed", "error_message": "Sorry the resource you were trying to access cannot be accessed with the HTTP method you used.", "numeric_error_code": 1009},
    500: {"error_code": "errors.com.epicgames.common.server_error", "error_message": "Sorry an error occurred and we were unable to resolve it", "numeric_error_code": 1000},
}


# --- utils/error_handler.py -----------------------------------------------------------------
class CustomErrorHandler(ErrorHandler):
    def default(self, request, exception):
        if isinstance(exception, EpicException):
            exception_dict = exception.as_dict()
            status_code = getattr(exception, "statusCode", 500)
            headers = {
                "X-Epic-Error-Code": exception_dict["numericErrorCode"],
                "X-Epic-Error-Name": exception_dict["errorCode"],
            }
            ErrorHandler.log(request, exception)
            return sanic.response.json(exception_dict, status=status_code, headers=headers)
        else:
            ErrorHandler.log(request, exception)
            status_code = getattr(exception, "status_code", 500)
            message_vars = []
            for var in getattr(exception, "args", []):
                message_vars.append(var)
            error = error_details.get(status_code, {
                "error_code": "errors.com.epicgames.unknown_error.v2",
                "error_message": "An unknown error has occurred, please report to admin. 🗿",
                "numeric_error_code": 0
            })
            error_code = error["error_code"]
            error_message = error["error_message"]
            numeric_error_code = error["numeric_error_code"]
            if getattr(exception, "context", None) is not None:
                error_code = exception.context.get("errorCode", error_code)
                error_message = exception.context.get("errorMessage", error_message)
                numeric_error_code = exception.context.get("numericErrorCode", numeric_error_code)
            if True:  # request.app.debug
                if status_code == 500:
                    error_message = ""
                    for message in message_vars:
                        error_message += f"{message}"
                error_message += f" ({exception.__class__.__name__})"
            headers = {
                "X-Epic-Error-Code": numeric_error_code,
                "X-Epic-Error-Name": error_code,
            }
            return sanic.response.json({
                "errorCode": error_code,
                "errorMessage": error_message,
                "messageVars": message_vars,
                "numericErrorCode": numeric_error_code,
                "originatingService": "WEX",
                "intent": "prod",
                "trackingId": uuid.uuid4().__str__(),
                "errorDescription": error_message,
                "errorName": error_code.split(".")[-1],
            }, status_code, headers)


# --- utils/sanic_gzip.py (mime list shortened) ----------------------------------------------
DEFAULT_MIME_TYPES = frozenset(["application/json", "application/xml", "text/plain", "text/html"])


class Compress(object):
    def __init__(self, compress_mimetypes=DEFAULT_MIME_TYPES, compress_min_size=512, max_threads=None):
        self.executors = ThreadPoolExecutor(max_threads)
        self.config = {
            "CNT_COMPRESS_THREADS": max_threads,
            "COMPRESS_MIMETYPES": compress_mimetypes,
            "COMPRESS_MIN_SIZE": compress_min_size,
        }
        self.gzip_func = partial(gzip.compress, compresslevel=5, mtime=0)
        self.zlib_func = partial(zlib.compress, level=5)
        self.br_func = partial(brotli.compress, quality=8)

    async def _gzip_compress(self, response):
        response.body = await asyncio.get_event_loop().run_in_executor(
            self.executors, self.gzip_func, response.body
        )
        response.headers["Content-Encoding"] = "gzip"
        response.headers["Content-Length"] = len(response.body)
        return response

    async def _zlib_compress(self, response):
        response.body = await asyncio.get_event_loop().run_in_executor(
            self.executors, self.zlib_func, response.body
        )
        response.headers["Content-Encoding"] = "deflate"
        response.headers["Content-Length"] = len(response.body)
        return response

    async def _br_compress(self, response):
        response.body = await asyncio.get_event_loop().run_in_executor(
            self.executors, brotli.compress, response.body
        )
        response.headers["Content-Encoding"] = "br"
        response.headers["Content-Length"] = len(response.body)
        return response

    def compress(self, f: Any = None) -> Callable:
        def decorator(f):
            @wraps(f)
            async def _compress_response(*args, **kwargs):
                if isinstance(args[0], sanic.request.Request):
                    request = args[0]
                else:
                    request = args[1]

                accept_encoding = request.headers.get("Accept-Encoding", "").lower()

                if not accept_encoding or (
                        "gzip" not in accept_encoding and "deflate" not in accept_encoding and "br" not in accept_encoding
                ):
                    return await f(*args, **kwargs)

                response = await f(*args, **kwargs)

                if type(response) is sanic.response.ResponseStream or not 200 <= response.status < 300:
                    return response

                content_length = len(response.body)
                content_type = response.content_type

                if content_type and ";" in content_type:
                    content_type = content_type.split(";")[0]

                if (
                        content_type not in self.config["COMPRESS_MIMETYPES"]
                        or content_length < self.config["COMPRESS_MIN_SIZE"]
                ):
                    return response

                if "br" in accept_encoding:
                    return await self._br_compress(response)

                if "gzip" in accept_encoding:
                    return await self._gzip_compress(response)

                if "deflate" in accept_encoding:
                    return await self._zlib_compress(response)

                return response

            return _compress_response

        return decorator


# --- utils/utils.py: authorized (the jwt check replaced by a fixed token) ------------------------
async def verify_request_auth(request, strict: bool = False) -> bool:
    if request.headers.get("Authorization", "").startswith("bearer "):
        token = request.headers.get("Authorization", "").replace("bearer ", "").replace("eg1~", "")
        if token != "goodtoken":
            return False
        request.ctx.owner = "owner1"
        request.ctx.dvid = "device-1"
        return True
    return False


def authorized(maybe_func: Any = None, *, allow_basic: bool = False, strict: bool = False) -> Callable:
    def decorator(f):
        @functools.wraps(f)
        async def decorated_function(request, *args, **kwargs):
            if allow_basic:
                if request.headers.get("Authorization", "").startswith("basic "):
                    try:
                        token = request.headers.get("Authorization", "").replace("basic ", "")
                        token = base64.b64decode(token).decode()
                        if token[32] == ":":
                            is_authorised = True
                        else:
                            raise Exception()
                    except:
                        is_authorised = False
                else:
                    is_authorised = await verify_request_auth(request, strict)
            else:
                is_authorised = await verify_request_auth(request, strict)

            if is_authorised:
                response = f(request, *args, **kwargs)
                if isawaitable(response):
                    response = await response
                return response
            else:
                raise errors.com.epicgames.account.oauth.expired_exchange_code()

        return decorated_function

    return decorator(maybe_func) if maybe_func else decorator


# --- middleware/mcp_middleware.py -----------------------------------------------------------
async def add_mcp_headers(request, response) -> None:
    content_version = request.headers.get('X-EpicGames-WEX-BuildVersion')
    if content_version is None:
        try:
            content_version = request.headers.get('User-Agent').split('build=')[1]
        except:
            try:
                content_version = f'{request.headers.get("User-Agent").split("version=")[1].split(",")[0].split("-")[-1]}.0-r{request.headers.get("User-Agent").split("version=")[1].split(",")[0].split("-")[1].split("+")[0]}'
            except:
                content_version = "1.88.244-r17036752"
    corrid = request.headers.get('X-Epic-Correlation-ID')
    if corrid is None:
        try:
            corrid = "rid-" + str(type(request.id).__name__)  # request.id is random: its type only
        except:
            corrid = str(uuid.uuid4())
    try:
        if request.ctx.dvid is not None:
            response.headers["X-Epic-Device-ID"] = request.ctx.dvid
    except:
        pass
    response.headers["Date"] = datetime.datetime.now(datetime.UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    response.headers["X-EpicGames-McpVersion"] = "prod Release-1.88-1.88 build 107 cl 19310354"
    response.headers["X-EpicGames-ContentVersion"] = content_version
    response.headers["X-EpicGames-MinBuild"] = "-1"
    response.headers["X-Epic-Correlation-ID"] = corrid


# --- api/misc/robots.py, api/lightswitch/status.py, an account lookup --------------------------
compress = Compress()
robots = sanic.Blueprint("robots")


@robots.route("robots.txt", methods=["GET"])
@compress.compress()
async def robots_txt(request):
    return sanic.response.text("User-agent: *\nDisallow: \nSitemap: /sitemap.xml\n", content_type="text/plain")


@robots.route("sitemap.xml", methods=["GET"])
@compress.compress()
async def sitemap_xml(request):
    return sanic.response.text("<?xml version='1.0' encoding='UTF-8'?>\n"
                               "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>\n"
                               "  <url>\n"
                               "    <loc>http://111.220.198.218/id/login</loc>\n"
                               "    <lastmod>2024-03-27</lastmod>\n"
                               "  </url>\n"
                               "</urlset>", content_type="application/xml")


version = sanic.Blueprint("misc_ver")


@version.route("/api/version", methods=["GET"])
@compress.compress()
async def misc_version(request):
    return sanic.response.json({"app": "misc", "serverDate": "2024-01-01T00:00:00.000Z",
                                "branch": "Release-1.88", "build": "107" * 200})


status = sanic.Blueprint("lightswitch_status")


@status.route("/api/service/bulk/status", methods=["GET"])
@authorized(allow_basic=True)
@compress.compress()
async def lightswitch_bulk(request):
    service_id = request.args.getlist("serviceId")
    services = []
    if not service_id:
        service_id = ["WorldExplorersLive"]
    for service in service_id:
        services.append({
            "serviceInstanceId": service.lower(),
            "status": "UP",
            "message": "Battle Breakers is back :D",
            "maintenanceUri": None,
            "overrideCatalogIds": ["ae402a2cb61b4c5fa199ce5311cca724"],
            "allowedActions": ["PLAY", "DOWNLOAD"],
            "banned": False,
            "launcherInfoDTO": {
                "appName": service,
                "catalogItemId": "a53e821fbdc24181877243a8dbb63463",
                "namespace": "wex"
            },
            "timeToShutdownInMs": -1
        })
    return sanic.response.json(services)


@status.route("/api/service/<serviceId>/status", methods=["GET"])
@compress.compress()
async def lightswitch_service(request, serviceId: str):
    return sanic.response.json([{
        "serviceInstanceId": serviceId.lower(),
        "status": "UP",
        "message": "Battle Breakers is back :D",
        "maintenanceUri": None,
        "overrideCatalogIds": ["ae402a2cb61b4c5fa199ce5311cca724"],
        "allowedActions": ["PLAY", "DOWNLOAD"],
        "banned": False,
        "launcherInfoDTO": {"appName": serviceId, "catalogItemId": "a53e821fbdc24181877243a8dbb63463", "namespace": "wex"},
        "timeToShutdownInMs": -1
    }])


account = sanic.Blueprint("account_public")


@account.route("/api/public/account/<accountId>", methods=["GET"])
@authorized
@compress.compress()
async def account_info(request, accountId):
    accounts = request.app.ctx.accounts
    if accountId not in accounts:
        raise errors.com.epicgames.account.account_not_found(accountId)
    return sanic.response.json({"id": accountId, "displayName": accounts[accountId]})


@account.route("/api/public/account/<accountId>/metadata", methods=["PUT"])
@authorized
async def account_metadata(request, accountId):
    data = request.json
    if not isinstance(data, dict):
        raise errors.com.epicgames.bad_request(errorMessage="Body is not an object")
    request.app.ctx.accounts[accountId] = data.get("displayName")
    return sanic.response.empty()


@account.route("/api/public/account/<accountId>/crash", methods=["GET"])
async def account_crash(request, accountId):
    return {"a": 1}[accountId]


@account.route("/api/public/account/<accountId>/teapot", methods=["GET"])
async def account_teapot(request, accountId):
    raise sanic.exceptions.SanicException("teapot", status_code=418,
                                          context={"errorCode": "errors.com.epicgames.teapot", "numericErrorCode": 418})


misc = sanic.Blueprint.group(robots, version)
lightswitch = sanic.Blueprint.group(status)
api = sanic.Blueprint.group(account, lightswitch, misc)


def custom_serialise(obj: Any) -> dict:
    try:
        return obj.__dict__
    except AttributeError:
        pass
    raise TypeError(f"Object of type '{obj.__class__.__name__}' is not JSON serialisable")


app = sanic.app.Sanic("dippy_breakers", dumps=lambda obj: orjson.dumps(obj, default=custom_serialise),
                      loads=orjson.loads)
app.config.CORS_ORIGINS = "*"
app.config.CORS_ALWAYS_SEND = True
app.blueprint(api)
app.error_handler = CustomErrorHandler()
app.register_middleware(add_mcp_headers, "response")
app.ctx.accounts = {"abc": "Dippy"}
app.ctx.invalid_tokens = []


@app.main_process_stop
async def main_stop(*_: Any) -> None:
    print("main_process_stop: flushing", len(app.ctx.accounts), "accounts")


@app.before_server_start
async def started(*_: Any) -> None:
    print("routes:", sorted(r.path for r in app.router.routes))
