"""metrograph/metrograph-api, reduced: utils/Server.py (``Sanic(..., env_prefix='METRO_')``,
``config.update_config("${METRO_CONFIG_FILE}")``, the CORS recipe registered with
``register_listener(setup_options, "before_server_start")`` (``app.router.reset()``, OPTIONS
routes added, ``finalize()``) and ``register_middleware(add_cors_headers, "response")``,
``main_process_start``/``main_process_stop`` listeners), start.py (``Sanic.get_app()``),
controllers AuthController (``url_prefix='auth', version=1``, a route ``"/"``) and
ApiController (``'/<uuid>'`` with five methods), middleware/Auth.py (``request.token``).
Stand-ins: redis (a dict), bcrypt and jwt (reversible strings), the config file's path and
one ``METRO_`` variable set here as the deployment would."""

import json as _json
import os
from collections import defaultdict
from datetime import datetime
from functools import wraps
from typing import Dict, FrozenSet, Iterable

from sanic import Blueprint, HTTPResponse, Request, Sanic, json, response

os.environ.setdefault("METRO_CONFIG_FILE", os.path.join(os.path.dirname(os.path.abspath(__file__)), "metrograph_config.py"))
os.environ.setdefault("METRO_WORKERS_HINT", "3")
os.environ.setdefault("METRO_DEBUG_FLAG", "true")

# --- stand-ins: redis, bcrypt, jwt ----------------------------------------------------------
DB: dict = {}


class bcrypt:
    @staticmethod
    def gensalt():
        return b"salt"

    @staticmethod
    def hashpw(pw: bytes, salt: bytes) -> bytes:
        return b"h$" + pw[::-1]

    @staticmethod
    def checkpw(pw: bytes, hashed: bytes) -> bool:
        return hashed == b"h$" + pw[::-1]


class jwt:
    class exceptions:
        class InvalidTokenError(Exception):
            pass

    @staticmethod
    def encode(payload, secret, algorithm="HS256"):
        return "tok." + _json.dumps(payload["user"]["username"])

    @staticmethod
    def decode(token, secret, algorithms=None):
        if not token.startswith("tok."):
            raise jwt.exceptions.InvalidTokenError(token)
        return {"user": {"username": _json.loads(token[4:])}, "time": "0"}


_uuids = iter(f"00000000-0000-0000-0000-{n:012d}" for n in range(1, 1000))


def uuid4():
    return next(_uuids)


# --- models/User.py --------------------------------------------------------------------------
class User:
    def __init__(self, uuid: str, username: str, password: str, token: str = '') -> None:
        self.uuid = uuid
        self.username = username
        self.password = password
        self.token = token

    def init_from_dict(user: dict):
        if not user['token']:
            return User(uuid=user['uuid'], username=user['username'], password=user['password'])
        return User(uuid=user['uuid'], username=user['username'], password=user['password'], token=user['token'])

    def get_by_username(username: str):
        for u in list(DB):
            user = DB[u]
            if user['username'] == username:
                return User.init_from_dict(user)
        return None

    def exists(username: str) -> bool:
        for u in list(DB):
            if DB[u]['username'] == username:
                return True
        return False

    def __to_dict__(self):
        return {"uuid": self.uuid, "username": self.username, "token": self.token}

    def save(self):
        DB[f'user:{self.uuid}'] = {"uuid": self.uuid, "username": self.username, "password": self.password, "token": self.token}

    def update_token(self, token: str):
        self.token = token
        self.save()


# --- cors/cors.py, cors/options.py ----------------------------------------------------------
def _add_cors_headers(response, methods: Iterable[str]) -> None:
    allow_methods = list(set(methods))
    if "OPTIONS" not in allow_methods:
        allow_methods.append("OPTIONS")
    headers = {
        "Access-Control-Allow-Methods": ",".join(allow_methods),
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Credentials": "true",
        "Access-Control-Allow-Headers": (
            "origin, content-type, accept, "
            "authorization, x-xsrf-token, x-request-id"
        ),
    }
    response.headers.extend(headers)


def add_cors_headers(request, response):
    if request.method != "OPTIONS":
        methods = [method for method in request.route.methods]
        _add_cors_headers(response, methods)


def _compile_routes_needing_options(routes) -> Dict[str, FrozenSet]:
    needs_options = defaultdict(list)
    for route in routes.values():
        if "OPTIONS" not in route.methods:
            needs_options[route.uri].extend(route.methods)
    return {uri: frozenset(methods) for uri, methods in dict(needs_options).items()}


def _options_wrapper(handler, methods):
    def wrapped_handler(request, *args, **kwargs):
        nonlocal methods
        return handler(request, methods)
    return wrapped_handler


async def options_handler(request, methods) -> response.HTTPResponse:
    resp = response.empty()
    _add_cors_headers(resp, methods)
    return resp


def setup_options(app: Sanic, _):
    app.router.reset()
    needs_options = _compile_routes_needing_options(app.router.routes_all)
    for uri, methods in needs_options.items():
        app.add_route(
            _options_wrapper(options_handler, methods),
            uri,
            methods=["OPTIONS"],
        )
    app.router.finalize()


# --- scheduler (its start/stop listeners) ----------------------------------------------------
def start_background_scheduler(app, loop):
    print("scheduler: start", type(loop).__name__)


def stop_background_scheduler(app, loop):
    print("scheduler: stop")


# --- utils/Server.py -------------------------------------------------------------------------
class Server:
    def __init__(self) -> None:
        self.app = Sanic("metrograph-server", env_prefix='METRO_')
        self.app.config.update_config("${METRO_CONFIG_FILE}")
        self.app.config.compressed_packages_path = self.app.config.COMPRESSED_PACKAGES_PATH
        self.app.config.flat_packages_path = self.app.config.FLAT_PACKAGES_PATH
        self.app.config.guest_flat_packages_path = self.app.config.GUEST_FLAT_PACKAGES_PATH

    def setup_cors(self) -> None:
        self.app.register_listener(setup_options, "before_server_start")
        self.app.register_middleware(add_cors_headers, "response")

    def setup_db(self) -> None:
        self.app.config.connection = "redis-standin"

    def setup_scheduler(self) -> None:
        self.app.register_listener(start_background_scheduler, "main_process_start")
        self.app.register_listener(stop_background_scheduler, "main_process_stop")


# --- utils/RequestValidator.py, middleware/Auth.py ---------------------------------------------
class RequestValidator:
    def validate(self, required_input, required_files, request: Request) -> bool:
        for parameter in required_input:
            if not request.form.get(parameter) and not request.json.get(parameter):
                return False
        for parameter in required_files:
            if not request.files.get(parameter):
                return False
        return True


def is_authentificated(request: Request) -> bool:
    if not request.token:
        return False
    try:
        decoded = jwt.decode(request.token, request.app.config.SECRET, algorithms=["HS256"])
        user_token = decoded['user']
        user_db = User.get_by_username(username=user_token['username'])
        if not user_db:
            return False
        if user_db.token != request.token:
            return False
    except jwt.exceptions.InvalidTokenError:
        return False
    request.ctx.token = request.token
    request.ctx.user = user_db
    return True


def protected(wrapped):
    def decorator(f):
        @wraps(f)
        async def decorated_function(request, *args, **kwargs):
            if is_authentificated(request=request):
                response = await f(request, *args, **kwargs)
                return response
            else:
                return json({"status": "error", "message": "Unauthorized", "payload": {}}, status=401)
        return decorated_function
    return decorator(wrapped)


server = Server()
server.setup_cors()
server.setup_db()
server.setup_scheduler()

app = Sanic.get_app()
app.config.SECRET = "KEEP_IT_SECRET_KEEP_IT_SAFE"

# --- controllers -----------------------------------------------------------------------------
auth_bp = Blueprint('auth', url_prefix='auth', version=1)


@auth_bp.route("/register", methods=['POST'])
async def register(request: Request) -> HTTPResponse:
    validator = RequestValidator()
    if not validator.validate(request=request, required_files=[], required_input=['username', 'password']):
        return json({"status": "error", "message": "Bad request", "payload": {}}, status=400)
    if User.exists(username=request.json['username']):
        return json({"status": "error", "message": "Conflict", "payload": {}}, status=409)
    user_uuid = str(uuid4())
    hashed_pw = bcrypt.hashpw(str.encode(request.json['password']), bcrypt.gensalt())
    user = User(uuid=user_uuid, username=request.json['username'], password=hashed_pw.decode())
    user.save()
    return json({"status": "success", "message": "User created successfully", "payload": {"user": user.__to_dict__()}})


@auth_bp.route("/", methods=['POST'])
async def authentificate(request: Request) -> HTTPResponse:
    validator = RequestValidator()
    if not validator.validate(request=request, required_files=[], required_input=['username', 'password']):
        return json({"status": "error", "message": "Bad request", "payload": {}}, status=400)
    if not User.exists(username=request.json['username']):
        print('incorrect username')
        return json({"status": "error", "message": "Unauthorized", "payload": {}}, status=401)
    user = User.get_by_username(username=request.json['username'])
    if not bcrypt.checkpw(str.encode(request.json['password']), str.encode(user.password)):
        print('incorrect passwor')
        return json({"status": "error", "message": "Unauthorized", "payload": {}}, status=401)
    user.update_token(jwt.encode({"user": user.__to_dict__(), "time": str(datetime.today().timestamp())},
                                 request.app.config.SECRET))
    return json({"status": "success", "message": "User authentificated successfully",
                 "payload": {"user": user.__to_dict__()}})


@auth_bp.route("/me", methods=['GET'])
@protected
async def me(request: Request) -> HTTPResponse:
    return json({"status": "success", "payload": {"user": request.ctx.user.__to_dict__(),
                                                  "config": [request.app.config.WORKERS_HINT,
                                                             request.app.config.DEBUG_FLAG,
                                                             request.app.config.flat_packages_path,
                                                             "lower_case_ignored" in request.app.config]}})


api_bp = Blueprint('api', url_prefix='api', version=1)


@api_bp.route('/<uuid>', methods=['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
async def call_action(request: Request, uuid: str):
    return json({"message": "success"})


app.blueprint(auth_bp)
app.blueprint(api_bp)
