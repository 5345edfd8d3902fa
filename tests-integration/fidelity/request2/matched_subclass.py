"""Matched.parse on a subclass (classmethod in Sanic), diff the output."""
# ruff: noqa: E402 (probes pasted one after another; lambdas run at once)

from sanic.headers import Matched, MediaType


class M(Matched):
    pass


for raw in ["text/html", "text/html;q=0.5", "", "*/*"]:
    try:
        v = M.parse(raw)
        print(repr(raw), type(v).__name__, repr(v), v.mime, v.header)
    except Exception as e:
        print(repr(raw), "raise", type(e).__name__, e)
    try:
        v = Matched.parse(raw)
        print(repr(raw), type(v).__name__, repr(v), v.mime, v.header, type(v.header).__name__)
    except Exception as e:
        print(repr(raw), "raise", type(e).__name__, e)


class MT(MediaType):
    pass


print(type(MT("text", "html")).__name__)
m = Matched("text/html", MediaType("text", "html"))
print(
    m == "text/html",
    m == MediaType("text", "html"),
    m == Matched("text/html", None),
    bool(Matched("", None)),
)
print(m.match("text/*"), m.match("application/json"))
from sanic.headers import Matched, MediaType


class M(Matched):
    pass


m = M("text/html", MediaType("text", "html"))
print(type(m.match("text/*")).__name__)
print(type(Matched("text/html", MediaType("text", "html")).match(M.parse("text/*"))).__name__)


class MP(Matched):
    @classmethod
    def parse(cls, raw):
        print("MP.parse called", raw)
        return super().parse(raw)


mp = MP("text/html", MediaType("text", "html"))
print(mp == "text/html", type(mp.match("text/*")).__name__)
