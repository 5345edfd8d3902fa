"""HTML error pages: the parts users see (title, heading, message), not the markup."""

import asyncio
import html
import re

from _probe import new_app

import sanic.exceptions as E

app = new_app("htmlerr")
KINDS = {
    "notfound": lambda: E.NotFound("no <thing>"),
    "bad": lambda: E.BadRequest("bad & worse"),
    "server": lambda: E.ServerError("srv"),
    "value": lambda: ValueError("hidden details"),
    "ctx": lambda: E.SanicException("with ctx", status_code=400, context={"field": "x<y"}),
    "teapot": lambda: E.SanicException("tea", status_code=418),
}


@app.get("/<kind>", error_format="html")
async def h(request, kind):
    raise KINDS[kind]()


def text_of(fragment):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


async def go(path):
    _, r = await app.asgi_client.get(path)
    return r


for kind in list(KINDS) + ["missing/x"]:
    r = asyncio.run(go(f"/{kind}"))
    body = r.text
    title = re.search(r"<title>(.*?)</title>", body, re.S)
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    print(f"{kind}: {r.status} {r.headers.get('content-type')}")
    print(f"   title: {text_of(title.group(1)) if title else None}")
    print(f"   h1: {text_of(h1.group(1)) if h1 else None}")
    for needle in [
        "no <thing>",
        "no &lt;thing",
        "bad &amp; worse",
        "hidden details",
        "x&lt;y",
        "field",
        "Requested URL /missing/x not found",
        "srv",
    ]:
        if needle in body:
            print(f"   contains {needle!r}")
