"""PacktPublishing/Python-Web-Development-with-Sanic, Chapter07/csrf/server.py (the book's
code repository; no licence file stored with it). CSRF protection by cookies: an
`on_request` middleware marking browser requests on `request.ctx`, two `on_response`
middlewares setting cookies with `domain`,
`httponly`, `samesite` (`None`, `"lax"`, `"strict"`) and `secure`; a `Forbidden` subclass
with a class-level `message` and `quiet = False` raised from a decorator (and `from` an
`InvalidToken`); `FALLBACK_ERROR_FORMAT = "text"`; list and int settings on `app.config`.

As written, `response.cookies["x"] = "1"` is `TypeError: 'CookieJar' object does not
support item assignment` in both (logged as a response-middleware error; the answers carry
no cookie at all); here each cookie is set by `response.add_cookie(...)` with the same
attributes, so the cookies themselves are compared.

Stand-ins: cryptography's `Fernet` (not installed beside Sanic here) is a reversible
encoding with the same `encrypt`/`decrypt`/`InvalidToken` surface; `os.urandom` returns
fixed bytes so the tokens (and the cookies) are the same in both runs.
"""

from base64 import b64decode, b64encode
from functools import wraps
from inspect import isawaitable
from typing import Literal

from sanic import HTTPResponse, Request, Sanic, text
from sanic.exceptions import Forbidden


class InvalidToken(Exception):
    pass


class Fernet:  # stand-in: the same calls, a reversible encoding
    def __init__(self, key):
        self.key = key

    def encrypt(self, data: bytes) -> bytes:
        return b"gAAAA" + data.hex().encode()

    def decrypt(self, token: bytes) -> bytes:
        if not token.startswith(b"gAAAA"):
            raise InvalidToken
        try:
            return bytes.fromhex(token[5:].decode())
        except ValueError:
            raise InvalidToken


class os:  # stand-in: fixed bytes
    @staticmethod
    def urandom(n):
        return bytes(range(1, n + 1))


app = Sanic(__name__)
app.config.FALLBACK_ERROR_FORMAT = "text"
app.config.ALLOWED_ORIGINS = ["http://localhost:7777"]
app.config.CSRF_REF_PADDING = 12
app.config.CSRF_REF_LENGTH = 18
# app.config.CSRF_SECRET = Fernet.generate_key()
app.config.CSRF_SECRET = "DZsM9KOs6YAGluhGrEo9oWw4JKTjdiOot9Z4gZ0dGqg="


class CSRFFailure(Forbidden):
    message = "CSRF Failure. Missing or invalid CSRF token."
    quiet = False


def csrf_protected(func):
    def decorator(f):
        @wraps(f)
        async def decorated_function(request, *args, **kwargs):

            origin = request.headers.get("origin")
            if request.ctx.from_browser and (
                origin not in app.config.ALLOWED_ORIGINS
                or "browser_check" not in request.cookies
                or not csrf_check(request)
            ):
                raise CSRFFailure

            response = f(request, *args, **kwargs)
            if isawaitable(response):
                response = await response

            return response

        return decorated_function

    return decorator(func)


@app.on_request
async def check_request(request: Request) -> None:
    request.ctx.from_browser = (
        "origin" in request.headers or "browser_check" in request.cookies
    )


@app.on_response
async def mark_browser(_, response: HTTPResponse) -> None:
    response.add_cookie("browser_check", "1", domain="localhost", httponly=True)


def generate_csrf(
    secret: str, ref_length: int, padding: int
) -> tuple[str, str]:
    cipher = Fernet(secret)
    ref = os.urandom(ref_length)
    pad = os.urandom(padding)
    pretoken = cipher.encrypt(ref)

    return ref.hex(), b64encode(pad + pretoken).decode("utf-8")


def verify_csrf(secret: str, padding: int, ref: str, token: str) -> None:
    if not ref or not token:
        raise InvalidToken("Token is incorrect")

    cipher = Fernet(secret)
    raw = b64decode(token.encode("utf-8"))
    pretoken = raw[padding:]
    encoded_ref = cipher.decrypt(pretoken)

    if ref != encoded_ref.hex():
        raise InvalidToken("Token is incorrect")


def csrf_check(request: Request) -> Literal[True]:
    csrf_header = request.headers.get("x-xsrf-token", "")
    csrf_cookie = request.cookies.get("csrf_token", "")
    ref_token = request.cookies.get("ref_token", "")

    try:
        verify_csrf(
            request.app.config.CSRF_SECRET,
            request.app.config.CSRF_REF_PADDING,
            ref_token,
            csrf_cookie,
        )
    except InvalidToken as e:
        raise CSRFFailure from e

    if csrf_header != csrf_cookie:
        raise CSRFFailure

    return True


@app.on_response
async def inject_csrf_token(request: Request, response: HTTPResponse) -> None:
    response.add_cookie(
        "myfavorite", "chocolatechip", domain="mydomain.com", samesite=None, secure=True
    )

    if (
        "csrf_token" not in request.cookies
        or "ref_token" not in request.cookies
    ):
        ref, token = generate_csrf(
            request.app.config.CSRF_SECRET,
            request.app.config.CSRF_REF_LENGTH,
            request.app.config.CSRF_REF_PADDING,
        )

        response.add_cookie(
            "session_token", ref, domain="localhost", httponly=True, samesite="lax", secure=True
        )
        response.add_cookie(
            "ref_token", ref, domain="localhost", httponly=True, samesite="strict", secure=True
        )
        response.add_cookie(
            "csrf_token", token, domain="localhost", samesite="strict", secure=True
        )


@app.post("/")
@csrf_protected
async def handler(request: Request) -> HTTPResponse:
    return text("Hi")


@app.get("/start")
async def handler2(request: Request) -> HTTPResponse:
    return text("Hi")
