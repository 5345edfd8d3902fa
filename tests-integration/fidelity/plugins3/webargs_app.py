"""webargs-sanic 3.0.0 (webargs 8.7, marshmallow 4): ``use_args``/``use_kwargs`` from the
query, JSON, form, JSON-or-form, headers, cookies, the path (``match_info``) and files;
validation errors as its 422 ``SanicException`` carrying a dict message (Sanic's error
pages, then an exception handler reading ``exc.data``), invalid JSON (400), views and
blueprints."""

from marshmallow import Schema, validate
from webargs import fields
from webargs_sanic.sanicparser import HandleValidationError, parser, use_args, use_kwargs

from sanic import Blueprint, Sanic, response
from sanic.views import HTTPMethodView

app = Sanic("webargs_app")
bp = Blueprint("wa", url_prefix="/bp")


class Person(Schema):
    name = fields.Str(required=True, validate=validate.Length(min=2))
    age = fields.Int(load_default=18, validate=validate.Range(min=0))
    tags = fields.List(fields.Str(), load_default=list)


@app.get("/query")
@use_args({"q": fields.Str(required=True), "n": fields.Int(load_default=1),
           "ids": fields.DelimitedList(fields.Int())}, location="query")
async def query(request, args):
    return response.json(args)


@app.get("/multi")
@use_args({"v": fields.List(fields.Str())}, location="query")
async def multi(request, args):
    return response.json(args)


@app.post("/json")
@use_args(Person(), location="json")
async def as_json(request, args):
    return response.json(args)


@app.post("/form")
@use_kwargs({"name": fields.Str(required=True), "agree": fields.Bool()}, location="form")
async def as_form(request, name, agree=None):
    return response.json({"name": name, "agree": agree})


@app.post("/either")
@use_args({"name": fields.Str(required=True)}, location="json_or_form")
async def either(request, args):
    return response.json(args)


@app.get("/headers")
@use_args({"x_token": fields.Str(data_key="X-Token", required=True),
           "accept": fields.Str(data_key="Accept")}, location="headers", unknown=None)
async def headers(request, args):
    return response.json(args)


@app.get("/cookies")
@use_args({"sid": fields.Str(required=True)}, location="cookies")
async def cookies(request, args):
    return response.json(args)


@app.get("/path/<user_id:int>/<slug>")
@use_args({"user_id": fields.Int(validate=validate.Range(max=100)), "slug": fields.Str()},
          location="path")
async def path(request, args, user_id, slug):
    return response.json({"args": args, "kw": [user_id, slug]})


@app.post("/files")
@use_args({"doc": fields.Raw(required=True)}, location="files")
async def files(request, args):
    doc = args["doc"]
    return response.json({"name": doc.name, "type": doc.type, "size": len(doc.body)})


@app.post("/status")
@use_args({"n": fields.Int(required=True)}, location="json", error_status_code=409,
          error_headers={"X-Why": "bad n"})
async def status(request, args):
    return response.json(args)


@app.get("/parse")
async def parse_inside(request):
    args = await parser.parse({"a": fields.Int(required=True)}, request, location="query")
    return response.json(args)


class PersonView(HTTPMethodView):
    @use_args(Person(), location="json")
    async def post(self, request, args):
        return response.json({"view": args}, status=201)

    @use_kwargs({"limit": fields.Int(load_default=10)}, location="query")
    async def get(self, request, limit):
        return response.json({"limit": limit})


app.add_route(PersonView.as_view(), "/people")


@bp.post("/handled")
@use_args(Person(), location="json")
async def handled(request, args):
    return response.json(args)


@bp.exception(HandleValidationError)
async def on_invalid(request, exc):
    return response.json({"errors": exc.message, "status": exc.status_code,
                          "headers": exc.error_headers, "location": sorted(exc.data)}, status=exc.status_code)


app.blueprint(bp)
