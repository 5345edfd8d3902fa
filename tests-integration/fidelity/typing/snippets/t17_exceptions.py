from typing import reveal_type

from sanic import Request, Sanic
from sanic.exceptions import (
    BadRequest,
    Forbidden,
    NotFound,
    SanicException,
    ServerError,
    Unauthorized,
)


class TeapotError(SanicException):
    status_code = 418
    message = "I am a teapot"
    quiet = True
def boom(request: Request) -> None:
    raise SanicException("bad", status_code=400, context={"f": 1}, extra={"g": 2}, quiet=True, headers={"x": "y"})
def nf() -> None:
    raise NotFound("missing")
def unauth() -> None:
    raise Unauthorized("auth", scheme="Bearer", realm="api")
def br() -> None:
    raise BadRequest(message="bad", context={"a": 1})
e = SanicException("x")
reveal_type(e.status_code)
reveal_type(e.message)
reveal_type(e.quiet)
reveal_type(e.context)
reveal_type(e.extra)
reveal_type(e.headers)
reveal_type(TeapotError.status_code)
reveal_type(Forbidden("x"))
reveal_type(ServerError("y"))
