"""Statuses from http.HTTPStatus and responses changed after they are made (pattern
origin: REST tutorials returning `json(..., status=HTTPStatus.CREATED)` and raising
`SanicException(status_code=HTTPStatus.CONFLICT)`, insanic's `status.HTTP_200_OK`
constants, response middleware that rewrites bodies (JSON envelopes, trailing newlines)
or sets headers with int values, CSV download endpoints)."""

from http import HTTPStatus

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.response import empty, json, redirect, text

app = Sanic("TutMutate")


@app.on_response
async def envelope(request, response):
    if request.args.get("envelope") and response.content_type == "application/json":
        response.body = b'{"data":' + response.body + b"}"
    if request.args.get("newline"):
        response.body = (response.body or b"") + b"\n"
    if request.args.get("ctype"):
        response.content_type = "application/vnd.api+json"
    response.headers["X-Count"] = 3


@app.post("/items")
async def create(request):
    return json({"id": 1}, status=HTTPStatus.CREATED, headers={"X-Id": 1, "X-Float": 1.5})


@app.get("/conflict")
async def conflict(request):
    raise SanicException("already exists", status_code=HTTPStatus.CONFLICT)


@app.delete("/items/1")
async def delete(request):
    return empty(status=HTTPStatus.NO_CONTENT)


@app.get("/moved")
async def moved(request):
    return redirect("/items", status=HTTPStatus.MOVED_PERMANENTLY)


@app.get("/csv")
async def csv(request):
    return text(
        "a,b\n1,2\n",
        content_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="export.csv"'},
    )


@app.get("/status-after")
async def status_after(request):
    r = json({"x": 1})
    r.status = HTTPStatus.ACCEPTED
    r.headers["content-length"] = "999"
    return r


@app.get("/none-header")
async def none_header(request):
    return text("x", headers={"X-None": None})


@app.get("/bytes-header")
async def bytes_header(request):
    return text("x", headers={"X-Bytes": b"raw"})
