"""Request object in depth: each route echoes, as JSON, what the handler reads (sanic-diff)."""
# ruff: noqa: B023 (each lambda runs at once, inside its own loop step)

import json as _json

from sanic import Sanic
from sanic.response import json

app = Sanic("Request2", loads=lambda s: {"custom": _json.loads(s)})


def safe(fn):
    try:
        value = fn()
    except Exception as exc:  # the error type is part of the behaviour
        return f"<{type(exc).__name__}: {exc}>"
    return norm(value)


def norm(value):
    if isinstance(value, bytes):
        return "b:" + value.decode("latin-1")
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): norm(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [norm(v) for v in value]
    return f"{type(value).__name__}:{value!r}"


def argsdump(request):
    out = {}
    for kb in (False, True):
        for sp in (False, True):
            for enc, err in (
                ("utf-8", "replace"),
                ("latin-1", "strict"),
                ("utf-8", "strict"),
                ("ascii", "ignore"),
            ):
                key = f"kb={kb},sp={sp},{enc},{err}"
                out["a " + key] = safe(
                    lambda: dict(
                        request.get_args(
                            keep_blank_values=kb, strict_parsing=sp, encoding=enc, errors=err
                        )
                    )
                )
                out["q " + key] = safe(
                    lambda: request.get_query_args(
                        keep_blank_values=kb, strict_parsing=sp, encoding=enc, errors=err
                    )
                )
    out["args"] = safe(lambda: dict(request.args))
    out["args.type"] = type(request.args).__name__
    out["args.get"] = safe(lambda: request.args.get("a"))
    out["args.getlist"] = safe(lambda: request.args.getlist("a"))
    out["args.get default"] = safe(lambda: request.args.get("zz", "dflt"))
    out["args.getlist default"] = safe(lambda: request.args.getlist("zz", ["dflt"]))
    out["args.getlist none"] = safe(lambda: request.args.getlist("zz"))
    out["query_args"] = safe(lambda: request.query_args)
    out["query_string"] = safe(lambda: request.query_string)
    out["path"] = safe(lambda: request.path)
    out["raw_url"] = safe(lambda: request.raw_url)
    out["url"] = safe(lambda: request.url)
    return out


@app.route("/args", methods=["GET", "POST", "DELETE", "HEAD"])
async def args(request):
    return json(argsdump(request))


def formdump(request):
    out = {}
    out["content_type"] = safe(lambda: request.content_type)
    out["form"] = safe(lambda: dict(request.form) if request.form is not None else None)
    out["form.type"] = safe(lambda: type(request.form).__name__)
    out["form.get a"] = safe(lambda: request.form.get("a"))
    out["form.getlist a"] = safe(lambda: request.form.getlist("a"))
    out["get_form kb"] = safe(lambda: dict(request.get_form(keep_blank_values=True) or {}))
    out["get_form kb None?"] = safe(lambda: request.get_form(keep_blank_values=True) is None)
    out["form after get_form"] = safe(
        lambda: dict(request.form) if request.form is not None else None
    )
    out["files"] = safe(
        lambda: (
            {
                k: [[f.name, f.type, f.body.decode("latin-1")] for f in v]
                for k, v in (request.files or {}).items()
            }
            if request.files is not None
            else None
        )
    )
    out["files.get f"] = safe(lambda: repr(request.files.get("f")))
    out["body"] = safe(lambda: request.body)
    return out


@app.route("/form", methods=["POST", "PUT", "GET", "PATCH", "DELETE"])
async def form(request):
    return json(formdump(request))


@app.route("/form_kb", methods=["POST"])
async def form_kb(request):
    first = safe(lambda: dict(request.get_form(keep_blank_values=True) or {}))
    return json({"first": first, "then": formdump(request)})


@app.route("/json", methods=["POST", "GET", "PUT", "DELETE"])
async def jsonr(request):
    return json({"json": safe(lambda: request.json), "body": safe(lambda: request.body)})


@app.route("/load_json", methods=["POST"])
async def load_json(request):
    return json(
        {
            "default": safe(lambda: request.load_json()),
            "custom": safe(lambda: request.load_json(loads=lambda s: ["x", s])),
            "json after": safe(lambda: request.json),
        }
    )


@app.route("/body", methods=["GET", "HEAD", "DELETE", "OPTIONS", "POST"])
async def body(request):
    return json({"body": safe(lambda: request.body), "len": len(request.body)})


@app.get("/cred")
async def cred(request):
    c = request.credentials
    return json(
        {
            "credentials": safe(lambda: repr(c)),
            "auth_type": safe(lambda: c.auth_type if c else "NONE"),
            "token": safe(lambda: c.token if c else "NONE"),
            "username": safe(lambda: c.username if c else "NONE"),
            "password": safe(lambda: c.password if c else "NONE"),
            "request.token": safe(lambda: request.token),
        }
    )


@app.route("/info/<rest:path>", methods=["GET", "POST", "OPTIONS"], name="info_rest")
@app.route("/info", methods=["GET", "POST", "OPTIONS"])
async def info(request, rest=None):
    ci = request.conn_info
    return json(
        {
            "path": safe(lambda: request.path),
            "raw_url": safe(lambda: request.raw_url),
            "url": safe(lambda: request.url),
            "scheme": safe(lambda: request.scheme),
            "host": safe(lambda: request.host),
            "server_name": safe(lambda: request.server_name),
            "server_port": safe(lambda: request.server_port),
            "server_path": safe(lambda: request.server_path),
            "ip": safe(lambda: request.ip),
            "port.type": safe(lambda: type(request.port).__name__),
            "remote_addr": safe(lambda: request.remote_addr),
            "peername.type": safe(lambda: type(request.peername).__name__),
            "peername.0": safe(lambda: request.peername[0]),
            "socket.0": safe(lambda: request.socket[0]),
            "socket.type": safe(lambda: type(request.socket).__name__),
            "protocol.type": safe(lambda: type(request.protocol).__name__ != ""),
            "transport.none": safe(lambda: request.transport is None),
            "stream_id": safe(lambda: request.stream_id),
            "conn_info.type": safe(lambda: type(ci).__name__),
            "ci.client_ip": safe(lambda: ci.client_ip),
            "ci.client": safe(lambda: ci.client),
            "ci.server_port.type": safe(lambda: type(ci.server_port).__name__),
            "ci.client_port.type": safe(lambda: type(ci.client_port).__name__),
            "ci.ssl": safe(lambda: ci.ssl),
            "ci.sockname.0": safe(lambda: ci.sockname[0]),
            "ci.peername.0": safe(lambda: ci.peername[0]),
            "ci.network_paths": safe(lambda: ci.network_paths),
            "ci.cert": safe(lambda: ci.cert),
            "ci.server_name": safe(lambda: ci.server_name),
            "ci.ctx": safe(lambda: type(ci.ctx).__name__),
            "ci.lost": safe(lambda: ci.lost),
            "ci.attrs": sorted(a for a in dir(ci) if not a.startswith("__")),
            "content_type": safe(lambda: request.content_type),
            "match_info": safe(lambda: request.match_info),
            "version": safe(lambda: request.version),
            "method": safe(lambda: request.method),
            "is_safe": safe(lambda: request.is_safe),
            "is_idempotent": safe(lambda: request.is_idempotent),
            "is_cacheable": safe(lambda: request.is_cacheable),
            "ctx": safe(lambda: repr(request.ctx)),
            "app": safe(lambda: request.app.name),
            "head": safe(lambda: request.head),
            "request_line": safe(lambda: request.request_line),
            "name": safe(lambda: request.name),
            "endpoint": safe(lambda: request.endpoint),
            "uri_template": safe(lambda: request.uri_template),
            "route.path": safe(lambda: request.route.path),
        }
    )


@app.get("/hdr")
async def hdr(request):
    h = request.headers
    return json(
        {
            "type": type(h).__name__,
            "getone x": safe(lambda: h.getone("x")),
            "getone missing": safe(lambda: h.getone("missing")),
            "getone missing default": safe(lambda: h.getone("missing", "d")),
            "getall x": safe(lambda: h.getall("x")),
            "getall missing": safe(lambda: h.getall("missing")),
            "getall missing default": safe(lambda: h.getall("missing", ["d"])),
            "get x": safe(lambda: h.get("x")),
            "get X": safe(lambda: h.get("X")),
            "get missing": safe(lambda: h.get("missing", "d")),
            "[x]": safe(lambda: h["x"]),
            "[missing]": safe(lambda: h["missing"]),
            "items": safe(lambda: list(h.items())),
            "keys": safe(lambda: list(h.keys())),
            "values": safe(lambda: list(h.values())),
            "len": safe(lambda: len(h)),
            "in X": safe(lambda: "X" in h),
            "dict": safe(lambda: dict(h)),
            "popall": safe(lambda: h.popall("missing", "d")),
            "get_all": safe(lambda: h.get_all("x")),
            "getone x-empty": safe(lambda: h.getone("x-empty")),
        }
    )


@app.get("/accept")
async def accept(request):
    acc = request.accept
    return json(
        {
            "repr": safe(lambda: repr(acc)),
            "str": safe(lambda: str(acc)),
            "items": [
                {
                    "str": safe(lambda m=m: str(m)),
                    "repr": safe(lambda m=m: repr(m)),
                    "mime": safe(lambda m=m: m.mime),
                    "type": safe(lambda m=m: m.type),
                    "subtype": safe(lambda m=m: m.subtype),
                    "params": safe(lambda m=m: m.params),
                    "q": safe(lambda m=m: m.q),
                    "has_wildcard": safe(lambda m=m: m.has_wildcard),
                    "is_wildcard": safe(lambda m=m: m.is_wildcard),
                    "eq json": safe(lambda m=m: m == "application/json"),
                    "match json": safe(lambda m=m: repr(m.match("application/json"))),
                    "match text/*": safe(lambda m=m: repr(m.match("text/*"))),
                }
                for m in acc
            ],
            "match": safe(lambda: repr(acc.match("application/json", "text/html"))),
            "match none": safe(lambda: repr(acc.match("image/png"))),
            "match accept_wildcards": safe(
                lambda: repr(acc.match("image/png", accept_wildcards=False))
            ),
            "match no args": safe(lambda: repr(acc.match())),
            "match mime": safe(lambda: acc.match("text/html", "application/json").mime),
            "match header": safe(lambda: repr(acc.match("text/html", "application/json").header)),
            "in": safe(lambda: "text/html" in acc),
        }
    )


@app.get("/id")
async def rid(request):
    return json({"id": safe(lambda: str(request.id)), "type": type(request.id).__name__})


@app.get("/conn")
async def conn(request):
    ctx = request.conn_info.ctx
    ctx.n = getattr(ctx, "n", 0) + 1
    return json({"n": ctx.n, "id_is_uuid": type(request.id).__name__})
