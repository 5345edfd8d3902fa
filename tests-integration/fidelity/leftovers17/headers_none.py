"""Probe: headers_none_served.py's app under the ASGI test client (no head bytes there).

python headers_none.py -- run with each interpreter; prints each case's properties."""

import asyncio

from headers_none_served import app


async def main():
    for value in ("none", "dict", "str"):
        _, response = await app.asgi_client.get(f"/?to={value}", headers={"content-type": "application/json"})
        print(f"== {value} {response.status}")
        print(response.text)


asyncio.run(main())
