"""A URL shortener with typed routes (written for this round): codes matched by a regex
parameter (``<code:[A-Za-z0-9]{4,8}>``), a ``<slug:slug>`` alias, ``<token:uuid>`` admin
links, ``<day:ymd>`` stats by date, ``<name:ext>`` and ``<name:ext=png|svg>`` badge
files, ``<n:float>`` and ``<path:path>``; ``redirect()`` with 301/302/307/308 to absolute
and relative targets (non-ASCII and query-carrying ones), ``request.url``,
``request.query_args``, ``request.match_info``, a HEAD of a redirect, ``url_for`` with a
regex parameter, and a POST that creates codes checked against the same regex."""

import re
import uuid

from sanic import Sanic
from sanic.exceptions import BadRequest, NotFound
from sanic.response import json, redirect, text

app = Sanic("shortener")
CODES = {"abcd": "https://example.com/a", "Zx9Q12": "/local/page?x=1&y=2",
         "uni1": "https://example.com/caf\u00e9?q=\u00fc", "temp": "https://t.example/t"}
ALIASES = {"docs-home": "abcd"}
ADMIN = uuid.UUID("12345678-1234-5678-1234-567812345678")
HITS = {}
CODE_RE = re.compile(r"^[A-Za-z0-9]{4,8}$")


@app.get("/<code:[A-Za-z0-9]{4,8}>")
async def follow(request, code):
    target = CODES.get(code)
    if target is None:
        raise NotFound(f"unknown code {code}")
    HITS[code] = HITS.get(code, 0) + 1
    status = 307 if code == "temp" else 301
    if request.args.get("keep") is not None and request.query_string:
        sep = "&" if "?" in target else "?"
        target = f"{target}{sep}{request.query_string}"
    return redirect(target, status=status, headers={"Cache-Control": "max-age=60"})


@app.get("/s/<slug:slug>")
async def alias(request, slug):
    code = ALIASES.get(slug)
    if code is None:
        return text(f"no alias {slug}", status=404)
    return redirect(request.app.url_for("follow", code=code), status=308)


@app.get("/admin/<token:uuid>")
async def admin(request, token):
    if token != ADMIN:
        return json({"error": "bad token", "type": type(token).__name__}, status=403)
    return json({"codes": sorted(CODES), "match": {k: str(v) for k, v in request.match_info.items()}})


@app.get("/stats/<day:ymd>")
async def stats(request, day):
    return json({"day": day.isoformat(), "type": type(day).__name__, "hits": HITS})


@app.get("/badge/<name:ext>")
async def badge_any(request, name, ext):
    return json({"name": name, "ext": ext, "route": "any"})


@app.get("/img/<name:ext=png|svg>")
async def badge_img(request, name, ext):
    return json({"name": name, "ext": ext, "route": "img"})


@app.get("/ratio/<n:float>")
async def ratio(request, n):
    return json({"n": n, "type": type(n).__name__})


@app.get("/go/<rest:path>")
async def go(request, rest):
    return redirect(f"/{rest}", status=302)


@app.get("/info")
async def info(request):
    return json({"url": request.url, "query_args": request.query_args,
                 "args": {k: v for k, v in request.args.items()}, "path": request.path,
                 "link": request.app.url_for("follow", code="abcd", utm="x y")})


@app.post("/codes")
async def create(request):
    body = request.json or {}
    code, url = body.get("code", ""), body.get("url", "")
    if not CODE_RE.match(code):
        raise BadRequest(f"code must match {CODE_RE.pattern}")
    if not url.startswith(("http://", "https://", "/")):
        raise BadRequest("url must be absolute or start with /")
    if code in CODES:
        return json({"error": "taken"}, status=409)
    CODES[code] = url
    return json({"code": code, "short": request.app.url_for("follow", code=code,
                                                          _external=True, _server="sho.rt")},
                status=201)
