"""repr()/str() of objects users print: request, responses, routes, groups, headers, files."""

import asyncio

from _probe import fmt, new_app, show

from sanic import Blueprint, response
from sanic.blueprint_group import BlueprintGroup
from sanic.compat import Header
from sanic.request import File, RequestParameters

app = new_app("reprapp")
OUT = {}


@app.post("/r/<x>")
async def r(request, x):
    OUT["request repr"] = repr(request)
    OUT["request str"] = str(request)
    OUT["route repr"] = fmt(request.route)
    OUT["args repr"] = repr(request.args)
    OUT["form repr"] = repr(request.form)
    OUT["files repr"] = repr(request.files)
    OUT["file repr"] = repr(request.files.get("up"))
    OUT["headers repr type"] = type(request.headers).__name__
    OUT["cookies repr"] = repr(request.cookies)
    OUT["conn_info repr"] = fmt(request.conn_info)
    OUT["ctx repr"] = repr(request.ctx)
    OUT["credentials repr"] = repr(request.credentials)
    OUT["accept repr"] = repr(request.accept)
    OUT["match_info repr"] = repr(request.match_info)
    return response.text("ok")


MULTIPART = (
    b'--B\r\nContent-Disposition: form-data; name="f"\r\n\r\nv\r\n'
    b'--B\r\nContent-Disposition: form-data; name="up"; filename="a.txt"\r\n'
    b"Content-Type: text/plain\r\n\r\nbody\r\n--B--\r\n"
)


async def go():
    await app.asgi_client.post(
        "/r/abc?q=1",
        content=MULTIPART,
        headers={
            "content-type": "multipart/form-data; boundary=B",
            "cookie": "c=1",
            "authorization": "Bearer t",
        },
    )


asyncio.run(go())
for k, v in OUT.items():
    print(f"{k}: {v}")

for label, obj in [
    ("text", response.text("hi")),
    ("json", response.json({"a": 1})),
    ("html", response.html("<p>")),
    ("empty", response.empty()),
    ("redirect", response.redirect("/x")),
    ("raw", response.raw(b"x")),
    ("HTTPResponse", response.HTTPResponse("x", status=201)),
]:
    show(f"repr {label}", lambda o=obj: repr(o))
show("repr ResponseStream", lambda: fmt(response.ResponseStream(lambda r: None)))
show("repr Blueprint", lambda: repr(Blueprint("rb", url_prefix="/x", version=2)))
show("repr BlueprintGroup", lambda: fmt(BlueprintGroup(url_prefix="/g")))
show("repr Header", lambda: repr(Header({"A": "1", "b": "2"})))
show("repr RequestParameters", lambda: repr(RequestParameters({"a": ["1", "2"]})))
show("repr File", lambda: repr(File(type="text/plain", body=b"x", name="n.txt")))
show("repr config type", lambda: repr(app.config)[:1])
show("repr app.ctx", lambda: repr(app.ctx))
show("repr signal", lambda: fmt(app.signal_router.routes[0]) if app.signal_router.routes else None)
show("repr state", lambda: fmt(app.state)[:40])
show("repr router", lambda: fmt(app.router))
