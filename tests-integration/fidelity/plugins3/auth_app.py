"""sanic-httpauth 0.2.0 (Basic, Digest with a session nonce, Bearer, MultiAuth, custom
error handlers, views), sanic-auth 0.3.0 (login/logout in a cookie session, redirects
through url_for, user_keyword), sanic-cookiesession 0.3.1 (the session cookie) and
sanic-token-auth 0.2.0 (request.token and a header), sanic-useragent 0.1.4."""

import sanic_cookiesession
from plainsession import PlainSerializer
from sanic_auth import Auth, User
from sanic_httpauth import HTTPBasicAuth, HTTPDigestAuth, HTTPTokenAuth, MultiAuth
from sanic_token_auth import SanicTokenAuth
from sanic_useragent import SanicUserAgent

from sanic import Sanic, response
from sanic.views import HTTPMethodView

app = Sanic("auth_app")
app.config.SECRET_KEY = "s3cret"
app.config.SESSION_COOKIE_SECURE = False
app.config.AUTH_LOGIN_ENDPOINT = "login"
sanic_cookiesession.setup(app, serializer_type=PlainSerializer)
auth = Auth(app)
SanicUserAgent.init_app(app, default_locale="en_GB")

basic = HTTPBasicAuth()
digest = HTTPDigestAuth(realm="vault")
bearer = HTTPTokenAuth("Bearer")
custom = HTTPTokenAuth("Token", realm="custom")
multi = MultiAuth(basic, bearer)
USERS = {"ann": "pw1", "bob": "pw2"}
TOKENS = {"tok-ann": "ann", "tok-bob": "bob"}


@basic.get_password
def basic_password(username):
    return USERS.get(username)


@digest.get_password
def digest_password(username):
    return USERS.get(username)


@digest.generate_nonce
def make_nonce(request):
    request.ctx.session["auth_nonce"] = "n0nce"
    return "n0nce"


@digest.generate_opaque
def make_opaque(request):
    request.ctx.session["auth_opaque"] = "0paque"
    return "0paque"


@bearer.verify_token
def check_bearer(token):
    return token in TOKENS


@custom.verify_token
def check_custom(token):
    return token == "letmein"


@custom.error_handler
def custom_error(request):
    return response.json({"error": "no", "path": request.path}, status=403)


@app.get("/basic")
@basic.login_required
async def basic_route(request):
    return response.json({"user": basic.username(request)})


@app.route("/basic-any", methods=["GET", "POST", "OPTIONS"])
@basic.login_required
async def basic_any(request):
    return response.text(f"{request.method} {basic.username(request)!r}")


@app.get("/digest")
@digest.login_required
async def digest_route(request):
    return response.json({"user": digest.username(request), "session": request.ctx.session})


@app.get("/bearer")
@bearer.login_required
async def bearer_route(request):
    return response.json({"token": bearer.token(request), "user": TOKENS[bearer.token(request)]})


@app.get("/custom/<item>")
@custom.login_required
async def custom_route(request, item):
    return response.text(f"item {item}")


@app.get("/multi")
@multi.login_required
async def multi_route(request):
    return response.json({"basic": basic.username(request), "token": bearer.token(request)})


class Secret(HTTPMethodView):
    decorators = [basic.login_required]

    async def get(self, request):
        return response.text("view " + basic.username(request))

    async def delete(self, request):
        return response.empty()


app.add_route(Secret.as_view(), "/view")


@app.route("/login", methods=["GET", "POST"], name="login")
async def login(request):
    if request.method == "POST":
        name = request.form.get("name")
        if name in USERS and request.form.get("password") == USERS[name]:
            auth.login_user(request, User(id=len(name), name=name))
            return response.redirect(request.args.get("next", "/profile"))
        return response.text("bad login", status=400)
    return response.html("<form method=post></form>")


@app.get("/logout")
async def logout(request):
    return response.json({"was": auth.logout_user(request)})


@app.get("/profile")
@auth.login_required(user_keyword="user")
async def profile(request, user):
    return response.json({"id": user.id, "name": user.name, "session": request.ctx.session})


@app.get("/profile/plain")
@auth.login_required
async def profile_plain(request):
    return response.json({"current": list(auth.current_user(request))})


def no_auth_json(request):
    return response.json({"login": request.app.url_for("login", next=request.path)}, 401)


@app.get("/api")
@auth.login_required(handle_no_auth=no_auth_json)
async def api(request):
    return response.text("api ok")


@app.get("/counter")
async def counter(request):
    request.ctx.session["n"] = request.ctx.session.get("n", 0) + 1
    return response.json(request.ctx.session)


token_app = SanicTokenAuth(app, secret_key="abc")
header_auth = SanicTokenAuth(app, header="X-Api-Key", secret_key="k")


async def verify(token):
    return token is not None and token.startswith("good")


verified = SanicTokenAuth(app, token_verifier=verify)


@app.get("/tok")
@token_app.auth_required
async def tok(request):
    return response.text(f"token={request.token}")


@app.get("/tok/header")
@header_auth.auth_required
async def tok_header(request):
    return response.text("header ok")


@app.get("/tok/verified/<n:int>")
@verified.auth_required
async def tok_verified(request, n):
    return response.json({"n": n, "token": request.token})


@app.get("/ua")
async def user_agent(request):
    ua = request.ctx.user_agent
    fields = ("string", "platform", "browser", "version", "language")
    return response.json({**{name: getattr(ua, name) for name in fields}, "truthy": bool(ua)})
