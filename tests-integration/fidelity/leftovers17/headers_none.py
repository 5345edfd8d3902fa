"""Probe: an app sets request.headers = None (or another non-Header value), then reads
request properties that depend on the headers.

python headers_none.py -- run with each interpreter; prints each property's value or error."""

import asyncio
import os

from sanic import Sanic
from sanic.response import text

os.environ.setdefault("SANIC_NO_UPDATE", "1")
app = Sanic("headersnone")
PROPS = ("raw_headers", "content_type", "host", "cookies", "token", "id", "accept", "url",
         "server_name", "scheme", "forwarded", "remote_addr", "is_cacheable", "json", "form",
         "args", "ip", "port", "credentials", "server_port", "protocol", "headers")


@app.get("/<value>")
async def handler(request, value):
    request.headers = {"none": None, "dict": {"host": "y"}, "str": "x"}[value]
    out = []
    for name in PROPS:
        try:
            out.append(f"{name}={getattr(request, name)!r}"[:90])
        except Exception as error:
            out.append(f"{name}: {type(error).__name__}: {error}"[:120])
    return text("\n".join(out))


async def main():
    for value in ("none", "dict", "str"):
        _, response = await app.asgi_client.get(f"/{value}", headers={"content-type": "application/json"})
        print(f"== {value} {response.status}")
        print(response.text)


asyncio.run(main())
