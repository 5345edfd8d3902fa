"""Small API idioms seen across tutorials: json(..., default=str) for datetimes and
dumps=partial(json.dumps, indent=2), HTTPResponse built by hand, raw(), an object with
__html__, pagination from request.args with defaults, get_args(keep_blank_values=True),
a REQUEST_MAX_SIZE upload limit (pattern origin:
https://git.zi.fi/Vasanko/sanic/src/commit/df2369280246b98b06d4f7544b4c295867919453/docs/sanic/response.md ,
https://tessl.io/registry/tessl/pypi-sanic/files/docs/request-response.md ,
https://github.lovairy.cn/felciano/sanic/blob/master/docs/request_data.md )."""

import datetime
import decimal
import json as stdjson
import uuid
from functools import partial

from sanic import HTTPResponse, Sanic
from sanic.response import html, json, raw

app = Sanic("TutApiMisc")
app.config.REQUEST_MAX_SIZE = 2048
ITEMS = list(range(1, 24))


class Card:
    def __init__(self, title):
        self.title = title

    def __html__(self):
        return f"<div class=card>{self.title}</div>"


@app.get("/when")
async def when(request):
    stamp = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.timezone.utc)
    return json(
        {
            "at": stamp,
            "d": datetime.date(2024, 1, 2),
            "id": uuid.UUID(int=7),
            "price": decimal.Decimal("1.50"),
        },
        default=str,
    )


@app.get("/pretty")
async def pretty(request):
    return json({"b": 1, "a": [1, 2]}, dumps=partial(stdjson.dumps, indent=2, sort_keys=True))


@app.get("/unicode")
async def unicode(request):
    return json({"name": "Zoë ✓", "esc": "</script>"}, ensure_ascii=False)


@app.get("/manual")
async def manual(request):
    return HTTPResponse(
        body='{"ok":1}', status=202, headers={"x-a": "b"}, content_type="application/vnd.api+json"
    )


@app.get("/raw")
async def raw_bytes(request):
    return raw(b"\x00\x01binary", content_type="application/x-thing")


@app.get("/card")
async def card(request):
    return html(Card("hello"))


@app.get("/items")
async def items(request):
    page = int(request.args.get("page", 1))
    per = min(int(request.args.get("per_page", 10)), 50)
    chunk = ITEMS[(page - 1) * per : page * per]
    return json(
        {
            "page": page,
            "items": chunk,
            "total": len(ITEMS),
            "next": page + 1 if page * per < len(ITEMS) else None,
        }
    )


@app.get("/blanks")
async def blanks(request):
    return json(
        {
            "args": request.get_args(keep_blank_values=True),
            "query_args": request.get_query_args(keep_blank_values=True),
            "default": request.args,
        }
    )


@app.post("/upload")
async def upload(request):
    return json({"size": len(request.body)})
