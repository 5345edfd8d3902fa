"""Request API in-process, third part: caches, parsed_* attributes, body rewrites, conn ctx."""
# ruff: noqa: B023 (each lambda runs at once, inside its own loop step)

import logging

logging.disable(logging.CRITICAL)

from common import safe  # noqa: E402

from sanic import Sanic  # noqa: E402
from sanic.response import json  # noqa: E402

out = []


app = Sanic("R2c")
PARSED = [
    "parsed_json",
    "parsed_form",
    "parsed_files",
    "parsed_args",
    "parsed_not_grouped_args",
    "parsed_credentials",
    "parsed_token",
    "parsed_accept",
    "parsed_forwarded",
    "parsed_cookies",
    "body",
    "raw_headers",
    "request_middleware_started",
    "_name",
]


@app.on_request
async def rewrite(request):
    if request.path == "/rewrite":
        request.body = b'{"rewritten": true}'
    if request.path == "/rewrite_form":
        request.body = b"x=1&y=2"
    if request.path == "/hdrmut":
        request.headers["x-added"] = "1"
        request.headers.add("x-added", "2")


@app.route("/rewrite", methods=["POST"])
async def rw(request):
    return json({"json": safe(lambda: request.json), "body": safe(lambda: request.body)})


@app.route("/rewrite_form", methods=["POST"])
async def rwf(request):
    return json({"form": safe(lambda: dict(request.form)), "ct": request.content_type})


@app.get("/hdrmut")
async def hm(request):
    return json({"getall": safe(lambda: request.headers.getall("x-added"))})


@app.route("/cache", methods=["POST"])
async def cache(request):
    res = {}
    for name in PARSED:
        res["before " + name] = safe(lambda: getattr(request, name))
    res["args is get_args()"] = safe(lambda: request.args is request.get_args())
    res["get_args(True) is get_args(True)"] = safe(
        lambda: request.get_args(True) is request.get_args(True)
    )
    res["query_args is get_query_args()"] = safe(
        lambda: request.query_args is request.get_query_args()
    )
    res["query_args == ..."] = safe(lambda: request.query_args == request.get_query_args())
    res["form is get_form()"] = safe(lambda: request.form is request.get_form())
    res["get_form(True) is form"] = safe(
        lambda: request.get_form(keep_blank_values=True) is request.form
    )
    res["json twice"] = safe(lambda: request.json is request.json)
    res["load_json is json"] = safe(lambda: request.load_json() is request.json)
    res["cred twice"] = safe(lambda: request.credentials is request.credentials)
    res["accept twice"] = safe(lambda: request.accept is request.accept)
    res["id twice"] = safe(lambda: request.id == request.id)
    res["cookies twice"] = safe(lambda: request.cookies is request.cookies)
    for name in PARSED:
        res["after " + name] = safe(lambda: getattr(request, name))
    request.parsed_json = {"set": 1}
    res["json after set parsed_json"] = safe(lambda: request.json)
    try:
        request.args["new"] = ["v"]
    except BaseException as exc:
        res["args set"] = repr(exc)
    res["args after set"] = safe(lambda: dict(request.args))
    res["get_args after set"] = safe(lambda: dict(request.get_args()))
    return json(res)


@app.route("/bodyapi", methods=["POST"])
async def bodyapi(request):
    res = {}
    for meth in ("body_init", "body_finish"):
        res[meth] = safe(lambda: getattr(request, meth)())
    res["body_push"] = safe(lambda: request.body_push(b"zz"))
    res["body"] = safe(lambda: request.body)
    return json(res)


@app.get("/conn")
async def conn(request):
    ctx = request.conn_info.ctx
    ctx.n = getattr(ctx, "n", 0) + 1
    return json({"n": ctx.n, "rid_same": safe(lambda: request.conn_info is request.conn_info)})


mp = (
    b'--XX\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n'
    b'--XX\r\nContent-Disposition: form-data; name="f"; filename="x.bin"\r\n\r\nP\r\n--XX--\r\n'
)
cases = [
    ("/rewrite", {"content": b"{bad"}),
    (
        "/rewrite_form",
        {"content": b"", "headers": {"content-type": "application/x-www-form-urlencoded"}},
    ),
    (
        "/cache?a=1&b=",
        {
            "content": b"k=1&e=",
            "headers": {
                "content-type": "application/x-www-form-urlencoded",
                "authorization": "Bearer t",
                "cookie": "c=1",
            },
        },
    ),
    (
        "/cache?a=1",
        {"content": mp, "headers": {"content-type": "multipart/form-data; boundary=XX"}},
    ),
    ("/cache", {"content": b'{"j": 1}', "headers": {"content-type": "application/json"}}),
    ("/bodyapi", {"content": b"abc"}),
]
for path, kw in cases:
    _, resp = app.test_client.post(path, **kw)
    out.append(f"{path}: {resp.status}")
    if resp.status == 200:
        for k, v in resp.json.items():
            out.append(f"  {k}: {v}")
    else:
        out.append("  " + resp.text[:300])
_, resp = app.test_client.get("/hdrmut")
out.append(f"hdrmut: {resp.status} {resp.text[:200]}")

print("\n".join(out))
