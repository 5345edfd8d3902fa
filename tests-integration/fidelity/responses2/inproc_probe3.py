"""Third in-process probe: odd return values from __html__/_repr_html_/dumps, str and bytes
subclasses (run under both interpreters and diff)."""

from sanic import response
from sanic.response import HTTPResponse, JSONResponse


class HB:
    def __html__(self):
        return b"<b>bytes</b>"


class HN:
    def _repr_html_(self):
        return None


class HI:
    def __html__(self):
        return 5


class SH(str):
    def __html__(self):
        return "<from __html__>"


class BS(bytes):
    pass


class RaisingHtml:
    def __html__(self):
        raise ValueError("no html")


class SS(str):
    pass


CASES = {
    "html bytes from __html__": lambda: response.html(HB()),
    "html None from _repr_html_": lambda: response.html(HN()),
    "html int from __html__": lambda: response.html(HI()),
    "html str subclass with __html__": lambda: response.html(SH("plain")),
    "html raising __html__": lambda: response.html(RaisingHtml()),
    "html bytes subclass": lambda: response.html(BS(b"x")),
    "html bytearray": lambda: response.html(bytearray(b"x")),
    "html memoryview": lambda: response.html(memoryview(b"x")),
    "text str subclass": lambda: response.text(SS("x")),
    "text bytes subclass": lambda: response.text(BS(b"x")),
    "raw memoryview": lambda: response.raw(memoryview(b"x")),
    "raw bytes subclass": lambda: response.raw(BS(b"x")),
    "json dumps str subclass": lambda: response.json({}, dumps=lambda o: SS("{}")),
    "json dumps bytearray": lambda: response.json({}, dumps=lambda o: bytearray(b"{}")),
    "jr set_body dumps bytes": lambda: (lambda r: (r.set_body([2], dumps=lambda o: b"B"), r.body)[1])(JSONResponse([1])),
    "HTTPResponse str subclass": lambda: HTTPResponse(SS("x")),
    "HTTPResponse bytes subclass": lambda: HTTPResponse(BS(b"x")),
    "empty body": lambda: response.empty().body,
    "redirect body": lambda: response.redirect("/").body,
    "json body type": lambda: type(response.json({}).body).__name__,
    "text body type": lambda: type(response.text("x").body).__name__,
    "html body type": lambda: type(response.html(SH("x")).body).__name__,
    "raw body type mv": lambda: type(response.raw(memoryview(b"x")).body).__name__,
}
for name, fn in CASES.items():
    try:
        r = fn()
        if isinstance(r, HTTPResponse):
            r = (type(r).__name__, r.status, r.body, r.content_type)
        print(name, "->", r)
    except Exception as e:
        print(name, "-> EXC", type(e).__name__, e)
