"""Ninth-round areas for ``apidiff.py``: an app's ``Config`` as a mapping, route decorators
stacked on one handler, ``request.accept`` as users query it and ``RequestParameters``/
``File`` objects made by hand.

``config_dict``: ``get``, ``pop``, ``setdefault``, ``in``, item and attribute access,
``del``, ``update`` and ``keys`` of ``app.config`` with upper, lower and mixed-case keys.
``route_stack``: 1-3 ``@app.route``/``@app.get``/``@app.post``... decorators stacked on one
handler of an app or a blueprint (paths, methods, names, a taken name), what registration
raises and what
requests through the test client reach. ``req_accept``: a request's ``accept`` list, its
``match`` with wildcards, ``in`` tests and items. ``req_params``: ``RequestParameters``
from a dict of lists with ``get``/``getlist``/items, and ``File`` fields. ``exc_copy``: ``repr`` of an exception of ``sanic.exceptions`` made with
random arguments, and what ``copy``, ``deepcopy`` and a pickle round trip keep of it.

Generators (``GENERATORS9``) are run by the driver; the worker's operations (``Ops9``) are
mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

# ------------------------------------------------------------------------- generators

CD_KEYS = [
    "FOO",
    "foo",
    "Foo",
    "REQUEST_TIMEOUT",
    "request_timeout",
    "_x",
    "A_B",
    "",
    "é",
    "KEEP_ALIVE",
]
CD_VALUES = [1, "s", None, 0, [1, 2], {"a": 1}, True, 1.5]


def gen_config_dict(rng):
    ops = []
    for _ in range(rng.randint(1, 8)):
        k = rng.choice(
            [
                "get",
                "get_dflt",
                "item",
                "attr",
                "contains",
                "set_item",
                "set_attr",
                "pop",
                "pop_dflt",
                "setdefault",
                "del_item",
                "del_attr",
                "update",
                "update_kw",
                "in_keys",
            ]
        )
        ops.append([k, rng.choice(CD_KEYS), rng.choice(CD_VALUES)])
    return {"ops": ops}


RS_PATHS = ["/a", "/a/", "/b", "/a/<x>", "/a/<x:int>", "a", "/c"]
RS_DECOS = ["route", "get", "post", "put", "delete", "patch", "head", "options"]


def gen_route_stack(rng):
    decos = []
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(RS_DECOS)
        kw = {}
        if kind == "route" and rng.random() < 0.6:
            kw["methods"] = rng.sample(["GET", "POST", "PUT", "get", "HEAD"], rng.randint(1, 2))
        if rng.random() < 0.4:
            kw["name"] = rng.choice(["n1", "n2", "n1", ""])
        if rng.random() < 0.2:
            kw["strict_slashes"] = rng.choice([True, False])
        if rng.random() < 0.15:
            kw["version"] = rng.choice([1, 2])
        decos.append([kind, rng.choice(RS_PATHS), kw])
    requests = [
        [rng.choice(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]), p]
        for p in rng.sample(["/a", "/a/", "/b", "/a/5", "/a/x", "/c", "/v1/a", "/v2/b"], 3)
    ]
    on = rng.choice(["app", "app", "bp", "bp_prefix"])
    return {"decos": decos, "requests": requests, "other": rng.random() < 0.3, "on": on}


RA_ACCEPT = [
    None,
    "",
    "*/*",
    "text/html",
    "text/html, application/json;q=0.5",
    "text/*;q=0.3, text/plain",
    "application/json;q=0",
    "image/png, */*;q=0.1",
    "text/html;level=1, text/html;q=0.9",
    "foo",
    "text/plain;q=abc",
    "application/*",
    "TEXT/HTML",
]
RA_MIMES = [
    "text/html",
    "application/json",
    "text/plain",
    "image/png",
    "*/*",
    "text/*",
    "",
    "foo/bar",
    "TEXT/HTML",
]


def gen_req_accept(rng):
    return {
        "accept": rng.choice(RA_ACCEPT),
        "match": rng.sample(RA_MIMES, rng.randint(0, 3)),
        "wild": rng.choice([True, False, None]),
        "contains": rng.sample(RA_MIMES, 2),
    }


def gen_req_params(rng):
    data = {}
    for _ in range(rng.randint(0, 3)):
        data[rng.choice(["a", "b", "", "é"])] = rng.choice([["1"], ["1", "2"], [], [""], "s"])
    return {
        "data": data,
        "names": rng.sample(["a", "b", "", "é", "z"], 3),
        "file": [rng.choice(["text/plain", ""]), rng.choice(["b", ""]), rng.choice(["f.txt", ""])],
    }


def gen_exc_copy(rng):
    from apidiff_cases3 import exc_spec

    spec = exc_spec(rng)
    while spec["cls"] == "custom":  # a class made at run time cannot be pickled
        spec = exc_spec(rng)
    return {"exc": spec}


GENERATORS9 = {
    "config_dict": gen_config_dict,
    "route_stack": gen_route_stack,
    "req_accept": gen_req_accept,
    "req_params": gen_req_params,
    "exc_copy": gen_exc_copy,
}
SLOW9: dict[str, float] = {}

# --------------------------------------------------------------------------- worker side


def _safe(fn):
    from apidiff_cases8 import _safe as safe8

    return safe8(fn)


class Ops9:
    # config_dict -----------------------------------------------------------------
    def op_config_dict(self, a):
        from apidiff import norm
        from apidiff_cases8 import _exc

        app = self._app8("c9")
        cfg = app.config
        out = []
        for kind, key, value in a["ops"]:
            try:
                if kind == "get":
                    r = cfg.get(key)
                elif kind == "get_dflt":
                    r = cfg.get(key, "dflt")
                elif kind == "item":
                    r = cfg[key]
                elif kind == "attr":
                    r = getattr(cfg, key)
                elif kind == "contains":
                    r = key in cfg
                elif kind == "set_item":
                    cfg[key] = value
                    r = [cfg.get(key), getattr(cfg, key, "no attr")]
                elif kind == "set_attr":
                    setattr(cfg, key, value)
                    r = [cfg.get(key, "no item"), getattr(cfg, key, "no attr")]
                elif kind == "pop":
                    r = cfg.pop(key)
                elif kind == "pop_dflt":
                    r = cfg.pop(key, "dflt")
                elif kind == "setdefault":
                    r = cfg.setdefault(key, value)
                elif kind == "del_item":
                    del cfg[key]
                    r = [key in cfg, getattr(cfg, key, "no attr")]
                elif kind == "del_attr":
                    delattr(cfg, key)
                    r = [key in cfg, getattr(cfg, key, "no attr")]
                elif kind == "update":
                    cfg.update({key: value})
                    r = [cfg.get(key, "no item"), getattr(cfg, key, "no attr")]
                elif kind == "update_kw":
                    cfg.update(**{key or "EMPTY": value})
                    r = cfg.get(key or "EMPTY", "no item")
                else:
                    r = key in list(cfg.keys())
                out.append(["ok", norm(r)])
            except Exception as e:
                out.append(_exc(e))
        return out

    # route_stack -----------------------------------------------------------------
    def op_route_stack(self, a):
        from apidiff_cases8 import _exc

        from sanic import response

        app = self._app8("rs")

        async def handler(request, **kw):
            return response.json([request.method, request.route.name.split(".", 1)[1], kw])

        if a["other"]:

            @app.get("/b", name="n1")
            async def other(request):
                return response.text("other")

        on = a.get("on", "app")
        owner = app
        if on != "app":
            from sanic import Blueprint

            owner = Blueprint("b9", url_prefix="/a" if on == "bp_prefix" else None)
        reg = []
        fn = handler
        for kind, path, kw in reversed(a["decos"]):
            try:
                fn = getattr(owner, kind)(path, **kw)(fn)
                reg.append(type(fn).__name__)
            except Exception as e:
                reg.append(_exc(e))
        if owner is not app:
            try:
                app.blueprint(owner)
                reg.append("registered")
            except Exception as e:
                reg.append(_exc(e))
        out = {"reg": reg}
        try:
            app.router.finalize()
            out["routes"] = sorted(
                [r.name.split(".", 1)[1], r.path, sorted(r.methods)] for r in app.router.routes
            )
        except Exception as e:
            out["routes"] = _exc(e)
            return out

        async def go():
            res = []
            for method, path in a["requests"]:
                _, resp = await app.asgi_client.request(method.lower(), path)
                res.append([resp.status, resp.text if resp.status == 200 else None])
            return res

        try:
            out["requests"] = self.run(go())
        except Exception as e:
            out["requests"] = _exc(e)
        return out

    # req_accept ------------------------------------------------------------------
    def op_req_accept(self, a):
        from sanic.compat import Header
        from sanic.request import Request

        if "app" not in self.apps:
            self.apps["app"] = self.new_app()
        hs = [("accept", a["accept"])] if a["accept"] is not None else []
        req = Request(b"/", Header(hs), "1.1", "GET", None, self.apps["app"])
        out = {}
        out["list"] = _safe(
            lambda: [[str(m), m.type, m.subtype, m.q, m.params] for m in req.accept]
        )
        out["type"] = type(req.accept).__name__
        kw = {} if a["wild"] is None else {"accept_wildcards": a["wild"]}

        def match():
            m = req.accept.match(*a["match"], **kw)
            return [str(m), m.mime, str(m.header) if m.header else None, bool(m)]

        out["match"] = _safe(match)
        out["in"] = [_safe(lambda m=m: m in req.accept) for m in a["contains"]]
        out["first"] = _safe(lambda: str(req.accept[0]))
        return out

    # req_params ------------------------------------------------------------------
    def op_req_params(self, a):
        from sanic.request import File, RequestParameters

        p = RequestParameters(a["data"])
        out = {"dict": _safe(lambda: dict(p)), "type": [c.__name__ for c in type(p).__mro__[1:2]]}
        for n in a["names"]:
            out[n or "(empty)"] = [
                _safe(lambda n=n: p.get(n)),
                _safe(lambda n=n: p.get(n, "d")),
                _safe(lambda n=n: p.getlist(n)),
                _safe(lambda n=n: p.getlist(n, ["d"])),
                _safe(lambda n=n: p[n]),
            ]
        t, b, name = a["file"]
        f = File(type=t, body=b.encode(), name=name)
        out["file"] = [f.type, f.body, f.name, list(f), type(f).__mro__[1].__name__, repr(f)]
        return out

    # exc_copy --------------------------------------------------------------------
    def op_exc_copy(self, a):
        import copy
        import pickle

        from apidiff_cases3 import make_exc
        from apidiff_cases4 import _exc_attrs
        from apidiff_cases8 import _exc

        try:
            e = make_exc(a["exc"])
        except Exception as err:
            return {"init": _exc(err)}
        out = {"repr": _safe(lambda: repr(e))}
        for how, fn in (
            ("copy", copy.copy),
            ("deepcopy", copy.deepcopy),
            ("pickle", lambda x: pickle.loads(pickle.dumps(x))),
        ):
            try:
                out[how] = _exc_attrs(fn(e))
            except Exception as err:
                out[how] = _exc(err)
        return out
