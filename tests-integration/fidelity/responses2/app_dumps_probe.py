"""Sanic(dumps=...) across several apps in one process, and the JSON error page's encoder
(run under both interpreters and diff)."""

import json
import logging
import warnings

from sanic import Sanic
from sanic.exceptions import NotFound
from sanic.response import JSONResponse
from sanic.response import json as json_response

logging.disable(logging.CRITICAL)
warnings.simplefilter("ignore")


def a_dumps(o, **kw):
    return "A" + json.dumps(o, **kw)


def b_dumps(o, **kw):
    return "B" + json.dumps(o, **kw)


print("before", json_response({"x": 1}).body)
a = Sanic("appA", dumps=a_dumps)
print("after A", json_response({"x": 1}).body, JSONResponse([1]).body)
b = Sanic("appB", dumps=b_dumps)
print("after B", json_response({"x": 1}).body)
c = Sanic("appC")
print("after C (no dumps)", json_response({"x": 1}).body)
print("loads", getattr(c, "loads", None) is not None)


@a.get("/")
async def h(request):
    return json_response({"route": "a"})


@a.get("/e")
async def e(request):
    raise NotFound("nope", context={"c": 1})


_, r = a.test_client.get("/")
print("served A", r.body)
_, r = a.test_client.get("/e", headers={"accept": "application/json"})
print("error page A", r.status, r.body)
