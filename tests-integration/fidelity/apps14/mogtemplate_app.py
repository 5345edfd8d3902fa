"""mogaiskii/sanic_template (main.py, core/application.py, library/route/route.py,
routes/routes.py, routes/base.py, routes/main/index.py, routes/users/list.py,
routes/users/auth.py, library/auth/handlers.py, core/exceptions/base.py, condensed; no
licence file in the stored copy). A `Sanic` subclass with class annotations, a
class-based `Controller` that overrides `dispatch_request` to return its own coroutine
(the method handlers take `(request, app, session)`), views registered with
`app.add_route(View.as_view(), path, methods={...})` (a set), a `require_auth` decorator
whose sync wrapper finds the request by `isinstance(item, Request)` among the arguments,
raises before the handler runs, and splits `Authorization` with `auth_type, auth_data =
auth.split(' ')` (a `ValueError`, not the `IndexError` it catches, for other shapes), and
every exception turned into JSON by the controller itself.

As written `main()` sets `app.app_settings` and the listener `app.database` on the
subclass instance, which Sanic refuses alike (`Setting variables on Application instances
is not allowed`); here `app.ctx`. Stand-ins: SQLAlchemy's session and the users manager
(a list), PyJWT (a token `u<id>`), marshmallow's schemas (dicts), structlog (the stdlib
logger).
"""

import logging
from contextvars import ContextVar
from itertools import chain, count
from typing import List, Optional

from sanic import Sanic, response
from sanic.request import Request
from sanic.response import text
from sanic.views import HTTPMethodView

log = logging.getLogger("Controller")
_log_code: ContextVar[str] = ContextVar('not_set')
_codes = count(1)


class AuthException(Exception):
    pass


class AuthExpiredException(AuthException):
    pass


class ForbiddenException(Exception):
    pass


class ValidationError(Exception):
    def __init__(self, messages):
        super().__init__(messages)
        self.messages = messages


class ServiceException(Exception):
    status_code = 500
    error_message = 'something went wrong'

    def get_json_response(self):
        return response.json({'error': self.error_message}, status=self.status_code)


class WrongCredentialsException(ServiceException):
    status_code = 400
    error_message = 'wrong credentials'


class Application(Sanic):
    database: object
    app_settings: object


# stand-ins
USERS = [{"id": 1, "login": "mark", "password": "pw"}, {"id": 2, "login": "anna", "password": "qq"}]


class _DB:
    def create_session(self):
        return _Session()


class _Session:
    async def close(self):
        pass


def get_token_info(token, secret):
    if token == "expired":
        raise ExpiredSignatureError()
    if not token.startswith("u") or not token[1:].isdigit():
        raise DecodeError()
    return type("JWT", (), {"user_id": int(token[1:])})


class ExpiredSignatureError(Exception):
    pass


class DecodeError(Exception):
    pass


# library/auth/handlers.py
def _find_request(args, kwargs) -> Optional[Request]:
    for item in chain(args, kwargs.values()):
        if isinstance(item, Request):
            return item
    return None


def require_auth(method):
    def decorator(optional=False, roles: List = ...):
        def wrap(*args, **kwargs):
            request = _find_request(args, kwargs)
            if request is None and optional is False:
                raise AuthException
            auth = request.headers.get('Authorization')
            auth_data = None
            if auth is not None:
                try:
                    auth_type, auth_data = auth.split(' ')
                except IndexError:
                    pass
                else:
                    if auth_type != 'Bearer':
                        auth_data = None
            if auth_data is None and optional is False:
                raise AuthException
            try:
                jwt_data = get_token_info(auth_data, "secret")
            except ExpiredSignatureError:
                raise AuthExpiredException
            except DecodeError:
                raise AuthException
            setattr(request.ctx, 'user_id', jwt_data.user_id)
            return method(*args, **kwargs)
        return wrap

    if callable(method):
        return decorator()
    return decorator


# routes/base.py
class Controller(HTTPMethodView):

    def dispatch_request(self, request, *args, **kwargs):
        return self._handle_request(request, *args, **kwargs)

    async def _handle_request(self, request, *args, **kwargs):
        handler = getattr(self, request.method.lower(), None)
        app = request.app
        session = app.ctx.database.create_session()
        _log_code.set(f"code-{next(_codes)}")
        log.info(f'Started {type(self).__name__}#{request.method.lower()} [{self.get_log_code()}]')
        try:
            resp = await handler(request, app, session, *args, **kwargs)
        except ValidationError as e:
            resp = response.json({'error': e.messages}, status=400)
        except AuthExpiredException:
            resp = response.json({'error': 'Token expired'}, status=401)
        except AuthException:
            resp = response.json({'error': 'Not Authorized'}, status=401)
        except ForbiddenException:
            resp = response.json({'error': 'Forbidden'}, status=403)
        except ServiceException as e:
            resp = e.get_json_response()
        except Exception as e:
            log.error(repr(e))
            resp = ServiceException(e).get_json_response()
        await session.close()
        log.info(f'Finished {type(self).__name__}#{request.method.lower()} [{self.get_log_code()}]')
        return resp

    @staticmethod
    def get_log_code():
        return _log_code.get()

    @staticmethod
    def json_response(data: dict, code: int = 200, headers: Optional[dict] = None):
        res = response.json(data, status=code)
        if headers:
            res.headers.update(headers)
        return res

    async def get(self, request, app, session, *args, **kwargs):
        pass

    async def post(self, request, app, session, *args, **kwargs):
        pass

    async def put(self, request, app, session, *args, **kwargs):
        pass

    async def delete(self, request, app, session, *args, **kwargs):
        pass


class IndexController(Controller):
    async def get(self, request, app, session, *args, **kwargs):
        return text("Hi, Mark!")


class UsersListController(Controller):
    @require_auth
    async def get(self, request, app, session, *args, **kwargs):
        users = [{"id": u["id"], "login": u["login"]} for u in USERS]
        return self.json_response({"users": users, "me": request.ctx.user_id},
                                  headers={"X-Total-Count": str(len(users))})


class UserAuthController(Controller):
    async def post(self, request, app, session, *args, **kwargs):
        data = request.json
        if not isinstance(data, dict) or "login" not in data or "password" not in data:
            raise ValidationError({k: ["Missing data for required field."]
                                   for k in ("login", "password") if not isinstance(data, dict) or k not in data})
        user = next((u for u in USERS if (u["login"], u["password"]) == (data["login"], data["password"])), None)
        if user is None:
            raise WrongCredentialsException
        return self.json_response({"user": {"id": user["id"]}, "tokens": {"auth_token": f"u{user['id']}"}})


class Route:
    def __init__(self, endpoint, path: str, methods: set):
        self.endpoint = endpoint
        self.path = path
        self.methods = methods

    def set_route(self, app: Sanic):
        app.add_route(self.endpoint.as_view(), self.path, methods=self.methods)


async def connect_db(app, loop):
    app.ctx.database = _DB()


async def close_db(app, loop):
    pass


app = Application(name='main')
app.ctx.app_settings = {"JWT_SECRET": "secret"}
app.register_listener(connect_db, 'before_server_start')
app.register_listener(close_db, 'before_server_stop')
for route in [Route(IndexController, '/', {'GET'}), Route(UsersListController, '/users', {'GET'}),
              Route(UserAuthController, '/users/auth', {'POST'})]:
    route.set_route(app)
