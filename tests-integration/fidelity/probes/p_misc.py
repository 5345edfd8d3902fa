"""Odds and ends: current request, app.loop, static url_for, custom dumps, test responses."""

import asyncio
import os
import shutil

from _probe import exc_line, new_app, req, show

import sanic
from sanic import Request, Sanic, response

show("sanic top-level names", lambda: sorted(n for n in dir(sanic) if not n.startswith("_")))
show("Request.get_current outside", lambda: Request.get_current())
app = new_app("miscapp")
show("app.loop outside", lambda: app.loop)


async def loop_in_coroutine():
    return type(app.loop).__name__


show("app.loop in a coroutine before start", lambda: asyncio.run(loop_in_coroutine()))

DIR = "/tmp/sanic_probe_static"
shutil.rmtree(DIR, ignore_errors=True)
os.makedirs(f"{DIR}/sub")
with open(f"{DIR}/a.txt", "w") as f:
    f.write("static a")
with open(f"{DIR}/sub/b.css", "w") as f:
    f.write("b{}")
with open(f"{DIR}/index.html", "w") as f:
    f.write("<i>index</i>")

app.static("/static", DIR)
app.static("/named", DIR, name="named_static")
app.static("/one", f"{DIR}/a.txt", name="one_file")
app.static("/listing", DIR, name="listing", directory_view=True)
app.static("/idx", DIR, name="idx", index="index.html")
show("static missing dir", lambda: new_app("st2").static("/x", "/tmp/definitely/not/here"))
show("static routes", lambda: sorted((r.name, r.path) for r in app.router.routes))
for name, kw in [
    ("static", {"filename": "a.txt"}),
    ("static", {"name": "static", "filename": "a.txt"}),
    ("static", {"name": "named_static", "filename": "sub/b.css"}),
    ("static", {"name": "one_file"}),
    ("static", {"name": "one_file", "filename": "zzz"}),
    ("static", {"name": "nope", "filename": "a.txt"}),
    ("static", {"filename": "a.txt", "_external": True, "_server": "h.com"}),
    ("static", {}),
    ("miscapp.static", {"filename": "a.txt"}),
]:
    show(f"url_for {name} {kw}", lambda n=name, k=kw: app.url_for(n, **k))


@app.get("/current")
async def current(request):
    return response.json(
        {"same": Request.get_current() is request, "loop": type(request.app.loop).__name__ != ""}
    )


@app.get("/dumps")
async def dumps(request):
    return response.json({"b": 1, "a": 2})


for path in [
    "/static/a.txt",
    "/static/sub/b.css",
    "/static/../a.txt",
    "/static/missing",
    "/named/a.txt",
    "/one",
    "/listing",
    "/idx",
    "/idx/",
    "/current",
    "/static",
]:
    req(app, f"GET {path}", "GET", path)

a2 = new_app("dumpsapp", dumps=lambda obj, **kw: "DUMPED")


@a2.get("/")
async def d2(request):
    return response.json({"a": 1})


@a2.get("/err")
async def e2(request):
    raise ValueError("x")


req(a2, "custom app dumps", "GET", "/")
req(
    a2,
    "custom app dumps error page",
    "GET",
    "/err",
    headers=("content-type",),
)


async def tr():
    _, r = await app.asgi_client.get("/dumps")
    return r


r = asyncio.run(tr())
for attr in [
    "status",
    "status_code",
    "text",
    "body",
    "content",
    "json",
    "content_type",
    "content_length",
    "is_success",
    "reason_phrase",
    "http_version",
    "encoding",
]:
    show(f"TestingResponse.{attr}", lambda a=attr: getattr(r, a))
show("TestingResponse type", lambda: type(r).__name__)
show("TestingResponse headers type", lambda: type(r.headers).__name__)
show("asgi_client type", lambda: type(app.asgi_client).__name__)
sock = new_app("miscsock")


@sock.get("/dumps")
async def sock_dumps(request):
    return response.json({"b": 1, "a": 2})


@sock.get("/current")
async def sock_current(request):
    return response.json({"same": Request.get_current() is request})


app = sock  # the socket client on an app no ASGI client has run
show("test_client type", lambda: type(app.test_client).__name__)
show("test_client port attr", lambda: type(app.test_client.port).__name__)
_, r2 = app.test_client.get("/dumps")
for attr in ["status", "text", "json", "content_type", "http_version"]:
    show(f"socket TestingResponse.{attr}", lambda a=attr: getattr(r2, a))
show("socket response host", lambda: r2.url.host)
try:
    request, _ = app.test_client.get("/current")
    show("test_client request type", lambda: type(request).__name__)
    show("test_client request path", lambda: request.path)
except BaseException as e:
    print("test_client request:", exc_line(e))
show(
    "test_client gather_request False",
    lambda: app.test_client.get("/current", gather_request=False).status,
)
show("Sanic.test_mode after clients", lambda: Sanic.test_mode)
show("app.state.is_running after", lambda: app.state.is_running)
