"""Request attributes as a handler sees them, over the ASGI client and the socket client."""

import asyncio
import sys

from _probe import exc_line, new_app

from sanic import Blueprint, Request, response


def attempt(fn):
    try:
        v = fn()
    except BaseException as e:
        return exc_line(e)
    if isinstance(v, (bytes, bytearray)):
        return repr(bytes(v))
    if isinstance(v, (str, int, float, bool, type(None))):
        return v
    if isinstance(v, (list, tuple)):
        return [attempt(lambda x=x: x) for x in v]
    if isinstance(v, dict):
        return {str(k): attempt(lambda x=x: x) for k, x in v.items()}
    return f"{type(v).__name__}: {v!s}" if "0x" not in str(v) else type(v).__name__


def facts(request, **kw):
    out = {
        "args": attempt(lambda: dict(request.args)),
        "args.get": attempt(lambda: request.args.get("a")),
        "args.getlist": attempt(lambda: request.args.getlist("a")),
        "get_args keep_blank": attempt(lambda: dict(request.get_args(keep_blank_values=True))),
        "get_args strict": attempt(lambda: dict(request.get_args(strict_parsing=True))),
        "query_args": attempt(lambda: request.query_args),
        "get_query_args blank": attempt(lambda: request.get_query_args(keep_blank_values=True)),
        "query_string": attempt(lambda: request.query_string),
        "path": attempt(lambda: request.path),
        "raw_url": attempt(lambda: request.raw_url),
        "url": attempt(lambda: request.url),
        "scheme": attempt(lambda: request.scheme),
        "host": attempt(lambda: request.host),
        "server_name": attempt(lambda: request.server_name),
        "server_port type": attempt(lambda: type(request.server_port).__name__),
        "server_path": attempt(lambda: request.server_path),
        "method": attempt(lambda: request.method),
        "version": attempt(lambda: request.version),
        "content_type": attempt(lambda: request.content_type),
        "route name": attempt(lambda: request.route.name if request.route else None),
        "route path": attempt(lambda: request.route.path if request.route else None),
        "name": attempt(lambda: request.name),
        "endpoint": attempt(lambda: request.endpoint),
        "uri_template": attempt(lambda: request.uri_template),
        # Order of match_info, request.head and request_line differ on purpose (README).
        "match_info": attempt(lambda: sorted(request.match_info.items())),
        "app name": attempt(lambda: request.app.name),
        "ctx type": attempt(lambda: type(request.ctx).__name__),
        "ctx vars": attempt(lambda: vars(request.ctx)),
        "id type": attempt(lambda: type(request.id).__name__),
        "get_current is request": attempt(lambda: Request.get_current() is request),
        "url_for": attempt(lambda: request.url_for("plain")),
        "url_for params": attempt(lambda: request.url_for("typed", n=3, x="y")),
        "url_for missing": attempt(lambda: request.url_for("nope")),
        "headers type": attempt(lambda: type(request.headers).__name__),
        "headers x-multi getall": attempt(lambda: request.headers.getall("x-multi", [])),
        "headers x-multi get": attempt(lambda: request.headers.get("x-multi")),
        "headers X-MULTI getone": attempt(lambda: request.headers.getone("X-MULTI", None)),
        "cookies": attempt(lambda: dict(request.cookies)),
        "cookies get": attempt(lambda: request.cookies.get("c1")),
        "cookies getlist": attempt(lambda: request.cookies.getlist("c1")),
        "token": attempt(lambda: request.token),
        "credentials": attempt(
            lambda: (
                (
                    request.credentials.auth_type,
                    request.credentials.token,
                    request.credentials.username,
                    request.credentials.password,
                )
                if request.credentials
                else None
            )
        ),
        "accept": attempt(lambda: [str(a) for a in request.accept]),
        "body": attempt(lambda: request.body),
        "json": attempt(lambda: request.json),
        "form": attempt(lambda: dict(request.form)),
        "form get": attempt(lambda: request.form.get("f")),
        "form getlist": attempt(lambda: request.form.getlist("f")),
        "files": attempt(
            lambda: {k: [(f.name, f.type, f.body) for f in v] for k, v in request.files.items()}
        ),
        "files get": attempt(
            lambda: (lambda f: (f.name, f.type, f.body) if f else None)(request.files.get("up"))
        ),
        "stream": attempt(lambda: request.stream is not None),
        "is_safe": attempt(lambda: request.is_safe),
        "is_idempotent": attempt(lambda: request.is_idempotent),
        "is_cacheable": attempt(lambda: request.is_cacheable),
        "protocol type": attempt(lambda: type(request.protocol).__name__),
        "transport": attempt(lambda: request.transport is not None),
        "socket": attempt(lambda: (type(request.socket).__name__, len(request.socket))),
        "ip": attempt(lambda: request.ip),
        "port type": attempt(lambda: type(request.port).__name__),
        "remote_addr": attempt(lambda: request.remote_addr),
        "client_ip": attempt(lambda: request.client_ip),
        "forwarded": attempt(lambda: dict(request.forwarded)),
        "conn_info type": attempt(
            lambda: type(request.conn_info).__name__ if request.conn_info else None
        ),
        "conn_info ctx": attempt(
            lambda: type(request.conn_info.ctx).__name__ if request.conn_info else None
        ),
        "conn_info ssl": attempt(lambda: request.conn_info.ssl if request.conn_info else None),
        "conn_info server_name": attempt(
            lambda: request.conn_info.server_name if request.conn_info else None
        ),
        "conn_info client type": attempt(
            lambda: type(request.conn_info.client).__name__ if request.conn_info else None
        ),
        "generate_id": attempt(lambda: type(Request.generate_id()).__name__),
        "respond attr": attempt(lambda: callable(request.respond)),
        "responded": attempt(lambda: request.responded),
        "kw": kw,
    }
    return out


def make_app(name):
    app = new_app(name)

    @app.route("/plain", methods=["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"])
    async def plain(request):
        return response.json(facts(request))

    @app.get("/typed/<n:int>/<x>")
    async def typed(request, n, x):
        return response.json(facts(request, n=n, x=x))

    bp = Blueprint("rbp", url_prefix="/bp", version=2)

    @bp.get("/<p:path>", name="deep")
    async def deep(request, p):
        return response.json(facts(request, p=p))

    app.blueprint(bp)
    return app


MULTIPART = (
    b'--BOUNDARY\r\nContent-Disposition: form-data; name="f"\r\n\r\nv\r\n'
    b'--BOUNDARY\r\nContent-Disposition: form-data; name="up"; filename="a.txt"\r\n'
    b"Content-Type: text/plain\r\n\r\nfile body\r\n--BOUNDARY--\r\n"
)

REQUESTS = [
    ("GET", "/plain?a=1&a=2&b=&c=%20x+y", {}),
    ("GET", "/plain?bad=%zz&x", {}),
    ("GET", "/typed/5/abc", {}),
    ("GET", "/v2/bp/one/two.txt", {}),
    ("POST", "/plain", {"json": {"k": [1, 2]}}),
    ("POST", "/plain", {"content": b"{bad json", "headers": {"content-type": "application/json"}}),
    ("POST", "/plain", {"content": b"not json at all", "headers": {"content-type": "text/plain"}}),
    ("POST", "/plain", {"data": {"f": ["1", "2"], "g": "x"}}),
    (
        "POST",
        "/plain",
        {
            "content": MULTIPART,
            "headers": {"content-type": "multipart/form-data; boundary=BOUNDARY"},
        },
    ),
    (
        "GET",
        "/plain",
        {
            "headers": {
                "x-multi": "1",
                "cookie": "c1=v1; c2=v2",
                "authorization": "Bearer tok123",
                "accept": "text/html;q=0.9, application/json",
            }
        },
    ),
    ("GET", "/plain", {"headers": {"authorization": "Basic dXNlcjpwYXNz"}}),
    ("GET", "/plain", {"headers": {"authorization": "Token abc"}}),
    ("GET", "/plain", {"headers": {"host": "example.org:8080"}}),
    ("DELETE", "/plain", {}),
    (
        "PATCH",
        "/plain",
        {"content": b"raw body", "headers": {"content-type": "application/octet-stream"}},
    ),
]


async def via_asgi(app, method, path, kw):
    _, r = await app.asgi_client.request(method, path, **kw)
    return r


for mode in ["asgi", "socket"]:
    print(f"==== {mode}")
    app = make_app(f"req{mode}")
    for method, path, kw in REQUESTS:
        try:
            if mode == "asgi":
                r = asyncio.run(via_asgi(app, method, path, kw))
            else:
                _, r = app.test_client.request(path, http_method=method.lower(), **kw)
        except BaseException as e:
            print(f"{method} {path}: {exc_line(e)}")
            continue
        print(f"{method} {path} {sorted(kw)}: {r.status}")
        if r.status != 200:
            print("   body:", r.body[:200])
            continue
        for k, v in r.json.items():
            if mode == "socket" and k in (
                "ip",
                "remote_addr",
                "client_ip",
                "url",
                "host",
                "server_name",
                "url_for",
                "url_for params",
                "socket",
            ):
                v = str(v).replace(str(r.url.port) if hasattr(r, "url") else "PORT", "PORT")
            print(f"   {k}: {v!r}")
sys.stdout.flush()
