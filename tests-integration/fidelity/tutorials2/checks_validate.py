"""app_validate's errors as a test suite reads them (`response.json`, `response.status`,
`request.json` of the returned request), over test_client and asgi_client."""

import app_validate


def make_app():
    return app_validate.app


def check_valid(app):
    req, r = app.test_client.post("/users", json={"name": "a", "age": 1})
    return [r.status, r.json, req.json, req.headers.get("content-type")]


def check_unknown_field(app):
    _, r = app.test_client.post("/users", json={"name": "a", "age": 1, "z": 0})
    return [r.status, r.json]


def check_not_json(app):
    _, r = app.test_client.post(
        "/users", data="not json", headers={"content-type": "application/json"}
    )
    return [r.status, r.json]


def check_query(app):
    req, r = app.test_client.get("/users", params={"page": 2, "id": [1, 2]})
    return [r.json, req.query_string, dict(req.args)]


def check_search_blank(app):
    _, r = app.test_client.get("/search", params={"q": " "})
    return [r.status, r.json]


async def check_zz_asgi_unknown_field(app):
    req, r = await app.asgi_client.post("/users", json={"name": "a", "age": 1, "z": 0})
    return [r.status, r.json, req.json]


async def check_zz_asgi_query(app):
    req, r = await app.asgi_client.get("/search?q=x&empty=&x=1&x=2")
    return [r.json, req.query_string, req.url]
