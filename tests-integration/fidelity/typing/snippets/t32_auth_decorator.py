from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any, reveal_type

from sanic import Request, Sanic
from sanic.response import HTTPResponse, json, text

Handler = Callable[..., Awaitable[HTTPResponse]]
def protected(wrapped: Handler) -> Handler:
    @wraps(wrapped)
    async def decorated(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        if request.token != "secret":
            return text("no", status=401)
        return await wrapped(request, *args, **kwargs)
    return decorated
app = Sanic("T32")
@app.get("/secret")
@protected
async def secret(request: Request) -> HTTPResponse:
    return json({"ok": True})
reveal_type(secret)
