from typing import reveal_type

from sanic import Request
from sanic.errorpages import TextRenderer, exception_response
from sanic.exceptions import SanicException


def render(request: Request, e: Exception) -> None:
    r = exception_response(request, e, debug=False, fallback="auto", base=TextRenderer)
    reveal_type(r)
