"""Odd statuses returned by a handler, through the test client in debug mode: the 500
page names the error (run under both interpreters and diff)."""

import decimal
import enum
import logging
import warnings
from http import HTTPStatus

from sanic import Sanic
from sanic.response import HTTPResponse, json, text

logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")


class E(enum.IntEnum):
    A = 201


STATUSES = {
    "float": 200.0, "float5": 200.5, "bool": True, "enum": E.A, "hs": HTTPStatus.OK,
    "str": "abc", "str299": "299", "str200": "200", "neg": -5, "dec": decimal.Decimal(200),
    "none": None, "1000": 1000, "99": 99, "0": 0, "list": [200],
}
app = Sanic("statusdebug")
app.config.FALLBACK_ERROR_FORMAT = "json"


@app.get("/<how>/<k>")
async def h(request, how, k):
    s = STATUSES[k]
    if how == "hr":
        return HTTPResponse("x", status=s, headers={"X-A": "1"})
    if how == "plain":
        return HTTPResponse("x", status=s)
    if how == "json":
        return json({}, status=s)
    if how == "stream":
        r = await request.respond(status=s)
        await r.send("x")
        await r.eof()
        return None
    return text("x", status=s)


for how in ("plain", "hr", "json", "stream"):
    for k in STATUSES:
        try:
            _, r = app.test_client.get(f"/{how}/{k}", debug=True)
        except ValueError:
            print(how, k, "no response")
            continue
        body = r.json if r.status == 500 and r.content_type == "application/json" else r.body
        msg = body.get("message") if isinstance(body, dict) else body
        print(how, k, r.status, msg)
