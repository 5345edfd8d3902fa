"""A sanic-jwt app (its README example, grown a little) driven through app.test_client;
prints one line per step: status and body."""

from datetime import UTC, datetime, timedelta

from freezegun import freeze_time
from sanic_jwt import Initialize, exceptions, inject_user, protected

from sanic import Sanic
from sanic.response import json


class User:
    def __init__(self, id, username, password):
        self.user_id, self.username, self.password = id, username, password

    def to_dict(self):
        return {"user_id": self.user_id, "username": self.username}


users = [User(1, "user1", "abcxyz")]


async def authenticate(request, *args, **kwargs):
    username = request.json.get("username")
    password = request.json.get("password")
    user = next((u for u in users if u.username == username), None)
    if user is None or password != user.password:
        raise exceptions.AuthenticationFailed("Bad credentials.")
    return user


async def retrieve_user(request, payload, *args, **kwargs):
    return users[0] if payload else None


app = Sanic("jwtapp")
Initialize(
    app,
    authenticate=authenticate,
    retrieve_user=retrieve_user,
    secret="a-test-secret-that-is-32-bytes-long",
)


@app.route("/hello")
async def hello(request):
    return json({"hello": "world"})


@app.route("/protected")
@protected()
async def prot(request):
    return json({"protected": True})


@app.route("/me")
@inject_user()
@protected()
async def me(request, user):
    return json({"me": user.to_dict()})


_, r = app.test_client.post("/auth", json={"username": "user1", "password": "bad"})
print("bad auth", r.status, r.json)
_, r = app.test_client.post("/auth", json={"username": "user1", "password": "abcxyz"})
print("auth", r.status, sorted(r.json))
token = r.json["access_token"]
_, r = app.test_client.get("/protected")
print("no token", r.status, r.json)
_, r = app.test_client.get("/protected", headers={"Authorization": f"Bearer {token}"})
print("token", r.status, r.json)
_, r = app.test_client.get("/me", headers={"Authorization": f"Bearer {token}"})
print("me", r.status, r.json)
_, r = app.test_client.get("/auth/me", headers={"Authorization": f"Bearer {token}"})
print("auth/me", r.status, r.json)
_, r = app.test_client.get("/auth/verify", headers={"Authorization": f"Bearer {token}"})
print("verify", r.status, r.json)

# A second app set up after those requests (sanic-jwt reads its settings through the thread's
# event loop then), with refresh tokens; the refresh runs with the clock frozen 5 hours on,
# past the access token's expiry, as a user's freezegun test would.
refresh_tokens = {}


async def store_refresh_token(user_id, refresh_token, *args, **kwargs):
    refresh_tokens[user_id] = refresh_token


async def retrieve_refresh_token(user_id, *args, **kwargs):
    return refresh_tokens.get(user_id)


app2 = Sanic("jwtapp2")
jwt2 = Initialize(
    app2,
    authenticate=authenticate,
    retrieve_user=retrieve_user,
    refresh_token_enabled=True,
    store_refresh_token=store_refresh_token,
    retrieve_refresh_token=retrieve_refresh_token,
    secret="another-test-secret-that-is-32-bytes",
)
print("second app", jwt2.config.access_token_name(), jwt2.config.refresh_token_name())
_, r = app2.test_client.post("/auth", json={"username": "user1", "password": "abcxyz"})
print("auth2", r.status, sorted(r.json))
access, refresh = r.json["access_token"], r.json["refresh_token"]
with freeze_time(datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=5)):
    _, r = app2.test_client.post(
        "/auth/refresh",
        headers={"Authorization": f"Bearer {access}"},
        json={"refresh_token": refresh},
    )
print("refresh later", r.status, sorted(r.json))
