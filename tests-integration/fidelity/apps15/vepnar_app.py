"""Vepnar/Sanic-Examples (login/main.py, login/session.py, login/users.py, login/util.py),
condensed.

A login example: a ``SessionHandler`` created in a ``before_server_start`` listener that
puts its middlewares straight into the app's deques (``request_middleware.appendleft``,
``response_middleware.append``), a session cookie with ``expires`` (a ``datetime``),
``max-age``, ``secure``, ``httponly`` set one key at a time and deleted with ``del
response.cookies[name]``, relative redirects (``redirect('profile')``), form posts, a
``NotFound`` handler rendering a page, ``app.static('/static', ...)``. No licence file in
the stored copy.

Stands in: mongoengine's models are dicts; the jinja2 templates are format strings
(``format_html`` keeps its signature); ``hash_password``/``attempt_login`` (imported from
a ``util`` module the stored copy does not hold) hash with sha256. Changed: ``Sanic(name=,
load_env='CB_')`` is refused alike (an unexpected argument): ``env_prefix='CB_'``;
``app.extensions = {}`` is refused alike: ``app.ctx.extensions``; the sessions use
``request['session']`` (old Sanic's dict-like request): a ``Request`` subclass given as
``request_class`` maps those onto ``request.ctx``. ``datetime.fromtimestamp`` of a fixed
clock, so the cookie's date is the same for both.
"""

import datetime
import hashlib
import re
import uuid

from sanic import Blueprint, Request, Sanic, response
from sanic.exceptions import NotFound

SESSIONS: dict = {}
USERS: dict = {}
NOW = 1_700_000_000


class DictRequest(Request):
    def __getitem__(self, key):
        return getattr(self.ctx, key)

    def __setitem__(self, key, value):
        setattr(self.ctx, key, value)

    def __contains__(self, key):
        return hasattr(self.ctx, key)

    def get(self, key, default=None):
        return getattr(self.ctx, key, default)


TEMPLATES = {
    "index.html": "<h1>Home</h1>{user}",
    "error.html": "<h1>Error {error_code}</h1><p>{error_message}</p>",
    "login.html": "<form method=post><input name=email value='{email}'>{error_message}</form>",
    "register.html": "<form method=post>{error_message}<input name=email value='{email}'></form>",
    "profile.html": "<h1>Profile of {user}</h1>",
}


async def format_html(html_file: str, **kwargs):
    template = TEMPLATES[html_file]
    if 'request' in kwargs:
        request = kwargs.get('request')
        user = is_logged_in(request)
        if user:
            kwargs.update({'user': user})
    values = {"user": "", "email": "", "error_message": "", "error_code": ""}
    values.update(kwargs)
    return response.html(template.format(**values))


def is_logged_in(request) -> object:
    if not request.get('session'):
        return None
    session = request.get('session')
    if not session.get('user_id'):
        return None
    return session.get('user_id')


def is_valid_email(string):
    return bool(re.match(r'[^@]+@[^@]+\.[^@]+', string))


def is_valid_password(password):
    if len(password) < 5:
        return False
    if not any(char.isalpha() for char in password):
        return False
    if any(char.isspace() for char in password):
        return False
    return True


def can_register_user(email, password, password2, accept):
    if password != password2:
        return 'passwords do not match!'
    if accept != 'on':
        return 'Please accept our TOS'
    if not is_valid_email(email):
        return 'Please enter a valid Email address'
    if not is_valid_password(password):
        return 'Your passwords needs to be longer than 6 characters'
    return None


def hash_password(password):
    return hashlib.sha256(password.encode()).hexdigest()


def attempt_login(email, password):
    user = USERS.get(email)
    if user and user["password"] == hash_password(password):
        return user
    return None


class SessionHandler:
    def __init__(self, app, alias=None, expiry=7 * 24 * 60 * 60, session_name='session',
                 httponly=True, secure=False, domain=None):
        self.expiry = expiry
        self.alias = alias
        self.session_name = session_name
        self.httponly = httponly
        self.secure = secure
        self.domain = domain
        if not hasattr(app.ctx, "extensions"):
            app.ctx.extensions = {}
        app.ctx.extensions[self.session_name] = self
        app.request_middleware.appendleft(self.open_sessions)
        app.response_middleware.append(self.save_sessions)

    def _update_session(self, data, sid):
        if sid in SESSIONS:
            SESSIONS[sid] = dict(data)

    async def open_sessions(self, request) -> None:
        sid, data = request.cookies.get(self.session_name), {}
        if sid:
            data = self._get_session(sid)
            data['_sid'] = sid
        request[self.session_name] = data

    async def save_sessions(self, request, response) -> None:
        if self.session_name not in request:
            return
        session_data = request[self.session_name]
        if len(session_data.keys()) == 0:
            return
        if '_sid' in session_data:
            sid = session_data['_sid']
            if len(session_data.keys()) == 1:
                session_data.pop('_sid')
                self._destroy_session(sid)
                self._destroy_cookie(response)
                return
            if '_renew' in session_data:
                session_data.pop('_renew')
                self._destroy_session(sid)
                sid = self._create_session(session_data)
            self._update_session(session_data, sid)
            self._create_cookie(response, sid)
            return
        if len(session_data.keys()) > 0:
            sid = self._create_session(session_data)
            self._create_cookie(response, sid)

    def _create_session(self, data={}) -> str:
        sid = uuid.uuid5(uuid.NAMESPACE_URL, str(len(SESSIONS)) + repr(sorted(data))).hex
        SESSIONS[sid] = dict(data)
        return sid

    def _destroy_session(self, sid):
        SESSIONS.pop(sid, None)

    def _get_session(self, sid):
        if sid not in SESSIONS:
            return {}
        model = dict(SESSIONS[sid])
        model.update({'_sid': sid})
        return model

    def _calculate_expire(self):
        return datetime.datetime.fromtimestamp(NOW + self.expiry, datetime.timezone.utc)

    def _create_cookie(self, response, sid):
        response.cookies[self.session_name] = sid
        response.cookies[self.session_name]['expires'] = self._calculate_expire()
        response.cookies[self.session_name]['max-age'] = self.expiry
        response.cookies[self.session_name]['secure'] = self.secure
        response.cookies[self.session_name]['httponly'] = self.httponly
        if self.domain:
            response.cookies[self.session_name]['domain'] = self.domain

    def _destroy_cookie(self, response) -> None:
        del response.cookies[self.session_name]


BLUEPRINT = Blueprint('users', url_prefix='/users')


@BLUEPRINT.get('/register')
async def register(request):
    if is_logged_in(request):
        return response.redirect('profile')
    return await format_html('register.html')


@BLUEPRINT.get('/')
async def index_users(request):
    if is_logged_in(request):
        return response.redirect('/users/profile')
    return response.redirect('/users/login')


@BLUEPRINT.get('/profile')
async def profile(request):
    if is_logged_in(request):
        return await format_html('profile.html', request=request)
    else:
        return response.redirect('login')


@BLUEPRINT.get('/logout')
async def logout(request):
    if is_logged_in(request):
        request['session'].pop('user_id')
        request['session']['_renew'] = True
    return response.redirect('login')


@BLUEPRINT.get('/test')
async def test(request):
    does_have_session = request.get('session')
    user_id = request['session'].get('user_id')
    error = f'''
    Amount of session: {len(SESSIONS)}<br>
    Amount of users: {len(USERS)}<br>
    session: {does_have_session}<br>
    user_id: {user_id}'''
    return await format_html('error.html', error_code=200, error_message=error, request=request)


@BLUEPRINT.get('/login')
async def login(request):
    if is_logged_in(request):
        return response.redirect('profile')
    return await format_html('login.html')


@BLUEPRINT.post('/register')
async def register_post(request):
    if is_logged_in(request):
        return response.redirect('profile')
    required = ['email', 'pwd-1', 'pwd-2', 'accept']
    if not all(item in request.form for item in required):
        return await format_html('register.html', error_message='Please accept our TOS',
                                 request=request)
    email = request.form.get('email', '').lower()
    password = request.form.get('pwd-1')
    password2 = request.form.get('pwd-2')
    accept = request.form.get('accept')
    message = can_register_user(email, password, password2, accept)
    if message is not None:
        return await format_html('register.html', error_message=message, email=email)
    USERS[email] = {"id": email, "password": hash_password(password)}
    request['session']['user_id'] = email
    request['session']['_renew'] = True
    return response.redirect('profile')


@BLUEPRINT.post('/login')
async def login_post(request):
    if is_logged_in(request):
        return response.redirect('profile')
    required = ['email', 'pwd']
    if not all(item in request.form for item in required):
        return await format_html('login.html', error_message='Please enter all fields')
    email = request.form.get('email')
    password = request.form.get('pwd')
    user = attempt_login(email, password)
    if not user:
        return await format_html('login.html', error_message='Password incorrect', email=email)
    request['session']['user_id'] = user["id"]
    request['session']['_renew'] = True
    return response.redirect('profile')


WEBSERVER = Sanic(name='login', env_prefix='CB_', request_class=DictRequest)


@WEBSERVER.listener('before_server_start')
async def init_webserver(app, loop):
    SessionHandler(WEBSERVER)


@WEBSERVER.exception(NotFound)
async def error_404(request, exception):
    return await format_html('error.html', error_code=404)


@WEBSERVER.get('/')
async def index(request):
    return await format_html('index.html')


WEBSERVER.static('/static', './vepnar_static')
WEBSERVER.blueprint(BLUEPRINT)
app = WEBSERVER
