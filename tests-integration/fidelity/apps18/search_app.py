"""A paginated search API over a fixed catalogue (written for this round), all about the
query string: ``q`` (plus signs, ``%20``, UTF-8 and Latin-1 escapes, an invalid escape),
repeated ``tag`` filters (``getlist``, comma lists), ``page``/``per_page`` checked
(negative, zero, huge, not a number, a float), ``sort`` with ``-`` for descending, blank
values kept or dropped (``get_args(keep_blank_values=True)``), ``request.query_args`` order,
``get_query_args(encoding="latin-1")``, a ``next`` link built by ``url_for`` with list
values and ``_anchor``, and ``request.args`` of a target with ``;`` and a fragment."""

from sanic import Sanic
from sanic.exceptions import BadRequest
from sanic.response import json

app = Sanic("search")
BOOKS = [
    {"id": i, "title": t, "tags": tags, "year": y}
    for i, (t, tags, y) in enumerate([
        ("Dune", ["scifi", "classic"], 1965), ("Emma", ["romance", "classic"], 1815),
        ("Neuromancer", ["scifi", "cyberpunk"], 1984), ("Caf\u00e9 Society", ["essay"], 2001),
        ("Snow Crash", ["scifi", "cyberpunk", "satire"], 1992), ("Persuasion", ["romance"], 1817),
        ("Hyperion", ["scifi"], 1989), ("M\u00fcnchen 1972", ["history"], 2010),
    ], start=1)
]


def _int(request, name, default, lo, hi):
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name} must be an integer, not {raw!r}") from None
    if not lo <= value <= hi:
        raise BadRequest(f"{name} must be within {lo}..{hi}")
    return value


@app.get("/search")
async def search(request):
    q = request.args.get("q", "").casefold()
    tags = [t for v in request.args.getlist("tag", []) for t in v.split(",") if t]
    page = _int(request, "page", 1, 1, 10_000)
    per_page = _int(request, "per_page", 3, 1, 50)
    sort = request.args.get("sort", "id")
    key = sort.lstrip("-")
    if key not in ("id", "title", "year"):
        raise BadRequest(f"cannot sort by {sort}")
    found = [b for b in BOOKS if q in b["title"].casefold() and all(t in b["tags"] for t in tags)]
    found.sort(key=lambda b: b[key], reverse=sort.startswith("-"))
    start = (page - 1) * per_page
    items = found[start:start + per_page]
    more = start + per_page < len(found)
    nxt = request.app.url_for("search.search", q=request.args.get("q", ""), tag=tags,
                              page=page + 1, per_page=per_page, _anchor="results") if more else None
    return json({"q": q, "tags": tags, "total": len(found), "page": page,
                 "ids": [b["id"] for b in items], "next": nxt})


@app.get("/debug")
async def debug(request):
    return json({
        "args": request.args,
        "blank": request.get_args(keep_blank_values=True),
        "query_args": request.query_args,
        "latin1": request.get_query_args(encoding="latin-1"),
        "qs": request.query_string,
    })
