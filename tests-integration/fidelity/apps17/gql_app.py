"""A GraphQL-shaped JSON endpoint (written for this round): one ``POST /graphql`` taking
``{"query", "variables", "operationName"}`` (and ``GET`` with the query in ``request.args``),
a tiny hand-written resolver for ``{ field(arg: $var) { ... } }`` shapes, errors reported
GraphQL-style (200 with ``errors``) for query mistakes and as HTTP errors for transport
mistakes (wrong content type: 415 by a ``SanicException`` subclass; a body that is not JSON:
400 with ``error_format="json"`` on the route), an ``@app.exception`` handler for a custom
``GraphQLError`` class, ``app.error_handler.add`` for ``ValueError``, a route with
``error_format="text"`` and one with ``"html"``, ``FALLBACK_ERROR_FORMAT = "auto"`` judged
by ``Accept``, ``request.json`` with a custom ``loads`` (``Sanic(loads=...)``) and
``json(..., default=str)`` for dates."""

import json as stdjson
import re
from datetime import date
from decimal import Decimal

from sanic import Sanic
from sanic.exceptions import BadRequest, SanicException
from sanic.response import json

app = Sanic("gql", loads=lambda s: stdjson.loads(s, parse_float=Decimal))
app.config.FALLBACK_ERROR_FORMAT = "auto"

BOOKS = [
    {"id": "1", "title": "Dune", "year": 1965, "price": Decimal("9.99"),
     "published": date(1965, 8, 1)},
    {"id": "2", "title": "Emma", "year": 1815, "price": Decimal("4.50"),
     "published": date(1815, 12, 23)},
]
FIELD = re.compile(r"^\s*(?:(query|mutation)\s*(\w+)?\s*(?:\([^)]*\))?\s*)?\{\s*(\w+)"
                   r"\s*(?:\(([^)]*)\))?\s*\{([^}]*)\}\s*\}\s*$")


class UnsupportedMediaType(SanicException):
    status_code = 415
    quiet = True


class GraphQLError(Exception):
    def __init__(self, message, path=None):
        super().__init__(message)
        self.path = path


@app.exception(GraphQLError)
async def graphql_error(request, exc):
    return json({"data": None, "errors": [{"message": str(exc), "path": exc.path}]},
                status=200)


def value_error(request, exc):
    return json({"errors": [{"message": f"bad value: {exc}"}]}, status=400)


app.error_handler.add(ValueError, value_error)


def resolve(query, variables):
    m = FIELD.match(query or "")
    if not m:
        raise GraphQLError("Syntax Error: could not parse query")
    op, _name, field, args, selection = m.groups()
    wanted = selection.split()
    argmap = {}
    for part in filter(None, (a.strip() for a in (args or "").split(","))):
        key, _, val = part.partition(":")
        val = val.strip()
        if val.startswith("$"):
            if val[1:] not in variables:
                raise GraphQLError(f"Variable {val} was not provided", path=[field])
            val = variables[val[1:]]
        else:
            val = stdjson.loads(val)
        argmap[key.strip()] = val
    if op == "mutation":
        if field != "setPrice":
            raise GraphQLError(f"Unknown mutation {field}", path=[field])
        book = next((b for b in BOOKS if b["id"] == str(argmap.get("id"))), None)
        if book is None:
            raise GraphQLError("No such book", path=[field])
        price = argmap.get("price")
        if not isinstance(price, (int, Decimal)) or price < 0:
            raise ValueError(f"price must be a non-negative number, not {price!r}")
        book["price"] = Decimal(price)
        return {field: {k: book[k] for k in wanted if k in book}}
    if field == "book":
        book = next((b for b in BOOKS if b["id"] == str(argmap.get("id"))), None)
        if book is None:
            return {field: None}
        rows = [book]
    elif field == "books":
        rows = [b for b in BOOKS if b["year"] >= int(argmap.get("since", 0))]
    else:
        raise GraphQLError(f'Cannot query field "{field}" on type "Query"', path=[field])
    for w in wanted:
        if w not in BOOKS[0]:
            raise GraphQLError(f'Cannot query field "{w}" on type "Book"', path=[field, w])
    out = [{k: b[k] for k in wanted} for b in rows]
    return {field: out[0] if field == "book" else out}


@app.route("/graphql", methods=["GET", "POST"], error_format="json")
async def graphql(request):
    if request.method == "GET":
        query = request.args.get("query")
        variables = stdjson.loads(request.args.get("variables", "{}"))
    else:
        ctype = request.content_type.split(";")[0].strip()
        if ctype == "application/graphql":
            query, variables = request.body.decode(), {}
        elif ctype != "application/json":
            raise UnsupportedMediaType(f"unsupported content type {ctype or '(none)'}")
        else:
            body = request.json
            if not isinstance(body, dict):
                raise BadRequest("expected a JSON object")
            query, variables = body.get("query"), body.get("variables") or {}
    if request.method == "GET" and (query or "").lstrip().startswith("mutation"):
        raise SanicException("mutations need POST", status_code=405,
                             headers={"Allow": "POST"})
    data = resolve(query, variables)
    return json({"data": data}, default=str)


@app.get("/schema", error_format="text")
async def schema(request):
    if request.args.get("fail"):
        raise SanicException("schema unavailable", status_code=503)
    return json({"types": ["Query", "Mutation", "Book"]})


@app.get("/playground", error_format="html")
async def playground(request):
    raise SanicException("playground disabled", status_code=403)


@app.get("/auto")
async def auto(request):
    raise BadRequest("auto format")
