"""AlexandrLutai/sanic-REST (app/main.py, app/auth/service.py, app/routes/auth.py,
app/routes/admin.py, app/routes/webhook.py), condensed.

``create_app()`` with ``app.config.update({...})`` and listeners decorated bare that take
``(app, loop)`` (the deprecated loop argument); blueprints with absolute prefixes
(``/api/v1/admin``...); an ``auth_required(user_types)`` decorator factory reading
``Authorization: Bearer`` by hand (``startswith("Bearer ")``) and setting
``request.ctx.current_user``; handlers catching every exception into ``json({"error":
str(e)}, status=...)`` with Russian messages; ``request.app.config.get(...)``; a payment
webhook built with ``WebhookRequest(**request.json)``. No licence file in the stored copy.

Stands in: SQLAlchemy models are dicts; pydantic's models are dataclasses checking types
(a ``TypeError``/``ValueError`` as pydantic's would be); bcrypt is sha256; PyJWT is an
HMAC-signed base64 JSON token; the webhook's signature is the SHA-256 of the sorted
fields' values and the secret (the service module is not in the stored copy);
sanic_cors's ``CORS(app)`` is a response middleware adding ``Access-Control-Allow-Origin:
*``. Changed: the stored ``create_app()`` registers no blueprint: the three are
registered.
"""

import base64
import hashlib
import hmac
import json as jsonlib
from dataclasses import asdict, dataclass
from datetime import datetime
from decimal import Decimal
from functools import wraps

from sanic import Blueprint, Sanic
from sanic.request import Request
from sanic.response import json as sanic_json

T0 = datetime(2025, 1, 1, 12, 0, 0)
USERS = {1: {"id": 1, "email": "user@example.com", "full_name": "Test User",
             "password": hashlib.sha256(b"userpass").hexdigest(), "type": "user"}}
ADMINS = {1: {"id": 1, "email": "admin@example.com", "full_name": "Test Admin",
              "password": hashlib.sha256(b"adminpass").hexdigest(), "type": "admin"}}
ACCOUNTS: dict = {}
PAYMENTS: set = set()


def encode(payload, secret):
    p = base64.urlsafe_b64encode(jsonlib.dumps(payload).encode())
    return (p + b"." + hmac.new(secret.encode(), p, hashlib.sha256).hexdigest().encode()).decode()


class JWTManager:
    def __init__(self, secret_key: str, algorithm: str = "HS256"):
        self.secret_key = secret_key
        self.algorithm = algorithm

    def decode_token(self, token: str) -> dict:
        p, _, sig = token.encode().partition(b".")
        if hmac.new(self.secret_key.encode(), p, hashlib.sha256).hexdigest().encode() != sig:
            raise ValueError("Недействительный токен")
        return jsonlib.loads(base64.urlsafe_b64decode(p))


def get_jwt_manager(request: Request) -> JWTManager:
    return JWTManager(secret_key=request.app.config.get("JWT_SECRET"),
                      algorithm=request.app.config.get("JWT_ALGORITHM", "HS256"))


def extract_token(request: Request) -> str:
    auth_header = request.headers.get("Authorization")
    if not auth_header:
        raise ValueError("Отсутствует заголовок Authorization")
    if not auth_header.startswith("Bearer "):
        raise ValueError("Неверный формат токена")
    return auth_header[7:]


async def get_current_user(request: Request):
    try:
        token = extract_token(request)
        payload = get_jwt_manager(request).decode_token(token)
        user_id = payload.get("user_id")
        user_type = payload.get("user_type")
        if not user_id or not user_type:
            raise ValueError("Недействительный токен")
        if user_type == "user":
            user = USERS.get(user_id)
        elif user_type == "admin":
            user = ADMINS.get(user_id)
        else:
            raise ValueError("Неизвестный тип пользователя")
        if not user:
            raise ValueError("Пользователь не найден")
        return user
    except Exception as e:
        raise ValueError(f"Ошибка аутентификации: {str(e)}")


def auth_required(user_types=None):
    if user_types is None:
        user_types = ["user", "admin"]

    def decorator(f):
        @wraps(f)
        async def decorated_function(request, *args, **kwargs):
            try:
                user = await get_current_user(request)
                user_type = user["type"]
                if user_type not in user_types:
                    return sanic_json({"error": "Недостаточно прав доступа"}, status=403)
                request.ctx.current_user = user
                request.ctx.user_type = user_type
                return await f(request, *args, **kwargs)
            except ValueError as e:
                return sanic_json({"error": str(e)}, status=401)
            except Exception:
                return sanic_json({"error": "Внутренняя ошибка сервера"}, status=500)
        return decorated_function
    return decorator


def admin_required(f):
    return auth_required(user_types=["admin"])(f)


@dataclass
class LoginRequest:
    email: str
    password: str

    def __post_init__(self):
        if not isinstance(self.email, str) or "@" not in self.email:
            raise ValueError("value is not a valid email address")
        if not isinstance(self.password, str):
            raise ValueError("Input should be a valid string")


@dataclass
class WebhookRequest:
    transaction_id: str
    account_id: int
    user_id: int
    amount: Decimal
    signature: str

    def __post_init__(self):
        if not isinstance(self.account_id, int) or not isinstance(self.user_id, int):
            raise ValueError("Input should be a valid integer")
        self.amount = Decimal(str(self.amount))


auth_bp = Blueprint("auth", url_prefix="/api/v1/auth")


def login_response(user, kind):
    return {"user": {"id": user["id"], "email": user["email"], "full_name": user["full_name"],
                     "created_at": T0.isoformat(), "updated_at": None},
            "token": {"access_token": encode({"user_id": user["id"], "user_type": kind},
                                             "jwt-secret-key-change-in-production"),
                      "token_type": "bearer", "expires_in": 3600}}


@auth_bp.post("/login")
async def login(request: Request):
    try:
        login_data = LoginRequest(**request.json)
        user = next((u for u in USERS.values() if u["email"] == login_data.email), None)
        if not user or user["password"] != hashlib.sha256(login_data.password.encode()).hexdigest():
            return sanic_json({"error": "Неверный email или пароль"}, status=401)
        return sanic_json(login_response(user, "user"))
    except Exception as e:
        return sanic_json({"error": str(e)}, status=400)


@auth_bp.post("/admin/login")
async def admin_login(request: Request):
    try:
        login_data = LoginRequest(**request.json)
        admin = next((u for u in ADMINS.values() if u["email"] == login_data.email), None)
        if not admin or admin["password"] != hashlib.sha256(login_data.password.encode()).hexdigest():
            return sanic_json({"error": "Неверный email или пароль"}, status=401)
        return sanic_json(login_response(admin, "admin"))
    except Exception as e:
        return sanic_json({"error": str(e)}, status=400)


admin_bp = Blueprint("admin", url_prefix="/api/v1/admin")


@admin_bp.get("/profile")
@admin_required
async def get_admin_profile_alias(request: Request):
    return await get_admin_profile(request)


@admin_bp.get("/me")
@admin_required
async def get_admin_profile(request: Request):
    try:
        current_admin = request.ctx.current_user
        return sanic_json({"id": current_admin["id"], "email": current_admin["email"],
                           "full_name": current_admin["full_name"]})
    except Exception as e:
        return sanic_json({"error": str(e)}, status=400)


@admin_bp.post("/users")
@admin_required
async def create_user(request: Request):
    try:
        json_data = request.json
        if not json_data:
            return sanic_json({"error": "Отсутствуют данные"}, status=400)
        email = json_data.get("email")
        password = json_data.get("password")
        full_name = json_data.get("full_name")
        if not email or "@" not in email:
            return sanic_json({"error": "Некорректный email"}, status=400)
        if not password or len(password) < 6:
            return sanic_json({"error": "Пароль должен быть не менее 6 символов"}, status=400)
        if not full_name or len(full_name) < 2:
            return sanic_json({"error": "Имя должно быть не менее 2 символов"}, status=400)
        if any(u["email"] == email for u in USERS.values()):
            raise ValueError("Пользователь с таким email уже существует")
        uid = max(USERS) + 1
        USERS[uid] = {"id": uid, "email": email, "full_name": full_name, "type": "user",
                      "password": hashlib.sha256(password.encode()).hexdigest()}
        return sanic_json({"id": uid, "email": email, "full_name": full_name}, status=201)
    except ValueError as e:
        return sanic_json({"error": str(e)}, status=409)
    except Exception as e:
        return sanic_json({"error": str(e)}, status=400)


@admin_bp.delete("/users/<user_id:int>")
@admin_required
async def delete_user(request: Request, user_id: int):
    try:
        if USERS.pop(user_id, None) is None:
            return sanic_json({"error": "Пользователь не найден"}, status=404)
        return sanic_json({"message": f"Пользователь {user_id} успешно удален"})
    except Exception as e:
        return sanic_json({"error": str(e)}, status=400)


webhook_bp = Blueprint("webhook", url_prefix="/api/v1/webhook")


@webhook_bp.post("/payment")
async def process_payment_webhook(request: Request):
    try:
        webhook_data = WebhookRequest(**request.json)
        secret_key = request.app.config.get("WEBHOOK_SECRET")
        if not secret_key:
            return sanic_json({"error": "Секретный ключ не настроен"}, status=500)
        fields = asdict(webhook_data)
        signature = fields.pop("signature")
        expected = hashlib.sha256(("".join(str(fields[k]) for k in sorted(fields))
                                   + secret_key).encode()).hexdigest()
        if signature != expected:
            result = {"success": False, "error_code": "INVALID_SIGNATURE", "message": "Неверная подпись"}
        elif webhook_data.transaction_id in PAYMENTS:
            result = {"success": False, "error_code": "DUPLICATE_TRANSACTION",
                      "message": "Транзакция уже обработана"}
        elif webhook_data.user_id not in USERS:
            result = {"success": False, "error_code": "USER_NOT_FOUND", "message": "Пользователь не найден"}
        else:
            PAYMENTS.add(webhook_data.transaction_id)
            ACCOUNTS[webhook_data.account_id] = ACCOUNTS.get(webhook_data.account_id, 0) + webhook_data.amount
            result = {"success": True, "message": f"Баланс: {ACCOUNTS[webhook_data.account_id]}"}
        if not result["success"]:
            status_codes = {"INVALID_SIGNATURE": 400, "DUPLICATE_TRANSACTION": 409, "USER_NOT_FOUND": 404}
            return sanic_json({"error": result["message"]},
                              status=status_codes.get(result.get("error_code"), 400))
        return sanic_json({"success": True, "message": result["message"],
                           "transaction_id": webhook_data.transaction_id}, status=200)
    except ValueError as e:
        return sanic_json({"error": f"Ошибка валидации: {str(e)}"}, status=400)
    except Exception as e:
        return sanic_json({"error": f"Внутренняя ошибка сервера: {str(e)}"}, status=500)


def create_app():
    app = Sanic("SanicPaymentAPI")

    @app.on_response
    async def cors(request, response):
        response.headers["Access-Control-Allow-Origin"] = "*"

    app.config.update({
        "SECRET_KEY": "your-secret-key-change-in-production",
        "JWT_SECRET": "jwt-secret-key-change-in-production",
        "JWT_ALGORITHM": "HS256",
        "JWT_ACCESS_TOKEN_EXPIRES": 3600,
        "WEBHOOK_SECRET": "webhook-secret-key",
    })

    @app.before_server_start
    async def initialize_db(app, loop):
        app.ctx.db = "ready"

    @app.after_server_stop
    async def close_database(app, loop):
        app.ctx.db = None

    @app.get("/")
    async def health_check(request):
        return sanic_json({"status": "ok", "message": "Sanic Payment API is running",
                           "version": "1.0.0", "db": request.app.ctx.db})

    app.blueprint(auth_bp)
    app.blueprint(admin_bp)
    app.blueprint(webhook_bp)
    return app


app = create_app()
