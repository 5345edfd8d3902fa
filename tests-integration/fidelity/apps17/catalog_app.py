"""A paginated catalogue API with optimistic concurrency (written for this round): list
pages by ``?page=&per_page=`` with RFC 8288 ``Link`` headers and ``X-Total-Count``, query
filters through ``request.args.getlist`` and ``request.get_args(keep_blank_values=True)``,
a strong ``ETag`` per item computed from its JSON, ``If-None-Match`` answered by
``empty(status=304)`` carrying the ``ETag``, a conditional ``PUT``/``PATCH``/``DELETE``
with ``If-Match`` (412 when stale, 428 when missing, by raising ``SanicException`` with
``status_code=``), a weak ETag on the list, ``Last-Modified`` and ``If-Modified-Since``
parsed by hand, ``json(..., dumps=..., sort_keys=...)`` and a HEAD of a GET route."""

import hashlib
import json as stdjson
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime

from sanic import Sanic
from sanic.exceptions import BadRequest, NotFound, SanicException
from sanic.response import empty, json

app = Sanic("catalog")
app.config.FALLBACK_ERROR_FORMAT = "json"

ITEMS = {i: {"id": i, "name": f"item {i}", "tags": ["a"] if i % 2 else ["b"], "price": i * 1.5}
         for i in range(1, 24)}
STAMP = {i: datetime(2024, 1, 1 + i % 28, 12, 0, tzinfo=timezone.utc) for i in ITEMS}


class PreconditionFailed(SanicException):
    status_code = 412
    message = "resource changed"


class PreconditionRequired(SanicException):
    status_code = 428


def etag_of(obj, weak=False):
    digest = hashlib.md5(stdjson.dumps(obj, sort_keys=True).encode()).hexdigest()[:12]
    return f'W/"{digest}"' if weak else f'"{digest}"'


def int_arg(request, name, default, low, high):
    raw = request.args.get(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name} must be an integer, not {raw!r}") from None
    if not low <= value <= high:
        raise BadRequest(f"{name} out of range {low}..{high}")
    return value


def matches(header, tag):
    if header is None:
        return False
    if header.strip() == "*":
        return True
    tags = [t.strip() for t in header.split(",")]
    plain = tag.removeprefix("W/")
    return any(t.removeprefix("W/") == plain for t in tags)


@app.get("/items")
async def list_items(request):
    per_page = int_arg(request, "per_page", 5, 1, 50)
    page = int_arg(request, "page", 1, 1, 10_000)
    tags = request.args.getlist("tag", [])
    rows = [v for k, v in sorted(ITEMS.items()) if not tags or set(tags) & set(v["tags"])]
    q = request.get_args(keep_blank_values=True).get("q")
    if q is not None:
        rows = [r for r in rows if q in r["name"]]
    total = len(rows)
    last = max(1, -(-total // per_page))
    chunk = rows[(page - 1) * per_page: page * per_page]
    links = []
    base = request.app.url_for("list_items")
    if page < last:
        links.append(f'<{base}?page={page + 1}&per_page={per_page}>; rel="next"')
    if page > 1:
        links.append(f'<{base}?page={page - 1}&per_page={per_page}>; rel="prev"')
    links.append(f'<{base}?page={last}&per_page={per_page}>; rel="last"')
    tag = etag_of(chunk, weak=True)
    headers = {"Link": ", ".join(links), "X-Total-Count": str(total), "ETag": tag}
    if matches(request.headers.get("if-none-match"), tag):
        return empty(status=304, headers={"ETag": tag})
    return json({"page": page, "items": chunk}, headers=headers,
                dumps=stdjson.dumps, sort_keys=True, separators=(",", ":"))


def load(item_id):
    item = ITEMS.get(item_id)
    if item is None:
        raise NotFound(f"no item {item_id}")
    return item


@app.get("/items/<item_id:int>")
async def get_item(request, item_id):
    item = load(item_id)
    tag = etag_of(item)
    modified = STAMP[item_id]
    headers = {"ETag": tag, "Last-Modified": format_datetime(modified, usegmt=True),
               "Cache-Control": "private, max-age=0, must-revalidate"}
    if "if-none-match" in request.headers:
        if matches(request.headers["if-none-match"], tag):
            return empty(status=304, headers=headers)
    elif "if-modified-since" in request.headers:
        try:
            since = parsedate_to_datetime(request.headers["if-modified-since"])
        except (TypeError, ValueError):
            since = None
        if since is not None and modified <= since:
            return empty(status=304, headers=headers)
    return json(item, headers=headers)


def check_precondition(request, item):
    header = request.headers.get("if-match")
    if header is None:
        raise PreconditionRequired("send If-Match with the item's ETag")
    if not matches(header, etag_of(item)) or header.startswith("W/"):
        raise PreconditionFailed(extra={"current": etag_of(item)},
                                 headers={"ETag": etag_of(item)})


@app.put("/items/<item_id:int>")
async def put_item(request, item_id):
    item = load(item_id)
    check_precondition(request, item)
    body = request.json
    if not isinstance(body, dict) or set(body) - {"name", "tags", "price"}:
        raise BadRequest("body must be an object with name, tags, price")
    new = {"id": item_id, **body}
    ITEMS[item_id] = new
    STAMP[item_id] = datetime(2025, 6, 1, tzinfo=timezone.utc)
    return json(new, headers={"ETag": etag_of(new)})


@app.patch("/items/<item_id:int>")
async def patch_item(request, item_id):
    item = load(item_id)
    check_precondition(request, item)
    item = {**item, **(request.json or {}), "id": item_id}
    ITEMS[item_id] = item
    return json(item, status=200, headers={"ETag": etag_of(item)})


@app.delete("/items/<item_id:int>")
async def delete_item(request, item_id):
    item = load(item_id)
    check_precondition(request, item)
    del ITEMS[item_id]
    return empty()


@app.post("/items")
async def create_item(request):
    body = request.json
    if not isinstance(body, dict) or "name" not in body:
        raise BadRequest("name is required")
    new_id = max(ITEMS) + 1
    ITEMS[new_id] = {"id": new_id, "name": body["name"], "tags": body.get("tags", []),
                     "price": float(body.get("price", 0))}
    STAMP[new_id] = datetime(2025, 1, 1, tzinfo=timezone.utc)
    url = request.app.url_for("get_item", item_id=new_id)
    return json(ITEMS[new_id], status=201,
                headers={"Location": url, "ETag": etag_of(ITEMS[new_id])})
