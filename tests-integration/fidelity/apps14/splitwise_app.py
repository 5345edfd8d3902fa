"""Arya-veer/splitwise-sanic (app.py, routes/__init__.py, routes/auth.py, routes/group.py,
decorators/auth.py, managers/auth.py, exceptions/exceptions.py and exceptions/handlers.py,
condensed; no licence file in the stored copy). An empty `Blueprint.group(url_prefix=
"/api")` filled by `append` in a function, blueprints made as `Blueprint("Group",
"/group")` (the prefix positional), `<static_id:uuid>` routes behind decorators that raise
a `Forbidden` subclass with class-level `message` and `quiet = False` (also raised with
`message=`), `SanicException` subclasses with only a `message` or only a `status_code`,
`request.token`, and the `ErrorHandler` subclass of exceptions/handlers.py whose
`default()` answers every error as `{"error": str(exception)}` with the exception's
`status_code` or 400.

The stored app.py versions do not install that handler; here it is installed with
`Sanic("splitwise", error_handler=CustomErrorHandler())`, as its module intends. Stand-ins:
Tortoise's models and repositories (dicts), PyJWT (a token `u:<static id>`), the password
hash (reversed text).
"""

import uuid
from functools import wraps

from sanic import Blueprint, Sanic, response
from sanic.exceptions import Forbidden, SanicException
from sanic.handlers import ErrorHandler


# exceptions/exceptions.py
class UserAlreadyExistsException(SanicException):
    message = "User Already Exists"


class IncompleteParametersException(SanicException):
    message = "All params not provided"


class PermissionNotGrantedException(Forbidden):
    message = "Unauthorized access"
    quiet = False


class InvalidFieldOrValueException(SanicException):
    status_code = 400


# exceptions/handlers.py
class CustomErrorHandler(ErrorHandler):
    def default(self, request, exception: Exception):
        status_code = getattr(exception, "status_code", 400)
        return response.json({"error": str(exception)}, status=status_code)


# stand-ins for models, repositories and jwt
_ids = iter(uuid.UUID(int=n) for n in range(1, 1000))
USERS, GROUPS = {}, {}


class User:
    def __init__(self, email, name):
        self.static_id, self.email, self.name, self.password = next(_ids), email, name, None

    def as_dict(self):
        return {"static_id": str(self.static_id), "email": self.email, "name": self.name}


class Group:
    def __init__(self, name):
        self.static_id, self.name, self.users, self.expenses = next(_ids), name, [], []


class AuthManager:
    user = None
    group = None

    @staticmethod
    async def check_token(request):
        if not request.token:
            raise PermissionNotGrantedException()
        kind, _, sid = request.token.partition(":")
        users = [u for u in USERS.values() if str(u.static_id) == sid and kind == "u"]
        if len(users) == 0:
            raise PermissionNotGrantedException()
        AuthManager.user = users[0]

    @staticmethod
    async def check_group_member(request, static_id):
        await AuthManager.check_token(request)
        group = GROUPS.get(static_id)
        if group is None:
            raise InvalidFieldOrValueException(f"No group {static_id}")
        AuthManager.group = group
        if AuthManager.user not in group.users:
            raise PermissionNotGrantedException(message="Can not access this group as you are not a member")


# decorators/auth.py
def protected(wrapped):
    def decorator(f):
        @wraps(f)
        async def decorated_function(request, *args, **kwargs):
            await AuthManager.check_token(request)
            return await f(request, *args, user=AuthManager.user, **kwargs)
        return decorated_function
    return decorator(wrapped)


def group_member_permission(wrapped):
    def decorator(f):
        @wraps(f)
        async def decorated_function(request, static_id, *args, **kwargs):
            await AuthManager.check_group_member(request, static_id)
            return await f(request, static_id, *args, user=AuthManager.user,
                           group=AuthManager.group, **kwargs)
        return decorated_function
    return decorator(wrapped)


# routes/auth.py
auth_blueprint = Blueprint("Auth", "/auth")


@auth_blueprint.route("/signup", methods=["POST"])
async def signup(request):
    name = request.json.get("name", None)
    email = request.json.get("email", None)
    password = request.json.get("password", None)
    if not email or not password:
        raise IncompleteParametersException()
    if email in USERS:
        raise UserAlreadyExistsException()
    user = USERS[email] = User(email=email, name=name)
    user.password = password[::-1]
    return response.json({"message": "Signed In successfully"}, status=201)


@auth_blueprint.route("/login", methods=["POST"])
async def login(request):
    email = request.json.get("email", None)
    password = request.json.get("password", None)
    user = USERS.get(email)
    if user is None or user.password != (password or "")[::-1]:
        return response.json({"message": "Invalid creds"}, status=400)
    return response.json({"message": "Logged in succesfully", "access": f"u:{user.static_id}"},
                         status=200)


# routes/group.py
group_blueprint = Blueprint("Group", "/group")


@group_blueprint.post("/create")
@protected
async def create_group(request, *args, **kwargs):
    user = kwargs.get("user")
    group_name = request.json.get("group_name", None)
    group = Group(name=group_name)
    GROUPS[group.static_id] = group
    group.users.append(user)
    return response.json({"message": "Group created successfully", "static_id": str(group.static_id)},
                         status=201)


@group_blueprint.get("/list")
@protected
async def get_groups(request, *args, **kwargs):
    user = kwargs.get("user")
    groups = [g for g in GROUPS.values() if user in g.users]
    return response.json([{"name": g.name, "static_id": str(g.static_id)} for g in groups])


@group_blueprint.post("/<static_id:uuid>/add_users")
@group_member_permission
async def add_users(request, static_id, *args, **kwargs):
    group = kwargs.get("group")
    emails = request.json.get("emails")
    not_added_emails = []
    for email in emails:
        if email in USERS:
            group.users.append(USERS[email])
        else:
            not_added_emails.append({"email": email, "error": "User not found"})
    return response.json({"message": "Added users to group", "not_added_emails": not_added_emails})


@group_blueprint.get("/<static_id:uuid>/list_users")
@group_member_permission
async def list_users(request, static_id, *args, **kwargs):
    return response.json([u.as_dict() for u in kwargs["group"].users])


@group_blueprint.post("/<static_id:uuid>/add_expense")
@group_member_permission
async def add_expense(request, static_id, *args, **kwargs):
    group = kwargs.get("group")
    users = request.json.pop("users")
    if not isinstance(users, list):
        raise InvalidFieldOrValueException("users must be a list")
    group.expenses.append({**request.json, "users": users})
    return response.json({"message": "Expense added"}, status=200)


@group_blueprint.get("/<static_id:uuid>/view_expenses")
@group_member_permission
async def list_expenses(request, static_id, *args, **kwargs):
    return response.json(kwargs["group"].expenses)


# routes/__init__.py
api_blueprint_group = Blueprint.group(url_prefix="/api")


def config_blueprints():
    api_blueprint_group.append(group_blueprint)
    api_blueprint_group.append(auth_blueprint)


config_blueprints()

# app.py
app = Sanic("splitwise", error_handler=CustomErrorHandler())
app.config.AUTH_LOGIN_ENDPOINT = 'login'
app.blueprint(api_blueprint_group)
