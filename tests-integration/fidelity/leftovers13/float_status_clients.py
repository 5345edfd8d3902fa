import asyncio
import sys

sys.path.insert(0, __import__("os").path.dirname(__file__))
from http import HTTPStatus

from float_status_app import app

from sanic import text


@app.get("/enum")
async def en(r): return text("x", status=HTTPStatus.CREATED)
P = ["/t", "/h", "/j", "/e", "/r", "/st", "/f", "/enum", "/t"]
for p in P:
    _, r = app.test_client.get(p)
    print(p, r.status, r.text[:30].replace("\n"," "))
async def main():
    for p in P:
        _, a = await app.asgi_client.get(p)
        print("asgi", p, a.status, a.text[:30].replace("\n", " "))
asyncio.run(main())
