"""Request attributes echoed as JSON: what the server understood of each request."""

from sanic import Sanic
from sanic.response import json

app = Sanic("FidelityRequest")


def safe(fn):
    try:
        value = fn()
    except Exception as exc:  # the error type is part of the behaviour
        return f"<{type(exc).__name__}>"
    if isinstance(value, bytes):
        return value.decode("latin-1")
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): safe(lambda v=v: v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [safe(lambda v=v: v) for v in value]
    return repr(value)


def basics(request):
    return {
        "method": safe(lambda: request.method),
        "path": safe(lambda: request.path),
        "raw_url": safe(lambda: request.raw_url),
        "query_string": safe(lambda: request.query_string),
        "args": safe(lambda: dict(request.args)),
        "args_get": safe(lambda: request.args.get("a")),
        "args_getlist": safe(lambda: request.args.getlist("a")),
        "query_args": safe(lambda: request.query_args),
        "get_args_blank": safe(lambda: dict(request.get_args(keep_blank_values=True))),
        "get_query_args_blank": safe(lambda: request.get_query_args(keep_blank_values=True)),
        "content_type": safe(lambda: request.content_type),
        "version": safe(lambda: request.version),
        "scheme": safe(lambda: request.scheme),
        "host": safe(lambda: request.host),
        "server_name": safe(lambda: request.server_name),
        "server_port": safe(lambda: request.server_port),
        "server_path": safe(lambda: request.server_path),
        "url": safe(lambda: request.url),
        "ip": safe(lambda: request.ip),
        "remote_addr": safe(lambda: request.remote_addr),
        "client_ip": safe(lambda: request.client_ip),
        "forwarded": safe(lambda: dict(request.forwarded)),
        "token": safe(lambda: request.token),
        "cookies": safe(lambda: dict(request.cookies)),
        "cookie_get": safe(lambda: request.cookies.get("a")),
        "cookie_getlist": safe(lambda: request.cookies.getlist("a")),
        "match_info": safe(lambda: request.match_info),
        "endpoint": safe(lambda: request.endpoint),
        "uri_template": safe(lambda: request.uri_template),
        "name": safe(lambda: request.name),
        "route_name": safe(lambda: request.route.name if request.route else None),
        "accept": safe(lambda: [str(m) for m in request.accept]),
        "id_type": safe(lambda: type(request.id).__name__),
        "headers_get_host": safe(lambda: request.headers.get("host")),
        "headers_getall_x": safe(lambda: request.headers.getall("x-multi", [])),
        "is_safe": safe(lambda: request.is_safe),
        "is_idempotent": safe(lambda: request.is_idempotent),
        "is_cacheable": safe(lambda: request.is_cacheable),
        "credentials": safe(lambda: request.credentials and (
            request.credentials.auth_type, request.credentials.token,
            request.credentials.username, request.credentials.password)),
    }


@app.route("/echo", methods=["GET", "POST", "PUT", "DELETE", "PATCH"])
async def echo(request):
    return json(basics(request))


@app.route("/echo/<name>/<num:int>", methods=["GET", "POST"], name="echo_params")
async def echo_params(request, name: str, num: int):
    data = basics(request)
    data["url_for"] = safe(lambda: request.app.url_for("echo_params", name="x y", num=3, q="a b"))
    data["url_for_external"] = safe(
        lambda: request.app.url_for("echo_params", name="n", num=1, _external=True)
    )
    data["request_url_for"] = safe(lambda: request.url_for("echo_params", name="z", num=9))
    return json(data)


@app.post("/body")
async def body(request):
    return json(
        {
            "content_type": safe(lambda: request.content_type),
            "body": safe(lambda: request.body),
            "json": safe(lambda: request.json),
            "form": safe(lambda: {k: request.form.getlist(k) for k in request.form}),
            "form_get": safe(lambda: request.form.get("a")),
            "files": safe(
                lambda: {
                    k: [(f.name, f.type, f.body.decode("latin-1")) for f in request.files.getlist(k)]
                    for k in request.files
                }
            ),
            "files_get": safe(lambda: request.files.get("f") and request.files.get("f").name),
        }
    )


@app.get("/id")
async def req_id(request):
    return json({"id": str(request.id)})
