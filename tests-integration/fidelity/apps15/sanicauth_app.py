"""chedv/sanic-auth (app/app.py, app/middlewares.py, app/views.py, app/decorators.py,
app/routes.py, app/listeners.py, app/tasks.py, app/user_auth.py), condensed.

A ``Sanic`` subclass whose ``load_api()`` appends a *sync* request middleware straight to
``self.request_middleware``, registers listeners with ``register_listener(fn,
event=fn.__name__)``, adds a task by function before the run (``add_task(fn)``), and
routes ``HTTPMethodView.as_view()`` views from a namedtuple table. The middleware reads
``request.token`` and stores the user in ``request.args['user']`` for the views and a
``login_required`` decorator to read back. No licence file in the stored copy.

Stands in: the Kafka consumer is an ``asyncio.Queue`` fed by the register view; the
SQLAlchemy/gino tables are dicts; marshmallow's ``UserSerializer`` is a small class with
the same ``load``/``dump``; PyJWT is an HMAC-signed base64 JSON token (``authorize(user)``
still returns bytes, decoded by the view). ``/me`` uses the repository's
``login_required`` (no route of the stored copy does).
"""

import asyncio
import base64
import hashlib
import hmac
import json as jsonlib
from collections import namedtuple

from sanic import Sanic, response
from sanic.views import HTTPMethodView

JWT_KEY = b"secret"
USERS: dict = {}
SESSIONS: dict = {}
SEEN: list = []


class ValidationError(Exception):
    def __init__(self, messages):
        super().__init__(messages)
        self.messages = messages


class User:
    def __init__(self, id, email, password_hash):
        self.id, self.email, self.password_hash = id, email, password_hash


def make_password(raw_password):
    return hashlib.sha256(raw_password.encode()).hexdigest()


class UserSerializer:
    def load(self, data):
        errors = {}
        if not isinstance(data, dict):
            raise ValidationError({"_schema": ["Invalid input type."]})
        for field in ("email", "password"):
            if field not in data:
                errors[field] = ["Missing data for required field."]
            elif not isinstance(data[field], str):
                errors[field] = ["Not a valid string."]
        if "email" not in errors and "email" in data and "@" not in data["email"]:
            errors["email"] = ["Not a valid email address."]
        if errors:
            raise ValidationError(errors)
        return User(len(USERS) + 1, data["email"], make_password(data["password"]))

    def dump(self, user):
        return {"id": user.id, "email": user.email}


def authenticate(email, password):
    user = USERS.get(email)
    if user.password_hash == make_password(password):
        return user
    return None


def authorize(user):
    payload = base64.urlsafe_b64encode(jsonlib.dumps(UserSerializer().dump(user)).encode())
    sig = hmac.new(JWT_KEY, payload, hashlib.sha256).hexdigest().encode()
    SESSIONS[user.id] = True
    return payload + b"." + sig


def decode_token(token):
    payload, _, sig = token.encode().partition(b".")
    if not hmac.compare_digest(hmac.new(JWT_KEY, payload, hashlib.sha256).hexdigest().encode(), sig):
        raise ValueError("Signature verification failed")
    data = jsonlib.loads(base64.urlsafe_b64decode(payload))
    return USERS_BY_ID.get(data["id"])


USERS_BY_ID: dict = {}


def get_session(user):
    return SESSIONS.get(user.id) if user is not None else None


def delete_session(user):
    SESSIONS.pop(user.id, None)


def jwt_authentication_middleware(request):
    user = None
    if request.token is not None:
        reviewed_user = decode_token(request.token)
        if get_session(reviewed_user) is not None:
            user = reviewed_user

    request.args['user'] = user


def unauthorized_response():
    error_msg = {'detail': 'Authentication credentials were not provided.'}
    return response.json(error_msg, status=401)


def login_required(handler):
    def wrapper(self, request):
        user = request.args['user']
        if user is None:
            return unauthorized_response()
        if get_session(user) is None:
            return unauthorized_response()
        return handler(self, request)
    return wrapper


class UserRegisterView(HTTPMethodView):
    def post(self, request):
        serializer = UserSerializer()
        try:
            user = serializer.load(request.json)
        except ValidationError as error:
            return response.json(error.messages, status=400)
        USERS[user.email] = user
        USERS_BY_ID[user.id] = user
        QUEUE.put_nowait(("user_auth_topic", user.email.encode()))
        return response.empty(status=201)


class UserLoginView(HTTPMethodView):
    def post(self, request):
        email = request.json['email']
        password = request.json['password']
        user = authenticate(email, password)
        if user is None:
            return response.empty(status=404)
        token = authorize(user).decode()
        return response.json({'token': token})


class UserLogoutView(HTTPMethodView):
    def post(self, request):
        user = request.args['user']
        if user is None:
            return response.empty(status=400)
        delete_session(user)
        return response.empty(status=200)


class MeView(HTTPMethodView):
    @login_required
    def get(self, request):
        return response.json({'email': request.args['user'].email,
                              'args': sorted(request.args), 'seen': SEEN})


QUEUE: asyncio.Queue


async def before_server_start(app, loop):
    global QUEUE
    QUEUE = asyncio.Queue()
    app.ctx.kafka_consumer = QUEUE


async def after_server_stop(app, loop):
    print("consumer stopped")


async def fetch_kafka_message(app):
    await asyncio.sleep(0)
    while True:
        topic, value = await app.ctx.kafka_consumer.get()
        SEEN.append(value.decode())
        print(topic, value.decode())


Route = namedtuple('Route', ['view', 'url'])
routes = (
    Route(view=UserRegisterView.as_view(), url='/register'),
    Route(view=UserLoginView.as_view(), url='/login'),
    Route(view=UserLogoutView.as_view(), url='/logout'),
    Route(view=MeView.as_view(), url='/me'),
)
middlewares = (jwt_authentication_middleware,)
listeners = (before_server_start, after_server_stop)
tasks = (fetch_kafka_message,)


class SanicServer(Sanic):
    def add_middlewares(self, middlewares_list):
        for middleware in middlewares_list:
            self.request_middleware.append(middleware)

    def add_listeners(self, listeners_list):
        for listener in listeners_list:
            self.register_listener(listener, event=listener.__name__)

    def add_tasks(self, tasks_list):
        for task in tasks_list:
            self.add_task(task)

    def add_routes(self, routes_list):
        for route in routes_list:
            self.add_route(route.view, route.url)

    def load_api(self):
        self.add_middlewares(middlewares)
        self.add_listeners(listeners)
        self.add_tasks(tasks)
        self.add_routes(routes)


app = SanicServer("sanic_auth")
app.load_api()
