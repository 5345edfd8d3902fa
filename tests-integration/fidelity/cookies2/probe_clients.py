"""Cookies and headers through sanic_testing's test_client and asgi_client: run under real
Sanic and under Hurtle, diff the output.

    /tmp/st-ref/bin/python probe_clients.py > sanic.txt
    .venv/bin/python probe_clients.py > hurtle.txt; diff sanic.txt hurtle.txt
"""

from __future__ import annotations

import logging
from datetime import datetime

from sanic import Sanic
from sanic.response import json, text

logging.disable(logging.CRITICAL)

app = Sanic("Cookies2Clients")


@app.get("/echo")
async def echo(request):
    return json(
        {
            "cookies": dict(request.cookies),
            "get_a": request.cookies.get("a"),
            "raw": request.headers.getall("cookie", []),
        }
    )


@app.get("/set")
async def set_(request):
    r = text("ok")
    r.add_cookie("a", "1")
    r.add_cookie("b", "x y", httponly=True, max_age=60, secure=False)
    r.add_cookie("c", "3", expires=datetime(2030, 1, 2, 3, 4, 5), samesite="strict")
    r.add_cookie("d", "4", host_prefix=True, partitioned=True)
    r.delete_cookie("e")
    r.headers.add("x-multi", "1")
    r.headers.add("X-Multi", "2")
    return r


@app.get("/none")
async def none_value(request):
    r = text("ok")
    r.add_cookie("n", None)
    return r


@app.get("/mw")
async def mw(request):
    return text("ok")


@app.on_response
async def add_in_middleware(request, response):
    if request.path == "/mw":
        response.add_cookie("mw", "1")
        response.headers["x-mw"] = "yes"


def report(label, request, response):
    print(f"{label}: status {response.status}")
    print(f"  set-cookie: {response.headers.get_list('set-cookie')}")
    print(f"  x-multi: {response.headers.get_list('x-multi')}")
    print(f"  x-mw: {response.headers.get('x-mw')}")
    print(f"  client cookies: {sorted(response.cookies.items())}")
    if response.headers.get("content-type") == "application/json":
        print(f"  body: {response.json}")


def main():
    for client_name in ("test_client", "asgi_client"):
        client = getattr(app, client_name)
        run = client.get
        if client_name == "asgi_client":
            import asyncio

            def run(*a, _g=client.get, **kw):
                return asyncio.run(_g(*a, **kw))

        for label, kwargs in (
            ("echo plain", {"cookies": {"a": "1", "b": "2"}}),
            ("echo header", {"headers": {"Cookie": "a=1; a=2; __Host-a=h"}}),
            ("echo quoted", {"headers": {"Cookie": 'a="x\\054y"; b=""'}}),
            ("echo space value", {"cookies": {"a": "x y"}}),
        ):
            request, response = run("/echo", **kwargs)
            report(f"{client_name} {label}", request, response)
        for path in ("/set", "/none", "/mw"):
            request, response = run(path)
            report(f"{client_name} {path}", request, response)


if __name__ == "__main__":
    main()
