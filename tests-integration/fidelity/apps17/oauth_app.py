"""An OAuth-style authorization server and client in one app (written for this round): the
authorization-code flow by redirects (``redirect()`` with a query built by ``urlencode``,
302 and 303), a login form read from ``request.form``, a signed session cookie set with
``add_cookie`` (``httponly``, ``samesite``, ``max_age``, ``path``) and read back from
``request.cookies``, ``state`` checked against a cookie, the token endpoint taking
``application/x-www-form-urlencoded`` with HTTP Basic client credentials
(``request.credentials``), RFC 6749-shaped JSON errors with ``Cache-Control: no-store``,
a bearer-protected resource (``request.token``), ``delete_cookie`` at logout and a
``url_for`` with a query built from keyword arguments."""

import base64
import hashlib
import hmac
import secrets
from urllib.parse import urlencode

from sanic import Sanic
from sanic.response import html, json, redirect, text

app = Sanic("oauthdemo")
SECRET = b"s3cret"
CLIENTS = {"webapp": {"secret": "pw1", "redirect": "/callback"}}
USERS = {"ana": "hunter2", "bo": "pa ss"}
CODES: dict = {}
TOKENS: dict = {}
SEQ = {"n": 0}


def sign(value: str) -> str:
    mac = hmac.new(SECRET, value.encode(), hashlib.sha256).hexdigest()[:16]
    return f"{value}.{mac}"


def unsign(cookie):
    if not cookie or "." not in cookie:
        return None
    value, _, mac = cookie.rpartition(".")
    return value if hmac.compare_digest(sign(value), cookie) else None


def next_id(prefix):
    SEQ["n"] += 1
    return f"{prefix}{SEQ['n']:04d}"


def oauth_error(error, description, status=400):
    resp = json({"error": error, "error_description": description}, status=status)
    resp.headers["Cache-Control"] = "no-store"
    resp.headers["Pragma"] = "no-cache"
    return resp


@app.get("/")
async def home(request):
    user = unsign(request.cookies.get("sid"))
    if user:
        return text(f"hello {user}")
    state = "st-" + hashlib.sha1(b"fixed").hexdigest()[:8]
    query = urlencode({"response_type": "code", "client_id": "webapp",
                       "redirect_uri": "/callback", "state": state, "scope": "read profile"})
    resp = redirect(f"/authorize?{query}")
    resp.add_cookie("oauth_state", state, httponly=True, samesite="Lax", max_age=300)
    return resp


@app.get("/authorize")
async def authorize(request):
    client = CLIENTS.get(request.args.get("client_id"))
    if client is None:
        return oauth_error("invalid_client", "unknown client")
    if request.args.get("redirect_uri") != client["redirect"]:
        return oauth_error("invalid_request", "redirect_uri mismatch")
    if request.args.get("response_type") != "code":
        target = client["redirect"] + "?" + urlencode(
            {"error": "unsupported_response_type", "state": request.args.get("state", "")})
        return redirect(target)
    user = unsign(request.cookies.get("login"))
    if not user:
        back = request.path + "?" + request.query_string
        return redirect(app.url_for("login_form", next=back))
    code = next_id("c")
    CODES[code] = {"user": user, "client": "webapp",
                   "scope": request.args.getlist("scope")[0].split()}
    query = urlencode({"code": code, "state": request.args.get("state", "")})
    return redirect(f"{client['redirect']}?{query}", status=303)


@app.route("/login", methods=["GET"], name="login_form")
async def login_form(request):
    nxt = request.args.get("next", "/")
    return html(f"<form method=post action=/login><input type=hidden name=next value='{nxt}'>"
                "<input name=user><input name=password type=password></form>")


@app.post("/login")
async def login(request):
    user = request.form.get("user")
    if USERS.get(user) != request.form.get("password"):
        return html("<p>bad login</p>", status=401)
    resp = redirect(request.form.get("next", "/"), status=303)
    resp.add_cookie("login", sign(user), httponly=True, samesite="Strict", path="/",
                    secure=False)
    return resp


@app.get("/callback")
async def callback(request):
    if "error" in request.args:
        return text(f"denied: {request.args.get('error')}", status=400)
    if request.args.get("state") != request.cookies.get("oauth_state"):
        return text("state mismatch", status=400)
    code = request.args.get("code")
    grant = CODES.get(code)
    if grant is None:
        return text("unknown code", status=400)
    resp = text(f"code {code} for {grant['user']}")
    resp.delete_cookie("oauth_state")
    resp.add_cookie("sid", sign(grant["user"]), httponly=True, max_age=3600)
    return resp


@app.post("/token")
async def token(request):
    if request.content_type.split(";")[0] != "application/x-www-form-urlencoded":
        return oauth_error("invalid_request", f"bad content type {request.content_type}")
    creds = request.credentials
    client_id = client_secret = None
    if creds is not None and creds.auth_type and creds.auth_type.lower() == "basic":
        client_id, client_secret = creds.username, creds.password
    else:
        client_id = request.form.get("client_id")
        client_secret = request.form.get("client_secret")
    client = CLIENTS.get(client_id)
    if client is None or client["secret"] != client_secret:
        resp = oauth_error("invalid_client", "client authentication failed", status=401)
        resp.headers["WWW-Authenticate"] = 'Basic realm="token"'
        return resp
    grant_type = request.form.get("grant_type")
    if grant_type == "authorization_code":
        grant = CODES.pop(request.form.get("code", ""), None)
        if grant is None:
            return oauth_error("invalid_grant", "code unknown or used")
        access = next_id("at")
        refresh = next_id("rt")
        TOKENS[access] = {"user": grant["user"], "scope": grant["scope"]}
        TOKENS[refresh] = {"user": grant["user"], "scope": grant["scope"], "refresh": True}
        resp = json({"access_token": access, "token_type": "Bearer", "expires_in": 3600,
                     "refresh_token": refresh, "scope": " ".join(grant["scope"])})
    elif grant_type == "refresh_token":
        old = TOKENS.get(request.form.get("refresh_token", ""))
        if not old or not old.get("refresh"):
            return oauth_error("invalid_grant", "bad refresh token")
        access = next_id("at")
        TOKENS[access] = {"user": old["user"], "scope": old["scope"]}
        resp = json({"access_token": access, "token_type": "Bearer", "expires_in": 3600})
    else:
        return oauth_error("unsupported_grant_type", f"{grant_type!r}")
    resp.headers["Cache-Control"] = "no-store"
    return resp


@app.get("/api/me")
async def me(request):
    tok = request.token
    info = TOKENS.get(tok or "")
    if info is None or info.get("refresh"):
        resp = json({"error": "invalid_token"}, status=401)
        resp.headers["WWW-Authenticate"] = 'Bearer error="invalid_token"'
        return resp
    return json({"user": info["user"], "scope": info["scope"], "token": tok})


@app.post("/logout")
async def logout(request):
    resp = redirect("/", status=302)
    resp.delete_cookie("sid")
    resp.delete_cookie("login", path="/")
    return resp


@app.get("/basic-echo")
async def basic_echo(request):
    c = request.credentials
    if c is None:
        return json(None)
    return json({"type": c.auth_type, "user": c.username, "password": c.password,
                 "token": c.token})


@app.get("/nonce")
async def nonce(request):
    return json({"n": len(secrets.token_hex(8)), "b64": base64.b64encode(b"ana:x").decode()})
