"""honnisha/sanic-sqlalchemy-example (backend/main.py, backend/users/views.py,
backend/users/utils.py, backend/transfers/views.py), condensed.

A module-level app configured by ``create_app(connection, run=False)``, which imports and
registers two blueprints sharing ``url_prefix='/api'``; two listeners both named
``register_db`` (start and stop) putting a database object under a lower-case config key
(``app.config['database'] = ...``) read back with ``request.app.config['database']``;
``response.text(..., status=400)`` answers; a ``login_required()`` decorator factory over
``request.ctx.session``; ``del request.ctx.session['user_id']``; the login view as
written tests an undefined name ``user`` (a ``NameError``: 500 under both);
``Decimal(value)`` of a JSON number. No licence file in the stored copy.

Stands in: ``databases.Database`` over SQLAlchemy tables is a class over dicts (a second
email raises the ``UniqueViolationError`` the view catches); sanic_session's
``InMemorySessionInterface`` is a request/response middleware pair keeping dicts by a
``session`` cookie set with ``add_cookie``; the Redis pool and ``transfer_money`` move
the balance in the dicts; the password hash uses 1000 rounds instead of 100000.
Changed: the stored ``login_required()`` takes no argument but ``transfers/views.py``
calls ``login_required(insert_user=True)`` (a ``TypeError`` at import under both): here it
takes ``insert_user`` and passes the user row.
"""

import binascii
import hashlib
import re
from decimal import Decimal
from enum import Enum
from functools import wraps

from sanic import Blueprint, Sanic, response

SESSIONS: dict = {}


class UniqueViolationError(Exception):
    pass


class CurrenciesEnum(Enum):
    USD = "USD"
    EUR = "EUR"


class Database:
    def __init__(self, connection):
        self.connection = connection
        self.rows: list = []

    async def connect(self):
        self.connected = True

    async def disconnect(self):
        self.connected = False

    async def insert_user(self, values):
        if any(r["email"] == values["email"] for r in self.rows):
            raise UniqueViolationError("duplicate key value violates unique constraint")
        self.rows.append({"id": len(self.rows) + 1, **values})
        return len(self.rows)

    async def user_by(self, key, value):
        return next((r for r in self.rows if r[key] == value), None)


def generate_password_hash(password):
    salt = hashlib.sha256(password.encode() + b"salt").hexdigest().encode('ascii')
    pwdhash = binascii.hexlify(hashlib.pbkdf2_hmac('sha512', password.encode('utf-8'), salt, 1000))
    return (salt + pwdhash).decode('ascii')


def login_required(insert_user=False):
    def decorator(f):
        @wraps(f)
        async def decorated_function(request, *args, **kwargs):
            is_authorized = request.ctx.session.get('user_id')
            if is_authorized:
                if insert_user:
                    user = await request.app.config['database'].user_by("id", is_authorized)
                    return await f(request, user, *args, **kwargs)
                return await f(request, *args, **kwargs)
            else:
                return response.text('Not authorized', status=403)
        return decorated_function
    return decorator


LOGIN_DATA_ERROR = "Provide email, password for login"
AUTH_ERROR_MESSAGE = "An account could not be found for the provided username and password"
NO_DATA_ERROR = "No data provided"
EMAIL_RE = r"^[A-Za-z0-9\.\+_-]+@[A-Za-z0-9\._-]+\.[a-zA-Z]*$"

users_blueprint = Blueprint('users_blueprint', url_prefix='/api')


@users_blueprint.route('/register', methods=['POST'])
async def register(request):
    if not request.json:
        return response.text(NO_DATA_ERROR, status=400)
    email = request.json.get('email')
    if not email or not re.match(EMAIL_RE, email):
        return response.text("Not valid email", status=400)
    password = request.json.get('password')
    if not password or 6 > len(password) or len(password) > 64:
        return response.text("Not valid password, must be between 6 and 64 symbols", status=400)
    currency_choices = list(map(lambda c: c.value, CurrenciesEnum))
    currency = request.json.get('currency')
    if not currency or currency not in currency_choices:
        return response.text(f"Not valid, must be in {currency_choices}", status=400)
    database = request.app.config['database']
    try:
        user_id = await database.insert_user({"email": email, "_balance": 100.0, "currency": currency,
                                              "password_hash": generate_password_hash(password)})
        request.ctx.session['user_id'] = user_id
    except UniqueViolationError:
        return response.text("User with this email already exsits", status=400)
    return response.text("Registered")


@users_blueprint.route('/login', methods=['POST'])
async def login(request):
    email = request.json.get('email')
    password = request.json.get('password')
    if not email or not password:
        return response.text(LOGIN_DATA_ERROR)
    database = request.app.config['database']
    user_id = await database.user_by("email", email)
    if user and user_id:  # noqa: F821  (``user`` is undefined, as written)
        request.ctx.session['user_id'] = user_id
        return response.text("Logged in successfully")
    return response.text(AUTH_ERROR_MESSAGE)


@users_blueprint.route('/logout')
@login_required()
async def logout(request):
    del request.ctx.session['user_id']
    return response.text("Logged out successfully")


transfers_blueprint = Blueprint('transfers_blueprint', url_prefix='/api')


@transfers_blueprint.route('/transfer', methods=['POST'])
@login_required(insert_user=True)
async def transfer(request, user):
    if not request.json:
        return response.text(NO_DATA_ERROR, status=400)
    value_str = request.json.get('value')
    if not value_str or float(value_str) <= 0:
        return response.text("Not valid value to transfer", status=400)
    value = Decimal(value_str)
    balance = Decimal(user['_balance'])
    if value > balance:
        return response.text("You don't have enough money on balance", status=400)
    email = request.json.get('email')
    if not email or not re.match(EMAIL_RE, email):
        return response.text("Not valid targer email", status=400)
    database = request.app.config['database']
    target_user = await database.user_by("email", email)
    if not target_user:
        return response.text("User with specified email not found", status=400)
    user['_balance'] = float(balance - value)
    target_user['_balance'] = float(Decimal(target_user['_balance']) + value)
    return response.text(f"Transfered {value} ({user['_balance']} left)")


app = Sanic("sqlalchemy_example")
app.config['SECRET_KEY'] = "s3cret"


@app.on_request
async def open_session(request):
    sid = request.cookies.get("session")
    request.ctx.session = SESSIONS.setdefault(sid, {}) if sid else {}
    request.ctx.sid = sid


@app.on_response
async def save_session(request, response):
    session = getattr(request.ctx, "session", None)
    if session and not request.ctx.sid:
        sid = f"s{len(SESSIONS) + 1}"
        SESSIONS[sid] = session
        response.add_cookie("session", sid, httponly=True)


@app.listener('before_server_start')
async def register_db(app, loop):
    app.config['database'] = Database(app.config['CONNECTION'])
    await app.config['database'].connect()


@app.listener('before_server_stop')
async def register_db(app, loop):  # noqa: F811  (the same name, as written)
    await app.config['database'].disconnect()


def create_app(connection, run=True):
    app.config['CONNECTION'] = connection
    app.blueprint(users_blueprint)
    app.blueprint(transfers_blueprint)
    return app


create_app("postgresql://db/example", run=False)
