from typing import reveal_type

from sanic.response import json
from sanic.response.types import BaseHTTPResponse, HTTPResponse, JSONResponse, ResponseStream

r: JSONResponse = json({"a": 1})
r.raw_body = {"b": 2}
r.set_body({"c": 3})
r.update({"d": 4})
reveal_type(r.raw_body)
lst = json([1])
lst.append(2)
lst.extend([3])
def f(x: BaseHTTPResponse) -> None: ...
f(HTTPResponse("x"))
