"""Handlers returning the wrong thing (pattern origin: a validation decorator that
`return BadRequest({...})` instead of raising it, in a public repo's
`validate_data(validator_class, object_entry)`; yuanjie-ai/tql-Python
examples/sanic/upload.py and SnailZSJ/wswp request.py putting `request.files.keys()`
in json(); `request.json.get(...)` on a request without a body)."""

from functools import wraps

from sanic import BadRequest, Sanic, json
from sanic.response import text

app = Sanic("TutReturns")


def validate_data(entry: str):
    def decorator(f):
        @wraps(f)
        async def wrapper(request, *args, **kwargs):
            if not request.json.get(entry, None):
                return BadRequest({entry: "This key did not exist in the request body"})
            return await f(request, *args, **kwargs)

        return wrapper

    return decorator


@app.post("/items")
@validate_data("item")
async def items(request):
    return json({"ok": request.json["item"]})


@app.post("/files")
async def files(request):
    return json({"received": True, "file_names": request.files.keys()})


@app.get("/dict")
async def as_dict(request):
    return {"plain": "dict"}


@app.get("/none")
async def none(request):
    pass


@app.get("/str")
async def as_str(request):
    return "hello"


@app.get("/tuple")
async def as_tuple(request):
    return text("x"), 201


@app.get("/sync-none")
def sync_none(request):
    return None
