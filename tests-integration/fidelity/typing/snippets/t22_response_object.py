from typing import reveal_type

from sanic import Request
from sanic.response import HTTPResponse, text


async def h(request: Request) -> HTTPResponse:
    resp = text("x")
    resp.headers["x-a"] = "b"
    resp.status = 201
    reveal_type(resp.status)
    reveal_type(resp.body)
    reveal_type(resp.headers)
    reveal_type(resp.content_type)
    reveal_type(resp.cookies)
    resp.add_cookie("k", "v", httponly=True, samesite="Lax", max_age=10, secure=True, path="/")
    resp.delete_cookie("old")
    return resp
