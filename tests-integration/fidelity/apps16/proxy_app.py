"""An app behind nginx and a CDN (written for this round): ``FORWARDED_SECRET`` for the
``Forwarded`` field, ``PROXIES_COUNT`` and ``REAL_IP_HEADER`` for the ``X-Forwarded-*``
ones, ``SERVER_NAME`` for absolute links (``url_for(..., _external=True)``,
``request.url_for``, ``_scheme``, ``_server``, ``_anchor``), redirects built from
``request.scheme``/``request.host``, an HTTPS-only route refusing plain HTTP by
``request.scheme``, and an access check by ``request.remote_addr``."""

from sanic import Blueprint, Sanic
from sanic.exceptions import Forbidden
from sanic.response import json, redirect

app = Sanic("edge")
app.config.FORWARDED_SECRET = "mysecret"
app.config.PROXIES_COUNT = 1
app.config.REAL_IP_HEADER = "x-real-ip"
app.config.SERVER_NAME = "www.example.com"
ALLOWED = {"10.0.0.7", "2001:db8::1"}
docs = Blueprint("docs", url_prefix="/docs")


def where(request):
    return {
        "ip": request.ip,
        "remote_addr": request.remote_addr,
        "scheme": request.scheme,
        "host": request.host,
        "server_name": request.server_name,
        "server_port": request.server_port,
        "url": request.url,
        "forwarded": dict(request.forwarded),
    }


@app.get("/whoami")
async def whoami(request):
    return json(where(request))


@app.get("/links")
async def links(request):
    return json({
        "rel": request.app.url_for("docs.page", slug="intro"),
        "ext": request.app.url_for("docs.page", slug="intro", _external=True),
        "https": request.app.url_for("docs.page", slug="a b", _external=True, _scheme="https"),
        "server": request.app.url_for("whoami", _external=True, _server="api.example.com:8443"),
        "anchor": request.app.url_for("docs.page", slug="x", _anchor="top", q=["1", "2"]),
        "req": request.url_for("docs.page", slug="intro"),
    })


@docs.get("/<slug>")
async def page(request, slug):
    return json({"slug": slug, "self": request.url_for("docs.page", slug=slug)})


@app.get("/secure-only")
async def secure_only(request):
    if request.scheme != "https":
        url = f"https://{request.host}{request.path}"
        if request.query_string:
            url += f"?{request.query_string}"
        return redirect(url, status=308)
    return json({"ok": True, "host": request.host})


@app.get("/admin")
async def admin(request):
    if request.remote_addr not in ALLOWED:
        raise Forbidden(f"not from {request.remote_addr or request.ip}")
    return json({"admin": True, "via": request.forwarded.get("by")})


@app.get("/to-docs")
async def to_docs(request):
    return redirect(request.url_for("docs.page", slug="start"))


app.blueprint(docs)
