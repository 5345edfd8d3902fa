"""A JSON-RPC 2.0 endpoint (written for this round): single calls, batches, notifications
(no ``id``: no answer; a batch of only notifications answered by 204), positional and named
params, the spec's error objects (-32700 parse error, -32600 invalid request, -32601 unknown
method, -32602 bad params, -32603 internal), an application error raised as a
``SanicException`` subclass with ``context=``, methods registered by a decorator into a
dict, ``request.json`` errors caught, ``json(..., dumps=)`` with ``separators``, GET
refused with an ``Allow`` of its own, and a ``content-type`` check."""

import json as stdjson
from functools import partial

from sanic import Sanic
from sanic.exceptions import BadRequest, SanicException
from sanic.response import empty, json

app = Sanic("jsonrpc")
METHODS = {}
compact = partial(stdjson.dumps, separators=(",", ":"))


class RpcError(SanicException):
    status_code = 200
    quiet = True


def method(name):
    def register(fn):
        METHODS[name] = fn
        return fn
    return register


@method("add")
async def add(a, b):
    return a + b


@method("echo")
async def echo(**kw):
    return kw


@method("div")
async def div(a, b):
    if b == 0:
        raise RpcError("division by zero", context={"code": -32000, "data": {"a": a}})
    return a / b


@method("boom")
async def boom():
    raise KeyError("internal")


def _error(code, message, id_=None, data=None):
    err = {"code": code, "message": message}
    if data is not None:
        err["data"] = data
    return {"jsonrpc": "2.0", "error": err, "id": id_}


async def _call(obj):
    if not isinstance(obj, dict) or obj.get("jsonrpc") != "2.0" or not isinstance(
        obj.get("method"), str
    ):
        return _error(-32600, "Invalid Request")
    is_note = "id" not in obj
    fn = METHODS.get(obj["method"])
    if fn is None:
        return None if is_note else _error(-32601, "Method not found", obj.get("id"))
    params = obj.get("params", [])
    try:
        if isinstance(params, list):
            result = await fn(*params)
        elif isinstance(params, dict):
            result = await fn(**params)
        else:
            return _error(-32602, "Invalid params", obj.get("id"))
    except TypeError as exc:
        return None if is_note else _error(-32602, "Invalid params", obj.get("id"), str(exc))
    except RpcError as exc:
        return None if is_note else _error(exc.context["code"], str(exc), obj.get("id"),
                                           exc.context["data"])
    except Exception as exc:
        return None if is_note else _error(-32603, "Internal error", obj.get("id"), repr(exc))
    return None if is_note else {"jsonrpc": "2.0", "result": result, "id": obj["id"]}


@app.post("/rpc")
async def rpc(request):
    if request.content_type.split(";")[0] != "application/json":
        return json(_error(-32700, "Parse error", data="content-type"), status=415,
                    dumps=compact)
    try:
        payload = request.json
    except BadRequest:
        return json(_error(-32700, "Parse error"), dumps=compact)
    if isinstance(payload, list):
        if not payload:
            return json(_error(-32600, "Invalid Request"), dumps=compact)
        out = [r for r in [await _call(o) for o in payload] if r is not None]
        return json(out, dumps=compact) if out else empty()
    out = await _call(payload)
    return empty() if out is None else json(out, dumps=compact)


@app.get("/rpc")
async def rpc_get(request):
    return json({"error": "use POST"}, status=405, headers={"Allow": "POST"})


@app.get("/rpc/methods")
async def methods(request):
    return json(sorted(METHODS), dumps=compact, sort_keys=True)
