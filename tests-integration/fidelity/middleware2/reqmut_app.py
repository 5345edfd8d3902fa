"""Request middleware that changes the request before the handler reads it: fields,
body, query, cookies; and reading parsed parts in middleware first (sanic-diff app).
?do=a,b picks the changes; the handler answers what it sees.
Run: python3 diffrun.py reqmut_app.py reqmut.http
"""

from sanic import Sanic
from sanic.response import json

app = Sanic("MwReqMut")


def safe(fn):
    try:
        return fn()
    except Exception as exc:  # the error is the fact
        return f"{type(exc).__name__}: {exc}"


@app.on_request
async def change(request):
    for do in request.args.get("do", "").split(","):
        if do == "auth":
            request.headers["authorization"] = "Bearer from-mw"
        elif do == "ctype":
            request.headers["content-type"] = "application/json"
        elif do == "add":
            request.headers.add("x-added", "1")
            request.headers.add("x-added", "2")
        elif do == "del-ua":
            del request.headers["user-agent"]
        elif do == "body":
            request.body = b'{"from": "middleware"}'
        elif do == "read-json":
            request.ctx.json_in_mw = safe(lambda: request.json)
        elif do == "read-form":
            request.ctx.form_in_mw = safe(lambda: dict(request.form))
        elif do == "read-args-then-set":
            request.ctx.args_in_mw = dict(request.args)
            request.args["added"] = ["yes"]
        elif do == "set-args":
            request.args["added"] = ["yes"]
        elif do == "cookies":
            request.ctx.cookies_in_mw = dict(request.cookies)
            request.cookies["added"] = "yes"
        elif do == "query-string":
            request.ctx.qs = safe(lambda: setattr(request, "query_string", "a=1") or "set")


@app.route("/see", methods=["GET", "POST"])
async def see(request):
    return json(
        {
            "token": safe(lambda: request.token),
            "auth": request.headers.get("authorization"),
            "ctype": request.content_type,
            "added": request.headers.getall("x-added", []),
            "ua": request.headers.get("user-agent"),
            "json": safe(lambda: request.json),
            "form": safe(lambda: dict(request.form)),
            "body": request.body.decode(errors="replace"),
            "args": sorted(request.args.items()),
            "query_args": request.query_args,
            "cookies": sorted(request.cookies.items()),
            "ctx": {k: str(v) for k, v in sorted(vars(request.ctx).items())},
        }
    )
