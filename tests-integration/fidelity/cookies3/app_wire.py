"""Cookies on the wire: websocket handshakes, streams, respond(), redirects, errors.

sanic-diff cookies3/app_wire.py cookies3/wire.http --show
"""

from __future__ import annotations

from datetime import datetime, timezone

from sanic import Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import empty, file_stream, json, redirect, text

app = Sanic("cookies3_wire")


def dump(request):
    c = request.cookies
    out = {
        "items": sorted((k, v) for k, v in c.items()),
        "keys": list(c),
        "len": len(c),
    }
    for name in ("a", "b", "__Host-a", "__Secure-a", "", "A"):
        out[f"get {name!r}"] = c.get(name)
        out[f"getlist {name!r}"] = c.getlist(name)
        out[f"in {name!r}"] = name in c
        try:
            out[f"[] {name!r}"] = c[name]
        except KeyError as e:
            out[f"[] {name!r}"] = f"KeyError {e}"
    return out


@app.get("/dump")
async def h_dump(request):
    return json(dump(request))


@app.websocket("/ws")
async def h_ws(request, ws):
    await ws.send(repr(sorted(request.cookies.items())))


@app.websocket("/ws_resp")
async def h_ws_resp(request, ws):
    # what handlers try: setting a cookie from the websocket handler
    try:
        r = request.respond
        msg = repr(type(r).__name__)
    except Exception as e:  # pragma: no cover
        msg = repr(e)
    await ws.send(msg)


@app.on_response
async def ws_cookie(request, response):
    if request.path == "/ws_mw" and response is not None:
        response.add_cookie("ws", "mw")


@app.websocket("/ws_mw")
async def h_ws_mw(request, ws):
    await ws.send("hi")


@app.get("/respond")
async def h_respond(request):
    resp = await request.respond(content_type="text/plain")
    resp.add_cookie("late", "1")
    await resp.send("body")
    await resp.eof()


@app.get("/respond_before")
async def h_respond_before(request):
    from sanic.response import HTTPResponse

    r = HTTPResponse(content_type="text/plain")
    r.add_cookie("early", "1", max_age=5)
    resp = await request.respond(r)
    await resp.send("body")
    await resp.eof()


@app.get("/respond_headers")
async def h_respond_headers(request):
    resp = await request.respond(headers={"Set-Cookie": "raw=1; Path=/"})
    await resp.send("x")
    await resp.eof()


@app.get("/stream_mw")
async def h_stream_mw(request):
    resp = await request.respond()
    await resp.send("x")
    await resp.eof()


@app.on_response
async def add_on_stream(request, response):
    if request.path in ("/stream_mw", "/err_mw", "/redir_mw"):
        response.add_cookie("mw", "yes", httponly=True)


@app.get("/file_stream")
async def h_file_stream(request):
    r = await file_stream(__file__, chunk_size=1024)
    r.add_cookie("fs", "1", samesite="Strict")
    return r


@app.get("/redir")
async def h_redir(request):
    r = redirect("/dump")
    r.add_cookie("r", "1", path="/dump")
    r.delete_cookie("old")
    return r


@app.get("/redir_mw")
async def h_redir_mw(request):
    return redirect("/x", status=307)


@app.get("/err")
async def h_err(request):
    raise SanicException("nope", status_code=418)


@app.get("/err_mw")
async def h_err_mw(request):
    raise NotFound("gone")


@app.get("/err_headers")
async def h_err_headers(request):
    raise SanicException("x", status_code=401, headers={"Set-Cookie": "e=1; Path=/"})


@app.get("/empty")
async def h_empty(request):
    r = empty()
    r.add_cookie("e", "1", expires=datetime(2031, 2, 3, 4, 5, 6, tzinfo=timezone.utc))
    return r


@app.get("/quote")
async def h_quote(request):
    r = text("q")
    for i, v in enumerate(["a b", "a,b", "a;b", "é", 'x"y', "a\\b", "日本", "\x7f", "=="]):
        r.add_cookie(f"q{i}", v)
    return r


@app.get("/legacy")
async def h_legacy(request):
    r = text("l")
    try:
        r.cookies["a"] = "b"
        r.cookies["a"]["httponly"] = True
    except Exception as e:
        return text(f"{type(e).__name__}: {e}")
    return r


@app.get("/max_age")
async def h_max_age(request):
    r = text("m")
    r.add_cookie("i", "1", max_age=10)
    r.add_cookie("s", "1", max_age="10")
    r.add_cookie("f", "1", max_age=10.0)
    r.add_cookie("z", "1", max_age=0)
    return r


@app.get("/bad/<what>")
async def h_bad(request, what: str):
    kw = {
        "samesite": {"samesite": "bogus"},
        "max_age": {"max_age": "ten"},
        "expires": {"expires": "tomorrow"},
        "partitioned": {"partitioned": True},
        "host_domain": {"host_prefix": True, "domain": "x.org"},
        "both": {"host_prefix": True, "secure_prefix": True},
        "name": {},
    }[what]
    r = text("b")
    r.add_cookie("bad name" if what == "name" else "a", "b", **kw)
    return r
