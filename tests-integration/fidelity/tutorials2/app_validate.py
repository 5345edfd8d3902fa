"""Validation without sanic-ext (pattern origin: a public `validate(model)` decorator doing
`params = model(**request.json)` and re-raising, santic-validation and sanic-pydantic
READMEs' `@webargs(query=..., body=...)`, rewritten with dataclasses): body and query
validated into dataclasses, errors as 400 with `extra`/`context`, typed query
conversion, list arguments, FALLBACK_ERROR_FORMAT json."""

import dataclasses
from functools import wraps

from sanic import Sanic
from sanic.exceptions import BadRequest
from sanic.response import json

app = Sanic("TutValidate2")
app.config.FALLBACK_ERROR_FORMAT = "json"


@dataclasses.dataclass
class UserIn:
    name: str
    age: int
    tags: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class Paging:
    page: int = 1
    per_page: int = 20


def webargs(body=None, query=None):
    def decorator(f):
        @wraps(f)
        async def wrapper(request, *args, **kwargs):
            if body is not None:
                payload = request.json
                if not isinstance(payload, dict):
                    raise BadRequest(
                        "Body must be a JSON object", context={"got": type(payload).__name__}
                    )
                try:
                    kwargs["body"] = body(**payload)
                except TypeError as e:
                    raise BadRequest(  # noqa: B904 - as the sample
                        "Invalid body", extra={"error": str(e)}, context={"fields": sorted(payload)}
                    )
                if not isinstance(kwargs["body"].age, int):
                    raise BadRequest("age must be an integer")
            if query is not None:
                raw = {k: v for k, v in request.args.items()}
                try:
                    kwargs["query"] = query(**{k: int(v[0]) for k, v in raw.items()})
                except (TypeError, ValueError) as e:
                    raise BadRequest(f"Invalid query: {e}")  # noqa: B904 - as the sample
            return await f(request, *args, **kwargs)

        return wrapper

    return decorator


@app.post("/users")
@webargs(body=UserIn)
async def create(request, body: UserIn):
    return json(dataclasses.asdict(body), status=201)


@app.get("/users")
@webargs(query=Paging)
async def listing(request, query: Paging):
    return json({"paging": dataclasses.asdict(query), "ids": request.args.getlist("id", [])})


@app.get("/search")
async def search(request):
    q = request.args.get("q", "").strip()
    if not q:
        raise BadRequest("q is required", quiet=True)
    return json(
        {"q": q, "all": request.get_args(keep_blank_values=True), "raw": request.query_string}
    )
