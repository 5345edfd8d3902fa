"""Response header API probe: run under real Sanic and under Hurtle, diff the output.

/tmp/st-ref/bin/python probe_headers.py > sanic.txt
.venv/bin/python probe_headers.py > hurtle.txt; diff sanic.txt hurtle.txt
"""

from __future__ import annotations

import asyncio
import os
import re
import tempfile

from sanic import response as R
from sanic.compat import Header


def fmt(v):
    r = repr(v)
    return re.sub(r" at 0x[0-9a-f]+", " at 0x?", r)


def show(label, fn):
    try:
        out = fn()
        if asyncio.iscoroutine(out):
            out = asyncio.run(out)
    except Exception as e:
        print(f"{label}: EXC {type(e).__name__}: {e}")
    else:
        print(f"{label}: {fmt(out)}")


def items(h):
    return [(k, v) for k, v in h.items()]


def hdr_ops():
    show("Header mro", lambda: [k.__name__ for k in Header.__mro__])
    show("Header empty", lambda: items(Header()))
    show("Header dict", lambda: items(Header({"A": "1", "b": "2"})))
    show("Header list", lambda: items(Header([("A", "1"), ("a", "2")])))
    show("Header kwargs", lambda: items(Header(a="1")))
    show("Header int value", lambda: items(Header({"a": 1})))
    show("Header None value", lambda: items(Header({"a": None})))
    show("Header bytes value", lambda: items(Header({"a": b"x"})))
    show("Header int key", lambda: items(Header({1: "x"})))
    show("Header bytes key", lambda: items(Header({b"a": "x"})))

    def ops():
        h = Header()
        h["Content-Type"] = "x"
        h.add("X-A", "1")
        h.add("x-a", "2")
        out = [items(h), h["x-a"], h.get("X-A"), h.getall("x-a"), h.getone("X-a")]
        h["x-A"] = "3"
        out.append(items(h))
        out.append(h.setdefault("x-b", "4"))
        out.append(h.setdefault("X-B", "5"))
        h.extend({"x-c": "6"})
        h.extend([("x-c", "7")])
        h.extend(x_d="8")
        out.append(items(h))
        out.append(h.popall("x-c"))
        out.append(h.pop("X-A"))
        out.append(h.popone("x-b", "none"))
        out.append("CONTENT-type" in h)
        out.append(len(h))
        out.append(list(h.keys()))
        out.append(list(h.values()))
        del h["content-type"]
        out.append(items(h))
        h.update({"y": "1"}, z="2")
        out.append(items(h))
        h.merge({"y": "9", "w": "0"})
        out.append(items(h))
        out.append(fmt(h.copy()))
        out.append(h == {"y": "1", "z": "2", "x-d": "8", "w": "0"})
        out.append(repr(h))
        out.append(str(h))
        return out

    show("Header ops", ops)
    show("Header get missing", lambda: Header().get("x"))
    show("Header getone missing", lambda: Header().getone("x"))
    show("Header getitem missing", lambda: Header()["x"])
    show("Header getall missing", lambda: Header().getall("x"))
    show("Header getall default", lambda: Header().getall("x", []))
    show("Header get_all", lambda: Header([("a", "1"), ("A", "2")]).get_all("a"))
    show("Header get_all missing", lambda: Header().get_all("a"))
    show("Header int key ops", lambda: Header().add(1, "x"))
    show("Header int value add", lambda: items(_add(Header(), "a", 1)))
    show("Header istr", lambda: type(list(Header({"A": "1"}).keys())[0]).__name__)
    show("Header case keys", lambda: list(Header([("A", "1"), ("a", "2")]).keys()))


def _add(h, k, v):
    h.add(k, v)
    return h


def resp_ops():
    def ct(fn):
        def run():
            r = fn()
            body = r.body if type(r).__name__ != "ResponseStream" else "<stream>"
            hs = [(k, v) for k, v in items(r.headers) if k != "Last-Modified"]
            return (r.content_type, r.headers.get("content-type"), hs, r.status, body)

        return run

    show("text", ct(lambda: R.text("x")))
    show("text ct", ct(lambda: R.text("x", content_type="text/csv")))
    show("text ct charset", ct(lambda: R.text("x", content_type="text/csv; charset=latin-1")))
    show("text ct header", ct(lambda: R.text("x", headers={"Content-Type": "a/b"})))
    show(
        "text ct header+arg",
        ct(lambda: R.text("x", headers={"content-type": "a/b"}, content_type="c/d")),
    )
    show("text ct None", ct(lambda: R.text("x", content_type=None)))
    show("text ct empty", ct(lambda: R.text("x", content_type="")))
    show("text bytes", ct(lambda: R.text(b"x")))
    show("text int", ct(lambda: R.text(5)))
    show("text None", ct(lambda: R.text(None)))
    show("html", ct(lambda: R.html("<p>")))
    show("html ct", ct(lambda: R.html("<p>", content_type="text/xml")))
    show("html bytes", ct(lambda: R.html(b"<p>")))
    show("html obj __html__", ct(lambda: R.html(_H())))
    show("html obj _repr_html_", ct(lambda: R.html(_J())))
    show("json", ct(lambda: R.json({"a": 1})))
    show("json ct", ct(lambda: R.json({"a": 1}, content_type="application/vnd+json")))
    show("json ct None", ct(lambda: R.json({"a": 1}, content_type=None)))
    show("json headers ct", ct(lambda: R.json({}, headers={"content-type": "x/y"})))
    show("raw", ct(lambda: R.raw(b"x")))
    show("raw ct", ct(lambda: R.raw(b"x", content_type="image/png")))
    show("raw str", ct(lambda: R.raw("x")))
    show("raw None", ct(lambda: R.raw(None)))
    show("empty", ct(lambda: R.empty()))
    show("empty 200", ct(lambda: R.empty(status=200)))
    show("empty headers", ct(lambda: R.empty(headers={"x": "1"})))
    show("redirect", ct(lambda: R.redirect("/x")))
    show("redirect ct", ct(lambda: R.redirect("/x", content_type="text/plain")))
    show("redirect headers", ct(lambda: R.redirect("/x", headers={"Location": "/y"})))
    show("redirect status", ct(lambda: R.redirect("/x", status=301)))
    show("HTTPResponse", ct(lambda: R.HTTPResponse()))
    show("HTTPResponse body", ct(lambda: R.HTTPResponse("x")))
    show("HTTPResponse ct", ct(lambda: R.HTTPResponse("x", content_type="a/b")))
    show("HTTPResponse ct int", ct(lambda: R.HTTPResponse("x", content_type=5)))
    show(
        "HTTPResponse headers list",
        ct(lambda: R.HTTPResponse("x", headers=[("a", "1"), ("a", "2")])),
    )
    show(
        "HTTPResponse headers Header",
        ct(lambda: R.HTTPResponse("x", headers=Header([("a", "1"), ("a", "2")]))),
    )
    show("HTTPResponse headers int", ct(lambda: R.HTTPResponse("x", headers={"a": 1})))
    show("HTTPResponse headers bad", ct(lambda: R.HTTPResponse("x", headers=5)))
    show("HTTPResponse headers str", ct(lambda: R.HTTPResponse("x", headers="ab")))
    show("JSONResponse", ct(lambda: R.JSONResponse({"a": 1})))
    show("JSONResponse ct", ct(lambda: R.JSONResponse({"a": 1}, content_type="x/y")))

    with tempfile.TemporaryDirectory() as d:
        for name in (
            "a.txt",
            "a.html",
            "a.json",
            "a.bin",
            "a",
            "a.css",
            "a.js",
            "a.svg",
            "a.png",
            "a.csv",
            "a.xml",
            "a.md",
            "a.wasm",
            "a.mjs",
            "a.woff2",
            "a.TXT",
            "a.tar.gz",
            "a.gz",
        ):
            p = os.path.join(d, name)
            with open(p, "wb") as f:
                f.write(b"data")
            show(f"file {name}", ct(lambda p=p: _run(R.file(p))))
            show(f"file_stream {name}", ct(lambda p=p: _run(R.file_stream(p))))
        p = os.path.join(d, "a.txt")
        show("file mime", ct(lambda: _run(R.file(p, mime_type="text/csv"))))
        show("file mime charset", ct(lambda: _run(R.file(p, mime_type="text/csv; charset=x"))))
        show("file headers ct", ct(lambda: _run(R.file(p, headers={"content-type": "x/y"}))))
        show("file filename", ct(lambda: _run(R.file(p, filename="b.json"))))
        show("file filename nonascii", ct(lambda: _run(R.file(p, filename="é ü.txt"))))
        show("file filename quote", ct(lambda: _run(R.file(p, filename='a"b.txt'))))
        show("file filename crlf", ct(lambda: _run(R.file(p, filename="a\r\nb.txt"))))
        show("file_stream filename", ct(lambda: _run(R.file_stream(p, filename="é.txt"))))
        show("file_stream mime", ct(lambda: _run(R.file_stream(p, mime_type="x/y"))))


def _run(coro):
    return asyncio.run(coro)


class _H:
    def __html__(self):
        return "<b>h</b>"


class _J:
    def _repr_html_(self):
        return "<b>j</b>"


if __name__ == "__main__":
    hdr_ops()
    resp_ops()
