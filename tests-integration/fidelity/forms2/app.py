"""Request bodies, forms and uploads in depth: routes echo what a handler reads (sanic-diff)."""

import json as _json

from sanic import Sanic
from sanic.response import json

app = Sanic("Forms2")
app.config.REQUEST_MAX_SIZE = 200_000


def safe(fn):
    try:
        value = fn()
    except Exception as exc:  # the error type is part of the behaviour
        return f"<{type(exc).__name__}: {exc}>"
    return norm(value)


def norm(value):
    if isinstance(value, bytes):
        if len(value) > 200:
            return f"b[{len(value)}]:" + value[:40].decode("latin-1") + "..." + value[-40:].decode("latin-1")
        return "b:" + value.decode("latin-1")
    if isinstance(value, str) and len(value) > 200:
        return f"s[{len(value)}]:" + value[:40] + "..." + value[-40:]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        items = list(value.items())
        out = {str(k): norm(v) for k, v in items[:20]}
        if len(items) > 20:
            out["..."] = f"{len(items)} keys"
        return out
    if isinstance(value, (list, tuple)):
        out = [norm(v) for v in value[:20]]
        if len(value) > 20:
            out.append(f"... {len(value)} items")
        return out
    return f"{type(value).__name__}:{value!r}"


def filedump(f):
    return {"name": f.name, "type": f.type, "body": norm(f.body), "cls": type(f).__name__}


def formdump(request):
    out = {}
    out["content_type"] = safe(lambda: request.content_type)
    out["form"] = safe(lambda: None if request.form is None else dict(request.form))
    out["form.type"] = safe(lambda: type(request.form).__name__)
    out["form.len"] = safe(lambda: len(request.form))
    out["form.get a"] = safe(lambda: request.form.get("a"))
    out["form.getlist a"] = safe(lambda: request.form.getlist("a"))
    out["form.get zz dflt"] = safe(lambda: request.form.get("zz", "d"))
    out["files"] = safe(
        lambda: None
        if request.files is None
        else {k: [filedump(f) for f in v[:5]] + [len(v)] for k, v in list(request.files.items())[:10]}
    )
    out["files.len"] = safe(lambda: len(request.files))
    out["files.get f"] = safe(lambda: filedump(request.files.get("f")) if request.files.get("f") else None)
    out["files.getlist f"] = safe(lambda: len(request.files.getlist("f")))
    out["get_form kb"] = safe(lambda: dict(request.get_form(keep_blank_values=True) or {}))
    out["form after"] = safe(lambda: None if request.form is None else dict(request.form))
    out["body"] = safe(lambda: request.body)
    return out


FORM_METHODS = ["POST", "PUT", "PATCH", "GET", "DELETE", "OPTIONS"]


@app.route("/form", methods=FORM_METHODS)
async def form(request):
    return json(formdump(request))


@app.route("/kbfirst", methods=["POST"])
async def kbfirst(request):
    first = safe(lambda: dict(request.get_form(keep_blank_values=True) or {}))
    first_files = safe(lambda: None if request.files is None else sorted(request.files))
    return json({"first": first, "first_files": first_files, "then": formdump(request)})


@app.route("/count", methods=["POST"])
async def count(request):
    f = request.form
    fl = request.files
    return json(
        {
            "fields": safe(lambda: sum(len(v) for v in f.values())),
            "keys": safe(lambda: len(f)),
            "files": safe(lambda: sum(len(v) for v in fl.values())),
            "first": safe(lambda: list(f.items())[:2]),
            "last": safe(lambda: list(f.items())[-2:]),
            "bodylen": len(request.body),
        }
    )


@app.route("/stream", methods=["POST", "PUT"], stream=True)
async def stream(request):
    before = safe(lambda: request.body)
    await request.receive_body()
    return json({"before": before, **formdump(request)})


@app.route("/stream_read", methods=["POST"], stream=True)
async def stream_read(request):
    chunks = []
    while True:
        c = await request.stream.read()
        if c is None:
            break
        chunks.append(c)
    return json({"chunks": len(chunks) > 0, **formdump(request)})


@app.route("/stream_noread", methods=["POST"], stream=True)
async def stream_noread(request):
    return json(formdump(request))


def jsondump(request):
    return {
        "json": safe(lambda: request.json),
        "body": safe(lambda: request.body),
        "content_type": safe(lambda: request.content_type),
    }


@app.route("/json", methods=FORM_METHODS)
async def jsonr(request):
    return json(jsondump(request))


@app.route("/load_json", methods=["POST"])
async def load_json(request):
    return json(
        {
            "default": safe(lambda: request.load_json()),
            "custom": safe(lambda: request.load_json(loads=lambda s: ["x", type(s).__name__, s])),
            "raising": safe(lambda: request.load_json(loads=_json.loads)),
            "json after": safe(lambda: request.json),
        }
    )


@app.route("/json_raw", methods=["POST"])
async def json_raw(request):
    # what a handler that lets the BadRequest escape answers
    return json({"json": request.json})


@app.route("/form_raw", methods=["POST"])
async def form_raw(request):
    return json({"form": dict(request.form), "files": sorted(request.files)})


@app.route("/stream_form_first", methods=["POST"], stream=True)
async def stream_form_first(request):
    first = {"form": safe(lambda: dict(request.form)), "files": safe(lambda: dict(request.files))}
    await request.receive_body()
    second = safe(lambda: request.receive_body)
    return json({"first": first, "rb": second is not None, **formdump(request)})


@app.route("/stream_twice", methods=["POST"], stream=True)
async def stream_twice(request):
    await request.receive_body()
    one = request.body
    await request.receive_body()
    return json({"same": one == request.body, **formdump(request)})


@app.route("/stream_json", methods=["POST"], stream=True)
async def stream_json(request):
    before = safe(lambda: request.json)
    await request.receive_body()
    return json({"before": before, "after": safe(lambda: request.json), "load": safe(lambda: request.load_json())})
