"""Content negotiation and auth headers read in handlers (pattern origin: tutorials'
`if "application/json" in request.headers.get("accept", "")` checks turned into
`request.accept`, basic-auth tutorials using `request.credentials`, header helpers
`getall`/`getone`/`get(..., default)` in middleware): `request.accept.match(...)`, the
first accepted type, `request.credentials` for Basic and Bearer, `request.token`,
multi-valued headers, a missing header read with `[]`."""

from sanic import Sanic
from sanic.response import html, json, text

app = Sanic("TutNegotiate")


@app.get("/thing")
async def thing(request):
    m = request.accept.match("application/json", "text/html", "text/plain")
    data = {"name": "thing"}
    if m == "application/json":
        return json(data)
    if m == "text/html":
        return html(f"<b>{data['name']}</b>")
    if m == "text/plain":
        return text(data["name"])
    return text("not acceptable", status=406)


@app.get("/accept")
async def accept(request):
    acc = request.accept
    return json(
        {
            "list": [str(a) for a in acc],
            "first": str(acc[0]) if acc else None,
            "json_in": "application/json" in acc,
            "match": str(acc.match("application/json")),
            "match_wild": str(acc.match("*/*")),
        }
    )


@app.get("/creds")
async def creds(request):
    c = request.credentials
    if c is None:
        return json({"creds": None, "token": request.token})
    return json(
        {
            "auth_type": c.auth_type,
            "token": c.token,
            "username": c.username,
            "password": c.password,
            "req_token": request.token,
        }
    )


@app.get("/headers")
async def headers(request):
    h = request.headers
    return json(
        {
            "getall": h.getall("x-multi", []),
            "getone": h.getone("x-multi", None),
            "get": h.get("x-multi"),
            "default": h.get("x-missing", "dflt"),
            "items": sorted(k for k in h.keys() if k.startswith("x-")),
            "in": "X-MULTI" in h,
        }
    )


@app.get("/need")
async def need(request):
    return text(request.headers["x-needed"])
