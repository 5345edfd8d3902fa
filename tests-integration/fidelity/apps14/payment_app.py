"""kislyakov84/sanic_payment_api (src/main.py, src/api/users.py, src/api/webhooks.py,
src/api/dependencies.py and src/services/payments.py, condensed; no licence file in the
stored copy). A payment webhook whose signature is the SHA-256 of the values of
`request.json` joined in sorted key order (`str()` of each: floats, big integers, nested
values as Python prints them) plus a secret, `Decimal(data["amount"])`, routes written
with braces (`"/{user_id:int}"`, a literal path to Sanic's router, not a parameter), a
`json({}, status=204)`, a `protected(admin_only=...)` decorator raising `Unauthorized` and
`Forbidden`, and `InvalidUsage`/`ServerError` raised with messages.

The stored `main.py` registers neither blueprint nor the session; they are registered
here as the project's later files expect (`request.ctx.session` set by a request
middleware). Stand-ins: SQLAlchemy's session and repositories (dicts), the password hash
and JWT (a token `t-<email>`), pydantic's schemas (plain dicts), the settings' secret.
"""

import hashlib
from decimal import Decimal
from functools import wraps

from sanic import Blueprint, Request, Sanic, json
from sanic.exceptions import Forbidden, InvalidUsage, NotFound, ServerError, Unauthorized

SECRET_KEY = "gfdmhghif38yrf9ew0jkf32"
USERS = {1: {"id": 1, "email": "user@x", "password": "pw", "is_admin": False, "accounts": []},
         2: {"id": 2, "email": "admin@x", "password": "pw", "is_admin": True, "accounts": []}}
PAYMENTS = {}


class _Session:
    pass


def public(user):
    return {k: user[k] for k in ("id", "email", "is_admin")}


def protected(admin_only: bool = False):
    def decorator(f):
        @wraps(f)
        async def decorated_function(request: Request, *args, **kwargs):
            auth_header = request.headers.get("Authorization")
            if not auth_header or not auth_header.startswith("Bearer "):
                raise Unauthorized("Authorization header is missing or invalid")
            token = auth_header.split(" ")[1]
            email = token[2:] if token.startswith("t-") else None
            if not email:
                raise Unauthorized("Invalid token")
            user = next((u for u in USERS.values() if u["email"] == email), None)
            if user is None:
                raise Unauthorized("User not found")
            if admin_only and user["is_admin"] is False:
                raise Forbidden("You do not have permission to access this resource")
            request.ctx.user = user
            return await f(request, *args, **kwargs)
        return decorated_function
    return decorator


class PaymentService:
    def __init__(self, session):
        self.session = session

    def verify_signature(self, data: dict) -> bool:
        signature = data.pop("signature")
        sorted_keys = sorted(data.keys())
        message = "".join(str(data[key]) for key in sorted_keys)
        message += SECRET_KEY
        expected_signature = hashlib.sha256(message.encode()).hexdigest()
        return signature == expected_signature

    async def process_webhook(self, data: dict) -> None:
        if data["transaction_id"] in PAYMENTS:
            return
        user = USERS[data["user_id"]]
        account = next((a for a in user["accounts"] if a["id"] == data["account_id"]), None)
        if not account:
            account = {"id": data["account_id"], "balance": Decimal(0)}
            user["accounts"].append(account)
        account["balance"] += Decimal(data["amount"])
        PAYMENTS[data["transaction_id"]] = str(Decimal(data["amount"]))


# src/api/webhooks.py
webhook_bp = Blueprint("webhooks", url_prefix="/webhooks")


@webhook_bp.post("/payment")
async def handle_payment_webhook(request: Request):
    payload = request.json
    if not payload:
        raise InvalidUsage("Empty payload")
    payment_service = PaymentService(request.ctx.session)
    if not payment_service.verify_signature(payload.copy()):
        raise InvalidUsage("Invalid signature")
    try:
        await payment_service.process_webhook(payload)
    except Exception as e:
        print(f"Error processing webhook: {e!r}")
        raise ServerError("Failed to process payment")
    return json({"status": "ok"})


# src/api/users.py
users_bp = Blueprint("users", url_prefix="/users")


@users_bp.post("/login")
async def login_for_access_token(request: Request):
    email = request.json.get("email")
    password = request.json.get("password")
    if not email or not password:
        raise Unauthorized("Missing email or password")
    user = next((u for u in USERS.values() if u["email"] == email), None)
    if not user or user["password"] != password:
        raise Unauthorized("Incorrect email or password")
    return json({"access_token": f"t-{user['email']}", "token_type": "bearer"})


@users_bp.get("/me")
@protected()
async def read_users_me(request: Request):
    return json(public(request.ctx.user))


@users_bp.get("/me/accounts")
@protected()
async def read_my_accounts(request: Request):
    return json([{"id": a["id"], "balance": str(a["balance"])} for a in request.ctx.user["accounts"]])


@users_bp.get("/")
@protected(admin_only=True)
async def get_all_users(request: Request):
    return json([public(u) for u in USERS.values()])


@users_bp.patch("/{user_id:int}")
@protected(admin_only=True)
async def update_existing_user(request: Request, user_id: int):
    user = USERS.get(user_id)
    if not user:
        raise NotFound(f"User with id {user_id} not found")
    user.update(request.json or {})
    return json(public(user))


@users_bp.delete("/{user_id:int}")
@protected(admin_only=True)
async def delete_existing_user(request: Request, user_id: int):
    if user_id not in USERS:
        raise NotFound(f"User with id {user_id} not found")
    del USERS[user_id]
    return json({}, status=204)


# src/main.py
app = Sanic("PaymentApp")


@app.on_request
async def inject_session(request):
    request.ctx.session = _Session()


@app.get("/")
async def health_check(request):
    return json({"status": "ok"})


app.blueprint(users_bp)
app.blueprint(webhook_bp)
