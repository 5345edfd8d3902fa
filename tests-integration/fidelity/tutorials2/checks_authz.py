"""app_authz's protected routes as a suite tests them with headers, over both clients."""

import app_authz
from clients import summary


def make_app():
    return app_authz.app


def check_no_token(app):
    _, r = app.test_client.get("/me")
    return summary(r, "www-authenticate", "content-type")


def check_user(app):
    req, r = app.test_client.get("/me", headers={"Authorization": "Token t-user"})
    return [r.json, req.token, req.headers.get("authorization")]


def check_forbidden_json(app):
    _, r = app.test_client.get(
        "/admin", headers={"Authorization": "Token t-user", "Accept": "application/json"}
    )
    return [r.status, r.json]


def check_view_delete(app):
    _, r = app.test_client.delete("/profile", headers={"Authorization": "Token t-admin"})
    return summary(r)


async def check_zz_asgi_bp(app):
    _, r1 = await app.asgi_client.get("/bp/stats")
    _, r2 = await app.asgi_client.get("/bp/stats", headers={"authorization": "Token t-user"})
    return [summary(r1), summary(r2)]


async def check_zz_asgi_unauthorized(app):
    _, r = await app.asgi_client.get("/me", headers={"Authorization": "Token nope"})
    return summary(r, "www-authenticate")
