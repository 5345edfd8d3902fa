"""sanic-diff app: a request middleware rewrites request.headers; what the handler's
derived properties (host, url, scheme, content type, form/json, cookies, accept,
forwarded, token, id) show afterwards (headers3 round)."""
from sanic import Sanic
from sanic.response import json

app = Sanic("MwMut3")
app.config.FORWARDED_SECRET = "s"
app.config.REAL_IP_HEADER = "x-real-ip"


@app.on_request
async def rewrite(request):
    op = request.path.rsplit("/", 1)[-1]
    h = request.headers
    if op == "host":
        h["host"] = "other.example:8080"
    elif op == "ctype":
        h["content-type"] = "application/json"
    elif op == "ctype_form":
        h["content-type"] = "application/x-www-form-urlencoded"
    elif op == "cookie":
        h["cookie"] = "b=2"
    elif op == "accept":
        h["accept"] = "application/json"
    elif op == "fwd":
        h["forwarded"] = "for=9.9.9.9;proto=https;host=fwd.example;secret=s"
    elif op == "realip":
        h["x-real-ip"] = "8.8.8.8"
    elif op == "auth":
        h["authorization"] = "Bearer tok2"
    elif op == "reqid":
        h["x-request-id"] = "id-2"
    elif op == "replace":
        request.headers = type(h)({"host": "rep.example", "x-a": "1"})


@app.route("/m/<op>", methods=["GET", "POST"])
async def handler(request, op):
    def t(f):
        try:
            return repr(f())
        except Exception as e:
            return f"{type(e).__name__}: {e}"
    return json({
        "host": t(lambda: request.host), "server_name": t(lambda: request.server_name),
        "server_port": t(lambda: request.server_port), "url": t(lambda: request.url),
        "scheme": t(lambda: request.scheme), "url_for": t(lambda: request.url_for("handler", op="x")),
        "ct": t(lambda: request.content_type), "json": t(lambda: request.json),
        "form": t(lambda: dict(request.form)), "cookies": t(lambda: dict(request.cookies)),
        "accept": t(lambda: [str(a) for a in request.accept]), "remote": t(lambda: request.remote_addr),
        "forwarded": t(lambda: dict(request.forwarded)), "token": t(lambda: request.token),
        "id": t(lambda: str(request.id)), "raw": t(lambda: request.raw_headers),
        "x-a": t(lambda: request.headers.get("x-a")),
    })
