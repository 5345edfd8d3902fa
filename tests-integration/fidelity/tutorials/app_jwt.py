"""Hand-written bearer-token decorator with functools.wraps (pattern origin:
https://sanic-jwt.readthedocs.io/en/v1.1.4/pages/protected.html ; header tokens,
HTTPMethodView.decorators). HMAC token stands in for a JWT library."""

import hashlib
import hmac
from functools import wraps

from sanic import Sanic
from sanic.exceptions import Unauthorized
from sanic.response import json
from sanic.views import HTTPMethodView

app = Sanic("TutJwt")
app.config.SECRET = "s3cret"


def sign(user: str) -> str:
    mac = hmac.new(app.config.SECRET.encode(), user.encode(), hashlib.sha256).hexdigest()[:16]
    return f"{user}.{mac}"


def protected(wrapped):
    @wraps(wrapped)
    async def decorated(request, *args, **kwargs):
        auth = request.headers.get("authorization", "")
        if not auth.startswith("Bearer "):
            return json({"error": "missing token"}, status=401)
        user, _, mac = auth[7:].partition(".")
        if not hmac.compare_digest(sign(user), auth[7:]):
            raise Unauthorized("bad token", scheme="Bearer", realm="api")
        request.ctx.user = user
        return await wrapped(request, *args, **kwargs)

    return decorated


@app.post("/auth")
async def login(request):
    body = request.json or {}
    if body.get("password") != "pw":
        return json({"error": "bad credentials"}, status=401)
    return json({"access_token": sign(body.get("user", "anon"))})


@app.get("/protected")
@protected
async def secret(request):
    return json({"protected": True, "user": request.ctx.user})


class Me(HTTPMethodView):
    decorators = [protected]

    async def get(self, request):
        return json({"me": request.ctx.user, "token": request.token})


app.add_route(Me.as_view(), "/me")
