"""Probe of the response API, printed line by line; run under Sanic and Hurtle and diff.

    /tmp/st-ref/bin/python inproc_probe.py > /tmp/r2-s.txt
    /work/wt/responses2/.venv/bin/python inproc_probe.py > /tmp/r2-h.txt
"""

import asyncio
import datetime
import decimal
import json as stdjson
import os
import tempfile
from http import HTTPStatus

from sanic import response
from sanic.compat import Header
from sanic.response import HTTPResponse, JSONResponse

N = [0]


def show(label, fn):
    N[0] += 1
    try:
        r = fn()
        if asyncio.iscoroutine(r):
            r = asyncio.run(r)
    except BaseException as e:
        print(f"{label}: EXC {type(e).__name__}: {e}")
        return None
    if isinstance(r, HTTPResponse):
        desc = (
            f"status={r.status!r} body={r.body!r} ct={r.content_type!r} "
            f"headers={sorted(r.headers.items())!r}"
        )
        print(f"{label}: {type(r).__name__} {desc}")
    else:
        print(f"{label}: {r!r}")
    return r


class H:
    def __html__(self):
        return "<b>h</b>"


class R:
    def _repr_html_(self):
        return "<i>r</i>"


class Both:
    def __html__(self):
        return "<b>both</b>"

    def _repr_html_(self):
        return "<i>both</i>"


class Obj:
    pass


# json
show("json dict", lambda: response.json({"a": 1}))
show("json kwargs indent", lambda: response.json({"a": 1}, indent=2))
show("json sort_keys", lambda: response.json({"b": 1, "a": 2}, sort_keys=True))
show("json default", lambda: response.json({"a": Obj()}, default=lambda o: "X"))
show("json nonser", lambda: response.json({"a": Obj()}))
show("json decimal", lambda: response.json(decimal.Decimal("1.5")))
show("json set", lambda: response.json({1, 2}))
show("json bytes", lambda: response.json(b"x"))
show("json slash", lambda: response.json("a/b"))
show("json unicode", lambda: response.json("é✓"))
show("json nan", lambda: response.json(float("nan")))
show("json none", lambda: response.json(None))
show("json str", lambda: response.json("s"))
show("json status str", lambda: response.json({}, status="201"))
show("json status HTTPStatus", lambda: response.json({}, status=HTTPStatus.CREATED))
show("json ct", lambda: response.json({}, content_type="application/x+json"))
show("json headers", lambda: response.json({}, headers={"X-A": "1"}))
show("json dumps", lambda: response.json({"a": 1}, dumps=lambda o, **k: "D" + str(k)))
show("json dumps kw", lambda: response.json({"a": 1}, dumps=stdjson.dumps, separators=(",", ":")))
show("json dumps bytes", lambda: response.json({"a": 1}, dumps=lambda o: b"bytes"))
show("json dumps none", lambda: response.json({"a": 1}, dumps=lambda o: None))
show("json escape_forward_slashes", lambda: response.json("a/b", escape_forward_slashes=False))
show("json ensure_ascii", lambda: response.json("é", ensure_ascii=True))
show("json bad kw", lambda: response.json({}, foo=1))
show("json status 299", lambda: response.json({}, status=299))
show("json status 0", lambda: response.json({}, status=0))
show("json tuple", lambda: response.json((1, 2)))
show("json int keys", lambda: response.json({1: 2}))
show("json mixed keys", lambda: response.json({1: 2, "a": 3}, sort_keys=True))

# JSONResponse
def jr(steps):
    def run():
        out = []
        r = JSONResponse(*steps[0][0], **steps[0][1])
        out.append(("init", r.body, r.raw_body))
        for name, args, kw in steps[1:]:
            try:
                if name == "setbody":
                    r.body = args[0]
                    out.append((name, r.body))
                    continue
                if name == "raw":
                    out.append((name, r.raw_body))
                    continue
                res = getattr(r, name)(*args, **kw)
                out.append((name, res, r.body, r.raw_body))
            except BaseException as e:
                out.append((name, "EXC", type(e).__name__, str(e)))
        return out

    return run


show("jr list", jr([(([1],), {}), ("append", (2,), {}), ("extend", ([3, 4],), {}), ("pop", (), {}), ("pop", (0,), {})]))
show("jr list pop default", jr([(([1],), {}), ("pop", (0, 5), {})]))
show("jr list update", jr([(([1],), {}), ("update", ({"a": 1},), {})]))
show("jr dict", jr([(({"a": 1},), {}), ("update", ({"b": 2},), {}), ("update", (), {"c": 3}), ("pop", ("a",), {}), ("pop", ("zz", 9), {}), ("pop", ("zz",), {})]))
show("jr dict append", jr([(({"a": 1},), {}), ("append", (1,), {})]))
show("jr dict extend", jr([(({"a": 1},), {}), ("extend", ([1],), {})]))
show("jr str append", jr([(("s",), {}), ("append", (1,), {}), ("update", ({},), {}), ("pop", (), {}), ("extend", ([],), {})]))
show("jr none", jr([((None,), {}), ("append", (1,), {}), ("pop", ("a",), {})]))
show("jr set body then append", jr([(([1],), {}), ("setbody", (b"[9]",), {}), ("raw", (), {}), ("append", (2,), {})]))
show("jr set body str", jr([(([1],), {}), ("setbody", ("xyz",), {}), ("raw", (), {})]))
show("jr set_body", jr([(([1],), {}), ("set_body", ({"x": 1},), {}), ("append", (1,), {}), ("update", ({"y": 2},), {})]))
show("jr set_body dumps", jr([(([1],), {}), ("set_body", ({"x": 1},), {"dumps": lambda o, **k: "Z"}), ("set_body", ({"x": 1},), {"indent": 1})]))
show("jr set_body after body", jr([(([1],), {}), ("setbody", (b"q",), {}), ("set_body", ([5],), {}), ("append", (6,), {})]))
show("jr pop list 2 args", jr([(([1],), {}), ("pop", (0, 1), {})]))
show("jr pop dict no arg", jr([(({"a": 1},), {}), ("pop", (), {})]))
show("jr pop empty list", jr([(([],), {}), ("pop", (), {})]))
show("jr pop list bad idx", jr([(([1],), {}), ("pop", (5,), {})]))
show("jr update list-of-pairs", jr([(({},), {}), ("update", ([("a", 1)],), {})]))
show("jr tuple append", jr([(((1, 2),), {}), ("append", (3,), {})]))
show("jr dumps init", jr([(([1],), {"dumps": lambda o, **k: "W"}), ("append", (2,), {})]))
show("jr kw init", jr([(([1],), {"indent": 2}), ("append", (2,), {})]))
show("jr body no raw", jr([((), {"body": None}), ("append", (1,), {})]))
show("jr status", lambda: JSONResponse({}, status=404).status)
show("jr ct default", lambda: JSONResponse({}).content_type)
show("jr init none", lambda: JSONResponse().body)
show("jr init none raw", lambda: JSONResponse().raw_body)
show("jr set raw_body", lambda: setattr(JSONResponse([1]), "raw_body", [2]))

# text
show("text int", lambda: response.text(1))
show("text bytes", lambda: response.text(b"x"))
show("text None", lambda: response.text(None))
show("text list", lambda: response.text([1]))
show("text ct", lambda: response.text("x", content_type="text/csv"))
show("text status", lambda: response.text("x", status=418, headers={"A": "b"}))
show("text unicode", lambda: response.text("é"))
show("text str subclass", lambda: response.text(type("S", (str,), {})("x")))

# html
show("html str", lambda: response.html("<p>"))
show("html bytes", lambda: response.html(b"<p>"))
show("html __html__", lambda: response.html(H()))
show("html _repr_html_", lambda: response.html(R()))
show("html both", lambda: response.html(Both()))
show("html int", lambda: response.html(1))
show("html None", lambda: response.html(None))
show("html status", lambda: response.html("x", status=500, headers={"A": "1"}))

# raw
show("raw bytes", lambda: response.raw(b"x"))
show("raw str", lambda: response.raw("x"))
show("raw None", lambda: response.raw(None))
show("raw int", lambda: response.raw(5))
show("raw ct", lambda: response.raw(b"x", content_type="image/png"))
show("raw ct None", lambda: response.raw(b"x", content_type=None))
show("raw bytearray", lambda: response.raw(bytearray(b"x")))

# empty
show("empty", lambda: response.empty())
show("empty status", lambda: response.empty(status=200, headers={"X": "y"}))
show("empty 304", lambda: response.empty(status=304))

# redirect
for to in [
    "/a b",
    "/é",
    "/a?x=1&y=é",
    "/a%20b",
    "http://ex.com/é?q=1",
    "//evil.com",
    "https://evil.com/x#frag",
    "/a#b c",
    "",
    "/a\r\nX: y",
    "/a\"b<>",
    "/%E9",
    "/a;b,c",
    "/~u/!$&'()*+=:@",
    "mailto:x@y",
    "/a|b^`{}[]\\",
]:
    show(f"redirect {to!r}", lambda to=to: response.redirect(to))
show("redirect status", lambda: response.redirect("/x", status=301))
show("redirect headers", lambda: response.redirect("/x", headers={"Location": "/y", "A": "1"}))
show("redirect ct", lambda: response.redirect("/x", content_type="text/plain"))
show("redirect bytes", lambda: response.redirect(b"/x"))

# HTTPResponse
for b in [None, "s", b"b", bytearray(b"ba"), memoryview(b"mv"), 5, 1.5, [1], "é"]:
    show(f"HTTPResponse body {b!r}", lambda b=b: HTTPResponse(b))
show("HTTPResponse headers list", lambda: HTTPResponse("x", headers=[("A", "1"), ("A", "2")]))
show("HTTPResponse headers Header", lambda: HTTPResponse("x", headers=Header([("A", "1"), ("A", "2")])))
show("HTTPResponse headers dict", lambda: HTTPResponse("x", headers={"A": 1}))
show("HTTPResponse ct", lambda: HTTPResponse("x", content_type="text/x"))
show("HTTPResponse default ct", lambda: HTTPResponse("x").content_type)
show("HTTPResponse status str", lambda: HTTPResponse("x", status="404"))
show("HTTPResponse status HTTPStatus", lambda: HTTPResponse("x", status=HTTPStatus.NOT_FOUND))
show("HTTPResponse status type", lambda: type(HTTPResponse("x", status=HTTPStatus.NOT_FOUND).status).__name__)
show("HTTPResponse status float", lambda: HTTPResponse("x", status=200.0))
show("HTTPResponse status None", lambda: HTTPResponse("x", status=None))
show("HTTPResponse attrs", lambda: (lambda r: (r.asgi, r.stream, r.cookies, r.processed_headers, repr(r)[:60]))(HTTPResponse("x")))
show("HTTPResponse ph headers", lambda: HTTPResponse("x", headers={"Content-Length": "9", "A": "b"}, status=204).processed_headers)
show("HTTPResponse ph 304", lambda: HTTPResponse("x", headers={"Content-Type": "a", "A": "b", "Content-Length": "3"}, status=304).processed_headers)
show("HTTPResponse ph 200 cl", lambda: HTTPResponse("x", headers={"content-length": "9"}).processed_headers)
show("HTTPResponse send", lambda: HTTPResponse("x").send("y"))
show("HTTPResponse eof", lambda: HTTPResponse("x").eof())
show("HTTPResponse repr", lambda: repr(HTTPResponse("x")))
show("HTTPResponse repr json", lambda: repr(response.json({})))
show("HTTPResponse body set", lambda: (lambda r: (setattr(r, "body", "str"), r.body))(HTTPResponse("x")))
show("HTTPResponse status set", lambda: (lambda r: (setattr(r, "status", "201"), r.status))(HTTPResponse("x")))
show("HTTPResponse ct set", lambda: (lambda r: (setattr(r, "content_type", "a/b"), r.content_type, r.headers.get("content-type")))(HTTPResponse("x")))
show("HTTPResponse headers ct", lambda: (lambda r: (r.content_type, sorted(r.headers.items())))(HTTPResponse("x", headers={"Content-Type": "a/b"})))
show("HTTPResponse headers ct2", lambda: (lambda r: (r.content_type, sorted(r.headers.items())))(HTTPResponse("x", headers={"Content-Type": "a/b"}, content_type="c/d")))

# file
tmp = tempfile.mkdtemp()
p = os.path.join(tmp, "f.txt")
with open(p, "w") as f:
    f.write("hello world")
os.utime(p, (1700000000, 1700000000))
show("file", lambda: response.file(p))
show("file mime", lambda: response.file(p, mime_type="x/y"))
show("file filename", lambda: response.file(p, filename="é ñ.txt"))
show("file filename ascii", lambda: response.file(p, filename="a b\".txt"))
show("file max_age", lambda: response.file(p, max_age=10))
show("file max_age float", lambda: response.file(p, max_age=10.5))
show("file max_age neg", lambda: response.file(p, max_age=-1))
show("file max_age str", lambda: response.file(p, max_age="10"))
show("file lm dt", lambda: response.file(p, last_modified=datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)))
show("file lm naive", lambda: response.file(p, last_modified=datetime.datetime(2020, 1, 1)))
show("file lm float", lambda: response.file(p, last_modified=1600000000.5))
show("file lm False", lambda: response.file(p, last_modified=False))
show("file lm None", lambda: response.file(p, last_modified=None))
show("file no_store", lambda: response.file(p, no_store=True))
show("file no_store max_age", lambda: response.file(p, no_store=True, max_age=5))
show("file headers", lambda: response.file(p, headers={"X": "1", "Content-Type": "q/r"}))
show("file status", lambda: response.file(p, status=201))
show("file missing", lambda: response.file(p + "nope"))
show("file dir", lambda: response.file(tmp))
show("file_stream", lambda: response.file_stream(p))
show("file_stream filename", lambda: response.file_stream(p, filename="é.txt"))
show("file_stream mime", lambda: response.file_stream(p, mime_type="a/b", headers={"Z": "1"}, chunk_size=2))
show("file_stream missing", lambda: response.file_stream(p + "nope"))
show("file_stream status", lambda: (lambda r: (r.status, r.content_type, sorted(r.headers.items())))(asyncio.run(response.file_stream(p, status=206))))
print("probes:", N[0])
