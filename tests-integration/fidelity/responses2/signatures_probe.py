"""Signatures of the response API (run under both interpreters and diff)."""

import inspect

from sanic import response
from sanic.response import BaseHTTPResponse, HTTPResponse, JSONResponse, ResponseStream

names = ["json", "text", "html", "raw", "empty", "redirect", "file", "file_stream", "validate_file"]
for n in names:
    print(n, inspect.signature(getattr(response, n)))
for cls in (BaseHTTPResponse, HTTPResponse, JSONResponse, ResponseStream):
    for n, v in sorted(vars(cls).items()):
        if n.startswith("__") and n != "__init__":
            continue
        if callable(v):
            try:
                print(cls.__name__, n, inspect.signature(v))
            except (TypeError, ValueError):
                print(cls.__name__, n, "?")
        else:
            print(cls.__name__, n, type(v).__name__)
for call in [
    lambda: JSONResponse([1]).append(),
    lambda: JSONResponse([1]).extend(),
    lambda: JSONResponse([1]).update(),
    lambda: JSONResponse([1]).set_body(),
    lambda: response.json(),
    lambda: response.text(),
    lambda: response.html(),
    lambda: response.redirect(),
    lambda: response.raw(),
    lambda: HTTPResponse(1, 2, 3, 4, 5),
    lambda: response.json({}, 200, None, "a/b", None, 6),
]:
    try:
        call()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)
