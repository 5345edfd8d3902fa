"""request.json validation by hand: check content type, required keys and types,
answer 400/422 with a JSON error list; query arg parsing with request.args.get and
int() conversion; a typed route parameter (pattern origin:
https://tessl.io/registry/tessl/pypi-sanic/files/docs/request-response.md ,
https://github.lovairy.cn/felciano/sanic/blob/master/docs/request_data.md ).
"""

from sanic import Sanic
from sanic.exceptions import BadRequest
from sanic.response import json

app = Sanic("TutValidate")
SCHEMA = {"name": str, "age": int, "tags": list}


def validate(payload):
    errors = []
    if not isinstance(payload, dict):
        return ["body must be an object"]
    for key, typ in SCHEMA.items():
        if key not in payload:
            errors.append(f"{key}: required")
        elif not isinstance(payload[key], typ) or isinstance(payload[key], bool):
            errors.append(f"{key}: expected {typ.__name__}")
    return errors


@app.post("/people")
async def create(request):
    if request.content_type.split(";")[0] != "application/json":
        raise BadRequest("expected application/json")
    errors = validate(request.json)
    if errors:
        return json({"errors": errors}, status=422)
    return json({"ok": True, "person": request.json}, status=201)


@app.get("/people")
async def search(request):
    try:
        limit = int(request.args.get("limit", "10"))
    except ValueError:
        return json({"errors": ["limit: not an integer"]}, status=400)
    return json(
        {
            "limit": limit,
            "q": request.args.get("q"),
            "sort": request.args.getlist("sort"),
            "raw": request.query_args,
        }
    )


@app.get("/people/<pid:int>/score/<score:float>")
async def score(request, pid: int, score: float):
    return json({"pid": pid, "score": score})
