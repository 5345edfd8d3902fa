from typing import reveal_type

from sanic import Request


def helper() -> str:
    req = Request.get_current()
    reveal_type(req)
    return req.path
