"""CR/LF in response fields under ASGI (what the app hands the ASGI server), both
interpreters: the headers of http.response.start, or what happens instead."""
import asyncio

from sanic import Sanic
from sanic.response import text

app = Sanic("AsgiInject3")
CASES = {
    "value": lambda: text("b", headers={"x-a": "a\r\nx-evil: 1"}),
    "name": lambda: text("b", headers={"x-a\r\nx-evil": "1"}),
    "ct": lambda: text("b", content_type="t/p\r\nx-evil: 1"),
    "nul": lambda: text("b", headers={"x-a": "a\x00b"}),
    "utf8": lambda: text("b", headers={"x-a": "\u20ac"}),
    "int": lambda: text("b", headers={"x-a": 1}),
    "cl_small": lambda: text("hello", headers={"content-length": "2"}),
}


@app.get("/<case>")
async def handler(request, case):
    return CASES[case]()


async def main():
    inbox = asyncio.Queue()
    started = asyncio.Event()
    await inbox.put({"type": "lifespan.startup"})

    async def life_send(message):
        if message["type"].startswith("lifespan.startup"):
            started.set()

    life = asyncio.create_task(app({"type": "lifespan", "asgi": {"version": "3.0"}}, inbox.get, life_send))
    await asyncio.wait_for(started.wait(), 10)
    for case in CASES:
        sent = []

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message, sent=sent):
            sent.append(message)

        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": "GET", "scheme": "http", "path": f"/{case}",
                 "raw_path": f"/{case}".encode(), "query_string": b"", "root_path": "",
                 "headers": [(b"host", b"x")], "client": ("127.0.0.1", 1),
                 "server": ("127.0.0.1", 8000)}
        try:
            await app(scope, receive, send)
        except Exception as e:
            sent.append(f"raised {type(e).__name__}: {e}")
        for m in sent:
            if isinstance(m, dict) and m["type"] == "http.response.start":
                print(case, m["status"], sorted(m["headers"]))
            elif isinstance(m, dict):
                print(case, "body", m.get("body", b"")[:60])
            else:
                print(case, m)
    await inbox.put({"type": "lifespan.shutdown"})
    await asyncio.wait_for(life, 10)


asyncio.run(main())
