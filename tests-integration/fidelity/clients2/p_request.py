"""clients2: what the handler receives for each kind of argument, over both clients."""

import asyncio
import io
import re

from _c import exc_line, fmt, new_app, noport

from sanic import response


def make(name):
    app = new_app(name)

    @app.route("/in", methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"])
    async def echo(request):
        return response.empty()

    return app


def desc(req):
    files = {k: [(f.name, f.type, f.body[:20]) for f in v] for k, v in (request_files(req)).items()}
    out = {
        "method": req.method,
        "url": noport(req.url),
        "path": req.path,
        "qs": req.query_string,
        "args": sorted((k, v) for k, vs in req.args.items() for v in vs),
        "form": sorted((k, v) for k, vs in req.form.items() for v in vs),
        "files": fmt(files),
        "json": fmt(safe(lambda: req.json)),
        "body": req.body[:60],
        "cookies": sorted((k, v) for k, vs in req.cookies.items() for v in vs),
        "ct": req.content_type,
        "x": req.headers.getall("x-multi", []),
        "host": noport(req.host),
        "server_name": req.server_name,
        "scheme": req.scheme,
        "ip": req.ip,
        "ua": req.headers.get("user-agent", "")[:5],
        "accept": req.headers.get("accept"),
        "enc": req.headers.get("accept-encoding"),
        "hdrs": sorted(k for k in req.headers if k not in ("content-length",)),
    }
    return out


def request_files(req):
    try:
        return req.files
    except BaseException:
        return {}


def safe(fn):
    try:
        return fn()
    except BaseException as e:
        return f"!{type(e).__name__}: {e}"


class Gen:
    def __init__(self):
        self.parts = [b"a", b"b"]

    def __iter__(self):
        return iter(self.parts)


CASES = [
    ("get", {"params": {"a": ["1", "2"], "b": "x y"}}),
    ("get", {"params": [("a", 1), ("a", True), ("c", None)]}),
    ("get", {"params": "z=1&z=2"}),
    ("post", {"data": {"k": ["1", "2"], "e": ""}}),
    ("post", {"data": [("k", "1"), ("k", "2")]}),
    ("post", {"data": b"raw"}),
    ("post", {"data": {"f": "1"}, "files": {"up": ("a.txt", b"hello", "text/x-a")}}),
    ("post", {"files": {"up": io.BytesIO(b"noname")}}),
    ("post", {"files": [("up", ("a", b"1")), ("up", ("b", b"2", "image/png"))]}),
    ("post", {"files": {"up": ("n.bin", b"\x00\x01")}, "headers": {"x-multi": "1"}}),
    ("put", {"json": {"a": [1, None]}}),
    ("put", {"json": None}),
    ("put", {"json": "s", "headers": {"content-type": "text/plain"}}),
    ("patch", {"content": "strü"}),
    ("patch", {"content": Gen()}),
    ("delete", {"headers": [("x-multi", "a"), ("x-multi", "b")]}),
    ("delete", {"cookies": {"c1": "v1", "c2": "v 2"}}),
    ("get", {"headers": {"cookie": "h=1"}, "cookies": {"c": "2"}}),
    ("get", {"headers": {"host": "example.com:99", "user-agent": "mine"}}),
    ("get", {"headers": {"accept": "text/html", "accept-encoding": "br"}}),
    ("options", {"params": {"o": "1"}}),
    ("head", {"params": {"h": "1"}}),
]

sapp = make("c2req_sock")
aapp = make("c2req_asgi")

for method, kw in CASES:
    shown = {
        k: (v.__class__.__name__ if isinstance(v, (io.BytesIO, Gen)) else v) for k, v in kw.items()
    }
    if "files" in kw and isinstance(kw["files"], dict):
        shown["files"] = {
            k: (v.__class__.__name__ if isinstance(v, io.BytesIO) else v)
            for k, v in kw["files"].items()
        }
    for label, fn in (
        ("sock", lambda: getattr(sapp.test_client, method)("/in", **kw)),  # noqa: B023
        ("asgi", lambda: asyncio.run(getattr(aapp.asgi_client, method)("/in", **kw))),  # noqa: B023
    ):
        if "files" in kw and isinstance(kw["files"], dict):
            for v in kw["files"].values():
                if isinstance(v, io.BytesIO):
                    v.seek(0)
        try:
            req, resp = fn()
            line = f"{label} {method} {shown}: {resp.status} {desc(req)}"
            print(re.sub(r"[0-9a-f]{32}", "BOUNDARY", line))
        except BaseException as e:
            print(f"{label} {method} {shown}: {exc_line(e)[:200]}")
