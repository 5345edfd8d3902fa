from typing import reveal_type

from sanic import Request
from sanic.cookies import CookieJar
from sanic.response import text


async def h(request: Request) -> None:
    reveal_type(request.cookies.get("a"))
    reveal_type(request.cookies.getlist("a"))
    reveal_type(request.cookies.get("a", "d"))
    r = text("")
    reveal_type(r.cookies)
    ck = r.add_cookie("x", "y", domain="example.com", partitioned=True, secure=True)
    reveal_type(ck)
