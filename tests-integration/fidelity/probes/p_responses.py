"""sanic.response: constructors, attributes, headers, cookies, JSONResponse mutation."""

import json as stdjson
from datetime import UTC, datetime

from _probe import new_app, show

from sanic import response as R
from sanic.response import HTTPResponse, JSONResponse


def desc(r):
    out = {
        "type": type(r).__name__,
        "status": r.status,
        "content_type": r.content_type,
        "body": r.body,
        "headers": sorted((k.lower(), v) for k, v in r.headers.items()),
    }
    return out


class HtmlObj:
    def __html__(self):
        return "<p>from __html__</p>"


class ReprHtml:
    def _repr_html_(self):
        return "<p>from _repr_html_</p>"


for label, fn in [
    ("text", lambda: R.text("hi")),
    (
        "text status/headers",
        lambda: R.text("hi", status=201, headers={"X-A": "1"}, content_type="text/x-custom"),
    ),
    ("text bytes", lambda: R.text(b"bytes")),
    ("text int", lambda: R.text(5)),
    ("text None", lambda: R.text(None)),
    ("json", lambda: R.json({"b": 1, "a": [1, 2]})),
    ("json unicode", lambda: R.json({"k": "é"})),
    ("json dumps kwargs", lambda: R.json({"b": 1, "a": 2}, sort_keys=True, indent=2)),
    ("json custom dumps", lambda: R.json({"a": 1}, dumps=lambda o, **k: "CUSTOM")),
    ("json separators", lambda: R.json({"a": 1}, separators=(", ", ": "))),
    ("json list", lambda: R.json([1, "x", None, True])),
    ("json string", lambda: R.json("str")),
    ("json None", lambda: R.json(None)),
    ("json status ct", lambda: R.json({}, status=400, content_type="application/problem+json")),
    ("json default=str", lambda: R.json({"d": datetime(2020, 1, 1)}, default=str)),
    ("json unserializable", lambda: R.json({"d": {1, 2}})),
    ("html str", lambda: R.html("<h1>x</h1>")),
    ("html __html__", lambda: R.html(HtmlObj())),
    ("html _repr_html_", lambda: R.html(ReprHtml())),
    ("html bytes", lambda: R.html(b"<b>b</b>")),
    ("raw", lambda: R.raw(b"\x00\x01")),
    ("raw str", lambda: R.raw("str body")),
    ("raw ct", lambda: R.raw(b"x", content_type="image/png", status=202)),
    ("empty", lambda: R.empty()),
    ("empty 200", lambda: R.empty(status=200)),
    ("empty headers", lambda: R.empty(headers={"x-e": "1"})),
    ("redirect", lambda: R.redirect("/to")),
    ("redirect 301", lambda: R.redirect("/to", status=301)),
    (
        "redirect headers ct",
        lambda: R.redirect("/to", headers={"x-r": "1"}, content_type="text/plain"),
    ),
    ("redirect unicode", lambda: R.redirect("/tö?q=ü v")),
    ("redirect full url", lambda: R.redirect("http://example.com/a b")),
    ("HTTPResponse()", lambda: HTTPResponse()),
    ("HTTPResponse body str", lambda: HTTPResponse("s")),
    ("HTTPResponse ct", lambda: HTTPResponse(b"x", content_type="text/csv", status=203)),
    ("JSONResponse", lambda: JSONResponse({"a": 1})),
    ("JSONResponse status", lambda: JSONResponse({"a": 1}, status=201, headers={"x": "y"})),
]:
    show(label, lambda f=fn: desc(f()))

r = R.text("x")
show(
    "processed_headers",
    lambda: list(r.processed_headers) if hasattr(r, "processed_headers") else "missing",
)
show("headers type", lambda: type(r.headers).__name__)
show("headers getone", lambda: r.headers.getone("content-type", None))
show("cookies type", lambda: type(r.cookies).__name__)
show("asgi attr", lambda: r.asgi)
show("stream attr", lambda: r.stream)
show("_dumps", lambda: r._dumps is not None if hasattr(r, "_dumps") else "missing")
r.status = 418
show("set status", lambda: r.status)
r.body = b"new"
show("set body", lambda: r.body)
r.content_type = "x/y"
show("set content_type", lambda: (r.content_type, r.headers.get("content-type")))

print("-- cookies")
c = R.text("c")
show("add_cookie basic", lambda: type(c.add_cookie("a", "1")).__name__)
show(
    "add_cookie all",
    lambda: (
        c.add_cookie(
            "b",
            "2",
            path="/p",
            domain="ex.com",
            secure=True,
            httponly=True,
            samesite="Strict",
            max_age=10,
            expires=datetime(2030, 1, 1, tzinfo=UTC),
            comment="cm",
            partitioned=True,
        ).value
    ),
)
show("add_cookie secure False", lambda: c.add_cookie("c3", "3", secure=False).secure)
show("add_cookie host_prefix", lambda: c.add_cookie("hp", "4", host_prefix=True).key)
show("add_cookie secure_prefix", lambda: c.add_cookie("sp", "5", secure_prefix=True).key)
show(
    "add_cookie host_prefix bad path", lambda: c.add_cookie("hp2", "4", host_prefix=True, path="/x")
)
show(
    "add_cookie host_prefix domain",
    lambda: c.add_cookie("hp3", "4", host_prefix=True, domain="x.com"),
)
show(
    "add_cookie both prefixes",
    lambda: c.add_cookie("bp", "4", host_prefix=True, secure_prefix=True),
)
show(
    "add_cookie host_prefix not secure",
    lambda: c.add_cookie("hp4", "4", host_prefix=True, secure=False),
)
show("add_cookie partitioned no host prefix", lambda: c.add_cookie("pt", "4", partitioned=True))
show("add_cookie samesite bad", lambda: c.add_cookie("ss", "4", samesite="Bogus"))
show("add_cookie samesite none", lambda: c.add_cookie("ss2", "4", samesite="None").samesite)
show("add_cookie samesite lax lower", lambda: c.add_cookie("ss3", "4", samesite="lax").samesite)
show("add_cookie max_age str", lambda: c.add_cookie("ma", "4", max_age="x"))
show("add_cookie expires str", lambda: c.add_cookie("ex", "4", expires="tomorrow"))
show("add_cookie bad name", lambda: c.add_cookie("bad name", "4"))
show("add_cookie bad value", lambda: c.add_cookie("bv", "a;b").value)
show("add_cookie unicode value", lambda: c.add_cookie("uv", "é").value)
show(
    "get_cookie",
    lambda: (
        lambda k: (
            k.key,
            k.value,
            k.path,
            k.domain,
            k.secure,
            k.httponly,
            k.samesite,
            k.max_age,
            k.comment,
            k.partitioned,
            k.host_prefix,
            k.secure_prefix,
            str(k.expires),
        )
    )(c.get_cookie("b")),
)
show(
    "get_cookie default path",
    lambda: (
        lambda k: (
            k.path,
            k.secure,
            k.httponly,
            k.samesite,
            k.max_age,
            k.domain,
            k.expires,
            k.comment,
        )
    )(c.get_cookie("a")),
)
show("get_cookie missing", lambda: c.get_cookie("zzz"))
show(
    "get_cookie hp",
    lambda: (
        c.get_cookie("hp", host_prefix=True).key if c.get_cookie("hp", host_prefix=True) else None
    ),
)
show("cookies keys", lambda: sorted(c.cookies.keys()) if hasattr(c.cookies, "keys") else "no keys")
show(
    "cookies cookies",
    lambda: (
        [k.key for k in c.cookies.cookies] if hasattr(c.cookies, "cookies") else "no cookies attr"
    ),
)
show("cookie str a", lambda: str(c.get_cookie("a")))
show("cookie str b", lambda: str(c.get_cookie("b")))
show("cookie repr type", lambda: type(c.get_cookie("a")).__name__)
show("delete_cookie", lambda: c.delete_cookie("a"))
show("delete_cookie missing", lambda: c.delete_cookie("never", path="/p", domain="d.com"))
show("delete_cookie host_prefix", lambda: c.delete_cookie("hp", host_prefix=True))
show("after delete get_cookie a", lambda: c.get_cookie("a"))
show(
    "set-cookie headers",
    lambda: [str(v) for v in c.headers.getall("set-cookie")] if "set-cookie" in c.headers else [],
)
show(
    "cookies legacy item set",
    lambda: (
        c.cookies.__setitem__("legacy", "v"),
        c.cookies["legacy"].value if hasattr(c.cookies["legacy"], "value") else c.cookies["legacy"],
    ),
)
show(
    "cookies legacy item attr",
    lambda: (c.cookies["legacy"].__setitem__("max-age", 5), str(c.cookies["legacy"])),
)
show("cookies legacy del", lambda: (c.cookies.__delitem__("legacy"), "legacy" in c.cookies))
show("encode of cookie", lambda: c.get_cookie("b").encode("utf-8"))
show(
    "cookie dict keys",
    lambda: sorted(c.get_cookie("b").keys()) if hasattr(c.get_cookie("b"), "keys") else "no keys",
)

print("-- JSONResponse mutation")
j = R.json({"a": 1})
show("raw_body", lambda: j.raw_body)
show("body", lambda: j.body)
show("set_body", lambda: (j.set_body({"b": 2}), j.body, j.raw_body))
show("set_body dumps kw", lambda: (j.set_body({"b": 2, "a": 1}, sort_keys=True), j.body))
show("update", lambda: (j.update({"c": 3}), j.body))
show("update kw", lambda: (j.update(d=4), j.body))
show("pop", lambda: (j.pop("c"), j.body))
show("pop missing default", lambda: (j.pop("zz", "dflt"), j.body))
show("pop missing", lambda: j.pop("zz"))
jl = R.json([1])
show("append", lambda: (jl.append(2), jl.body))
show("extend", lambda: (jl.extend([3, 4]), jl.body))
show("pop list", lambda: (jl.pop(), jl.body))
show("pop list idx", lambda: (jl.pop(0), jl.body))
show("append on dict", lambda: j.append(1))
show("update on list", lambda: jl.update({"a": 1}))
show("set raw_body", lambda: (setattr(j, "raw_body", {"z": 26}), j.body))
show("set body bytes then raw_body", lambda: (setattr(j, "body", b'{"q":1}'), j.raw_body))
jc = R.json({"a": 1}, dumps=lambda o, **k: "C" + stdjson.dumps(o))
show("custom dumps update", lambda: (jc.update({"b": 2}), jc.body))
show("json none raw_body", lambda: R.json(None).raw_body)

app = new_app("respapp")


@app.get("/cookies")
async def cookies(request):
    r = R.text("c")
    r.add_cookie("a", "1")
    r.add_cookie(
        "b",
        "2",
        path="/p",
        domain="ex.com",
        secure=True,
        httponly=True,
        samesite="Strict",
        max_age=10,
        expires=datetime(2030, 1, 1, tzinfo=UTC),
        comment="cm",
        partitioned=True,
        host_prefix=False,
    )
    r.add_cookie("hp", "3", host_prefix=True)
    r.add_cookie("sp", "4", secure_prefix=True)
    r.add_cookie("nosec", "5", secure=False, samesite=None)
    r.delete_cookie("gone")
    r.delete_cookie("hpgone", host_prefix=True)
    return r


@app.get("/legacy")
async def legacy(request):
    r = R.text("c")
    r.cookies["x"] = "1"
    r.cookies["x"]["httponly"] = True
    r.cookies["x"]["max-age"] = 3
    r.cookies["y"] = "2"
    del r.cookies["y"]
    return r


@app.get("/jsonmut")
async def jsonmut(request):
    r = R.json({"a": 1})
    r.update({"b": 2})
    return r


@app.get("/html")
async def html(request):
    return R.html(HtmlObj())


@app.get("/redirect")
async def redirect(request):
    return R.redirect("/target?x=1")


@app.get("/empty")
async def empty(request):
    return R.empty()


@app.get("/status_only")
async def status_only(request):
    return HTTPResponse(status=202)


@app.get("/headers")
async def headers(request):
    return R.text("h", headers={"X-Multi": "1", "x-multi": "2", "Content-Type": "text/weird"})


for path in [
    "/cookies",
    "/legacy",
    "/jsonmut",
    "/html",
    "/redirect",
    "/empty",
    "/status_only",
    "/headers",
]:
    import asyncio

    async def go(p=path):
        _, r = await app.asgi_client.get(p, follow_redirects=False)
        return r

    r = asyncio.run(go())
    print(f"GET {path}: {r.status} ct={r.headers.get('content-type')!r} body={r.body!r}")
    print(f"   set-cookie: {r.headers.get_list('set-cookie')}")
    print(f"   location: {r.headers.get('location')!r} x-multi: {r.headers.get_list('x-multi')}")
