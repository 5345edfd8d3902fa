"""Handlers returning no response, in debug mode and each error format, through the test
client (run under both interpreters and diff; addresses in reprs are masked)."""

import logging
import re
import warnings

from sanic import Sanic
from sanic.response import HTTPResponse

logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")

app = Sanic("nonresp")


class Thing:
    def __repr__(self):
        return "<Thing é>"


@app.get("/<kind>")
async def h(request, kind):
    async def coro():
        return None

    values = {
        "str": "hello", "dict": {"a": 1}, "none": None, "bytes": b"x", "int": 0,
        "list": [1], "class": HTTPResponse, "thing": Thing(), "true": True, "coro": None,
    }
    if kind == "coro":
        return coro()
    return values[kind]


@app.get("/sync/<kind>")
def s(request, kind):
    return None if kind == "none" else "x"


for fmt in ("text", "json", "html"):
    app.config.FALLBACK_ERROR_FORMAT = fmt
    for kind in ("str", "dict", "none", "bytes", "int", "list", "class", "thing", "true", "coro"):
        for debug in (False, True):
            _, r = app.test_client.get(f"/{kind}", debug=debug)
            body = re.sub(r"0x[0-9a-f]+", "0x", r.text)
            body = re.sub(r"(sanic|hurtle_http)\.response\.types", "M", body)
            if fmt == "html":
                m = re.search(r"<p>(.*?)</p>", body, re.S)
                body = m.group(1) if m else body[:200]
            print(fmt, kind, debug, r.status, r.content_type, body[:300].replace("\n", "|"))
    _, r = app.test_client.get("/sync/none")
    print(fmt, "sync none", r.status, r.text[:200].replace("\n", "|"))
