"""Glico21/NapoleonHomework (transport/sanic/base.py, configure_sanic.py, routes.py,
exceptions.py, endpoints/hello.py, endpoints/user/*, endpoints/message/get_one.py),
condensed: handlers that are instances of a `SanicEndpoint` class (an async `__call__`,
`self.__name__` set in `__init__`), registered with `app.add_route(handler=obj,
uri=obj.uri, methods=obj.methods, strict_slashes=True)`; the body merged from
`request.json` (when the content type says JSON) and every `X-` header; dispatch to
`method_<verb>`; an `Authorization` token read for `auth_required` endpoints (a 401 JSON
when missing); `SanicException` subclasses with only a `status_code` raised from
handlers. Stand-ins: the database (a dict), the JWT helpers (``Bearer uid-N``)."""

from http import HTTPStatus

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import BaseHTTPResponse, json


class SanicRequestValidationException(SanicException):
    status_code = 400


class SanicUserConflictException(SanicException):
    status_code = 409


class SanicAuthException(SanicException):
    status_code = 401


class SanicMessageNotFound(SanicException):
    status_code = 404


class ReadTokenException(Exception):
    pass


def read_token(token):
    if not token or not token.startswith("Bearer uid-"):
        raise ReadTokenException("Auth token is invalid")
    return {"uid": int(token.rsplit("-", 1)[1])}


USERS = {"ann": 1}
MESSAGES = {1: {"id": 1, "sender_id": 1, "message": "hi"}}


class SanicEndpoint:
    async def __call__(self, request: Request, *args, **kwargs) -> BaseHTTPResponse:
        if self.auth_required:
            try:
                token = {"token": self.import_body_auth(request)}
            except SanicAuthException as e:
                return await self.make_response_json(status=e.status_code)
            else:
                kwargs.update(token)
        return await self.handler(request, *args, **kwargs)

    def __init__(self, config, context, uri, methods, auth_required=False, *args, **kwargs):
        self.config = config
        self.uri = uri
        self.methods = methods
        self.context = context
        self.auth_required = auth_required
        self.__name__ = self.__class__.__name__

    @staticmethod
    async def make_response_json(body: dict = None, status: int = 200, message: str = None,
                                 error_code: int = None) -> BaseHTTPResponse:
        if body is None:
            body = {"message": message or HTTPStatus(status).phrase, "error_code": error_code or status}
        return json(body=body, status=status)

    @staticmethod
    def import_body_json(request: Request) -> dict:
        if "application/json" in request.content_type and request.json is not None:
            return dict(request.json)
        return {}

    @staticmethod
    def import_body_headers(request: Request) -> dict:
        return {header: value for header, value in request.headers.items()
                if header.lower().startswith("x-")}

    @staticmethod
    def import_body_auth(request: Request) -> dict:
        token = request.headers.get("Authorization")
        try:
            return read_token(token)
        except ReadTokenException as e:
            raise SanicAuthException(str(e))

    async def handler(self, request: Request, *args, **kwargs) -> BaseHTTPResponse:
        body = {}
        body.update(self.import_body_json(request))
        body.update(self.import_body_headers(request))
        return await self._method(request, body, *args, **kwargs)

    async def _method(self, request: Request, body: dict, *args, **kwargs) -> BaseHTTPResponse:
        func_name = f"method_{request.method.lower()}"
        if hasattr(self, func_name):
            return await getattr(self, func_name)(request, body, *args, **kwargs)
        return await self.method_not_impl(method=request.method.lower())

    async def method_not_impl(self, method: str) -> BaseHTTPResponse:
        return await self.make_response_json(status=500, message=f"Method {method.upper()} not implemented")

    async def method_get(self, request, body, *args, **kwargs):
        return await self.method_not_impl(method="GET")

    async def method_post(self, request, body, *args, **kwargs):
        return await self.method_not_impl(method="POST")


class HelloEndpoint(SanicEndpoint):
    async def method_get(self, request, body, *args, **kwargs):
        return await self.make_response_json(body={"hello": "world"}, status=200)

    async def method_post(self, request, body, *args, **kwargs):
        return await self.make_response_json(body=body, status=200)


class CreateUserEndpoint(SanicEndpoint):
    async def method_post(self, request, body, *args, **kwargs):
        if "login" not in body:
            raise SanicRequestValidationException("login is required")
        if body["login"] in USERS:
            raise SanicUserConflictException("Login is busy")
        USERS[body["login"]] = len(USERS) + 1
        return await self.make_response_json(body={"id": USERS[body["login"]], "login": body["login"]}, status=201)


class OneMessageEndpoint(SanicEndpoint):
    async def method_get(self, request, body, token: dict, message_id: int, *args, **kwargs):
        message = MESSAGES.get(message_id)
        if message is None or message["sender_id"] != token.get("uid"):
            raise SanicMessageNotFound("Message not found")
        return await self.make_response_json(status=200, body=message)


def get_routes(config, context):
    return (
        HelloEndpoint(config=config, context=context, uri="/", methods=("GET", "POST")),
        CreateUserEndpoint(config, context, uri="/user", methods=["POST"]),
        OneMessageEndpoint(config, context, uri="/msg/<message_id:int>", methods=["GET", "PATCH"],
                           auth_required=True),
    )


def configure_app(config):
    app = Sanic(__name__.replace(".", "_"))
    for handler in get_routes(config, None):
        app.add_route(handler=handler, uri=handler.uri, methods=handler.methods, strict_slashes=True)
    return app


app = configure_app({"secret": "x"})
