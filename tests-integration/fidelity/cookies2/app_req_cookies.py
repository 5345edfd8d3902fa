"""sanic-diff app: what `request.cookies` gives for the Cookie fields of the request.

sanic-diff app_req_cookies.py req_cookies.http
"""

# ruff: noqa: B023  (each lambda is called at once, inside its loop turn)

from sanic import Sanic
from sanic.response import json, text

app = Sanic("Cookies2Req")


def attempt(fn):
    try:
        return fn()
    except Exception as e:
        return f"EXC {type(e).__name__}: {e}"


@app.get("/c")
async def cookies(request):
    c = request.cookies
    names = ["a", "b", "c", "x", "__Host-a", "__Secure-a", "A", "", " a", "é", "$Version"]
    out = {
        "type": type(c).__name__,
        "mro": [k.__name__ for k in type(c).__mro__],
        "dict": attempt(lambda: dict(c)),
        "keys": attempt(lambda: list(c.keys())),
        "iter": attempt(lambda: list(iter(c))),
        "items": attempt(lambda: [list(kv) for kv in c.items()]),
        "values": attempt(lambda: list(c.values())),
        "len": len(c),
        "bool": bool(c),
        "eq_dict": attempt(lambda: c == dict(c)),
        "repr": attempt(lambda: repr(c)),
        "headers_cookie": attempt(lambda: request.headers.getall("cookie")),
        "header_get": request.headers.get("cookie"),
    }
    for n in names:
        out[f"get {n!r}"] = attempt(lambda: c.get(n))
        out[f"get {n!r} default"] = attempt(lambda: c.get(n, "DFLT"))
        out[f"getlist {n!r}"] = attempt(lambda: c.getlist(n))
        out[f"getlist {n!r} default"] = attempt(lambda: c.getlist(n, ["DFLT"]))
        out[f"[] {n!r}"] = attempt(lambda: c[n])
        out[f"in {n!r}"] = n in c
        out[f"get {n!r} host"] = attempt(lambda: c.get(n, host_prefix=True))
        out[f"get {n!r} secure"] = attempt(lambda: c.get(n, secure_prefix=True))
        out[f"get {n!r} both"] = attempt(lambda: c.get(n, host_prefix=True, secure_prefix=True))
        out[f"getlist {n!r} host"] = attempt(lambda: c.getlist(n, host_prefix=True))
        out[f"getlist {n!r} secure"] = attempt(lambda: c.getlist(n, secure_prefix=True))
        out[f"get {n!r} dflt host"] = attempt(lambda: c.get(n, "D", host_prefix=True))
        out[f"getlist {n!r} dflt secure"] = attempt(lambda: c.getlist(n, ["D"], secure_prefix=True))
    out["get positional 3"] = attempt(lambda: c.get("a", None, True))
    out["getlist positional 3"] = attempt(lambda: c.getlist("a", None, True))
    out["get no args"] = attempt(lambda: c.get())
    out["get int"] = attempt(lambda: c.get(1))
    out["getlist None default"] = attempt(lambda: c.getlist("zz", None))
    return json(out)


@app.get("/n")
async def count(request):
    c = request.cookies
    return json(
        {
            "len": len(c),
            "first": c.get("k0"),
            "last": c.get(f"k{len(c) - 1}"),
            "total": sum(len(v) for v in c.values()),
        }
    )


@app.get("/raw")
async def raw(request):
    return text(repr(sorted((k, v) for k, v in request.cookies.items())))


@app.get("/m")
async def misc(request):
    c = request.cookies
    out = {
        "same object": request.cookies is c,
        "attr a": attempt(lambda: c.a),
        "attr a_b": attempt(lambda: c.a_b),
        "attr a_b_": attempt(lambda: c.a_b_),
        "attr host_a": attempt(lambda: c.host_a),
        "attr missing": attempt(lambda: c.missing),
        "attr _x": attempt(lambda: c._x),
        "attr __x": attempt(lambda: getattr(c, "__x")),
        "getitem int": attempt(lambda: c[1]),
        "in int": attempt(lambda: 1 in c),
        "getlist int": attempt(lambda: c.getlist(1)),
        "get None": attempt(lambda: c.get(None)),
        "get tuple": attempt(lambda: c.get(("a",))),
        "copy type": attempt(lambda: type(c.copy()).__name__),
        "pop": attempt(lambda: dict(c).pop("a", None)),
        "setitem": attempt(lambda: c.__setitem__("new", ["v"]) or c.get("new")),
        "after set same": attempt(lambda: request.cookies.get("new")),
        "hash": attempt(lambda: hash(c)),
        "get_cookies": attempt(
            lambda: request.get_cookies() if hasattr(request, "get_cookies") else "no attr"
        ),
        "headers cookie": request.headers.get("Cookie"),
    }
    return json(out)
