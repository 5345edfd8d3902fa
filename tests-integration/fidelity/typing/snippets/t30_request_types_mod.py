from typing import reveal_type

from sanic.request import File, RequestParameters
from sanic.request.form import parse_multipart_form
from sanic.request.types import Request


async def h(request: Request) -> None:
    f = request.files.get("up") if request.files else None
    if f is not None:
        reveal_type(f)
        reveal_type(f.name)
        reveal_type(f.body)
        reveal_type(f.type)
p = RequestParameters({"a": ["1"]})
reveal_type(p.get("a"))
reveal_type(parse_multipart_form(b"", b"x"))
