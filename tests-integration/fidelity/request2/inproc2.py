"""Request API in-process, second part: reprs, contexts, accept objects, signatures."""
# ruff: noqa: B023 (each lambda runs at once, inside its own loop step)

import asyncio
import inspect
import logging

logging.disable(logging.CRITICAL)

from common import rec  # noqa: E402

from sanic import Request, Sanic  # noqa: E402
from sanic.headers import parse_accept  # noqa: E402
from sanic.response import json, text  # noqa: E402

out = []


for meth in (
    "get_args",
    "get_query_args",
    "get_form",
    "load_json",
    "generate_id",
    "make_context",
    "get_current",
    "url_for",
    "respond",
    "receive_body",
):
    rec(out, f"sig {meth}", lambda: str(inspect.signature(getattr(Request, meth))))
rec(out, "sig __init__", lambda: str(inspect.signature(Request.__init__)))
rec(
    out,
    "classmethod make_context",
    lambda: isinstance(inspect.getattr_static(Request, "make_context"), classmethod),
)
rec(
    out,
    "classmethod generate_id",
    lambda: isinstance(inspect.getattr_static(Request, "generate_id"), (classmethod, staticmethod)),
)

app = Sanic("R2b")


class Ctx:
    def __repr__(self):
        return "Ctx()"


class CtxReq(Request):
    @staticmethod
    def make_context():
        return Ctx()


capp = Sanic("R2ctx", request_class=CtxReq)


@capp.get("/")
async def c(request):
    return json({"ctx": repr(request.ctx)})


_, resp = capp.test_client.get("/")
rec(out, "make_context", lambda: resp.json)

seen = {}


@app.post("/r")
async def r(request):
    seen["headers"] = repr(request.headers)
    seen["args"] = repr(request.args)
    seen["form"] = repr(request.form)
    seen["files"] = repr(request.files)
    seen["file0"] = repr(request.files.get("f"))
    seen["file_list"] = repr(request.files.getlist("f"))
    seen["cred"] = repr(request.credentials)
    seen["conn_info"] = type(request.conn_info).__name__
    seen["scope"] = _safe(lambda: request.scope)
    seen["accept"] = repr(request.accept)
    seen["accept_str"] = str(request.accept)
    seen["query_args"] = repr(request.query_args)
    seen["cookies"] = repr(request.cookies)
    seen["url_for"] = _safe(lambda: request.url_for("r"))
    seen["url_for ext"] = _safe(lambda: request.url_for("r", _external=True, q="1"))
    seen["forwarded"] = repr(request.forwarded)
    seen["bool ctx"] = bool(request.ctx)
    seen["responded"] = request.responded
    seen["stream"] = type(request.stream).__name__
    seen["current in handler"] = Request.get_current() is request

    async def later():
        await asyncio.sleep(0)
        return Request.get_current() is request

    seen["current in task"] = await asyncio.create_task(later())
    return text("ok")


def _safe(fn):
    try:
        return repr(fn())
    except BaseException as exc:
        return f"raise {type(exc).__name__} {exc}"


body = (
    b'--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n'
    b'--XX\r\nContent-Disposition: form-data; name="f"; filename="x.bin"\r\nContent-Type: image/png\r\n\r\nP\r\n'
    b"--XX--\r\n"
)
_, resp = app.test_client.post(
    "/r?x=1&x=2",
    content=body,
    headers={
        "content-type": "multipart/form-data; boundary=XX",
        "authorization": "Basic dXNlcjpwYXNz",
        "accept": "text/html;q=0.9, application/json",
        "cookie": "c=1; d=2",
        "x-dup": "1",
    },
)
for k, v in seen.items():
    out.append(f"seen {k}: {v}")
rec(out, "current after", lambda: Request.get_current())

for header in [
    "text/html;level=1;q=0.5, application/json, */*;q=0.1",
    "",
    "text/*;q=0.3, text/html;q=0.7",
    "*/*",
    "a/b;c=d",
]:
    acc = parse_accept(header)
    rec(out, f"acc {header!r} list", lambda: [str(m) for m in acc])
    rec(out, f"acc {header!r} repr", lambda: repr(acc))
    for m in acc:
        rec(
            out,
            f"acc {header!r} {m} attrs",
            lambda: sorted(a for a in vars(type(m)) if not a.startswith("_")),
        )
        rec(out, f"acc {header!r} {m} key", lambda: getattr(m, "key", "NOKEY"))
        rec(out, f"acc {header!r} {m} hash", lambda: hash(m) == hash(str(m)))
        rec(out, f"acc {header!r} {m} eq str", lambda: m == str(m))
        rec(out, f"acc {header!r} {m} eq mime", lambda: m == m.mime)
        rec(out, f"acc {header!r} {m} match self", lambda: repr(m.match(m)))
        rec(out, f"acc {header!r} {m} match */*", lambda: repr(m.match("*/*")))
        rec(
            out,
            f"acc {header!r} {m} match text/html;level=1",
            lambda: repr(m.match("text/html;level=1")),
        )
    for args in [
        ("text/html",),
        ("application/json", "text/html"),
        ("*/*",),
        ("text/plain",),
        ("image/png",),
        (),
    ]:
        rec(out, f"acc {header!r} match {args}", lambda: repr(acc.match(*args)))
        rec(out, f"acc {header!r} match {args} bool", lambda: bool(acc.match(*args)))
        rec(out, f"acc {header!r} match {args} header", lambda: repr(acc.match(*args).header))
        rec(
            out,
            f"acc {header!r} match {args} eq",
            lambda: acc.match(*args) == (args[0] if args else ""),
        )
        rec(out, f"acc {header!r} match {args} str", lambda: str(acc.match(*args)))
    rec(out, f"acc {header!r} in", lambda: ("text/html" in acc, "application/json" in acc))
    rec(out, f"acc {header!r} index", lambda: acc[0] if acc else None)

print("\n".join(out))
