"""Session flow of app_sessions through the test clients' cookie handling."""

import app_sessions
from clients import summary


def make_app():
    app_sessions.STORE.clear()
    return app_sessions.app


def check_login_flow(app):
    _, r = app.test_client.post("/login", data={"user": "ann"}, follow_redirects=False)
    out = [summary(r, "location", "set-cookie")]
    sid = r.cookies.get("session")
    out.append(bool(sid))
    _, r = app.test_client.get("/", cookies={"session": sid})
    out.append(r.json)
    _, r = app.test_client.get("/", cookies={"session": sid})
    out.append(r.json)
    _, r = app.test_client.post("/logout", cookies={"session": sid}, follow_redirects=False)
    out.append(summary(r, "location", "set-cookie"))
    return [
        o
        if not isinstance(o, dict)
        else {k: (v.replace(sid, "SID") if isinstance(v, str) and sid else v) for k, v in o.items()}
        for o in out
    ]


def check_login_followed(app):
    req, r = app.test_client.post("/login", data={"user": "bo"})
    return {"status": r.status, "json": r.json, "path": req.path, "method": req.method}


def check_cookies_param(app):
    req, r = app.test_client.get("/cookies", cookies={"theme": "dark", "x": "1"})
    return [r.json["get"], r.json["keys"], req.cookies.get("x")]


async def check_zz_asgi_cookies(app):
    req, r = await app.asgi_client.get(
        "/cookies", cookies={"theme": "dark"}, headers={"cookie": "theme=light"}
    )
    return [r.json, sorted(req.cookies.keys())]


async def check_zz_asgi_login(app):
    _, r = await app.asgi_client.post("/login", data={"user": "cy"}, follow_redirects=False)
    return [
        r.status,
        r.headers.get("location"),
        "session" in r.cookies,
        r.cookies.get("session") is not None,
    ]
