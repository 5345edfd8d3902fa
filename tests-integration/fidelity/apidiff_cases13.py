"""Thirteenth-round areas for ``apidiff.py``: extension points plugins and apps call.

``reg_pattern``: ``app.router.register_pattern(label, cast, pattern)`` with odd labels
(built-in type names, unicode, empty, not a str), casts (named functions, types, an Enum,
casts raising ``ValueError``/``TypeError``/``KeyError``, not callable) and patterns (str
or compiled, anchored, grouped, empty, a bad regex, not a str), then routes declaring the
types, resolutions of values of every shape and ``url_for`` with them. ``named_mw``:
``register_named_middleware``, ``register_middleware`` (functions and ``Middleware``
objects), ``middleware``/``on_request``/``on_response`` and blueprint middleware with odd
route names, ``attach_to`` spellings and priorities; then which middleware run, in which
order, for requests to each route, and the app's named middleware tables. ``form_direct``:
``sanic.request.form.parse_multipart_form`` and ``sanic.cookies.request.parse_cookie`` /
``CookieRequestParameters`` called directly, with bodies, boundaries and cookie strings of
odd types and shapes.

Generators (``GENERATORS13``) are run by the driver; the worker's operations (``Ops13``)
are mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

import enum
import re

# ------------------------------------------------------------------------- generators

RP_LABELS = ["up", "up", "hexa", "flav", "v2", "int", "str", "alpha", "slug", "uuid", "a b"]
RP_LABELS += ["ymd", "float", "ü", "", "a-b", "A", "_x", "nonempty", "ext", 3, None]
RP_CASTS = ["upper", "upper", "int", "float", "str", "hexint", "Flavour", "flav_up", "typeerr"]
RP_CASTS += ["keyerr", "notcall", "none", "bytes_"]
RP_PATTERNS = ["[A-Z]+", "^[A-Z]+$", "[0-9a-f]+", "([A-Z])+", "a|b", "vanilla|chocolate"]
RP_PATTERNS += [".*", "", r"\d+", ["re", "[A-Z]+"], ["re", "[0-9a-f]+$"], 5, None, "["]
RP_PATTERNS += ["(?P<x>a)", "[^/]+", ["re", "(?i)abc"]]
RP_ROUTES = ["/r/<v:{L}>", "/r/<v:{L}>/x", "/q/<a:{L}>/<b:int>", "/m/<a:{L}>/<b:{M}>"]
RP_ROUTES += ["/p/<v:{L}>", "/r/<v:int>", "/r/<v:str>", "/re/<v:[A-Z]+>", "/r/<v>"]
RP_VALUES = ["ABC", "abc", "a", "b", "ff", "12", "-1", "1.5", "vanilla", "MANGO", "Abc"]
RP_VALUES += ["%C3%BC", "ü", "A%20B", "ABC.txt", "X" * 300, "0", "2024-01-02", "_"]


def gen_reg_pattern(rng):
    regs = []
    for _ in range(rng.randint(1, 3)):
        pat = rng.choice(RP_PATTERNS)
        regs.append([rng.choice(RP_LABELS), rng.choice(RP_CASTS), pat])
    labels = [r[0] for r in regs if isinstance(r[0], str)] or ["up"]
    routes = []
    for _ in range(rng.randint(1, 3)):
        tpl = rng.choice(RP_ROUTES)
        routes.append(tpl.format(L=rng.choice(labels), M=rng.choice(labels)))
    requests = []
    for _ in range(rng.randint(1, 6)):
        v = rng.choice(RP_VALUES)
        requests.append(
            rng.choice(
                [
                    f"/r/{v}",
                    f"/r/{v}",
                    f"/r/{v}/x",
                    f"/q/{v}/1",
                    f"/m/{v}/{rng.choice(RP_VALUES)}",
                    f"/p/{v}",
                    f"/re/{v}",
                ]
            )
        )
    calls = []
    for _ in range(rng.randint(0, 3)):
        v = rng.choice(RP_VALUES[:11] + [12, 1.5, None, ["enum", "a"], ["enum", "vanilla"]])
        i = rng.randrange(len(routes))
        kw = {"v": v, "a": v, "b": rng.choice([1, v])}
        calls.append([f"h{i}", kw])
    return {"regs": regs, "routes": routes, "requests": requests, "calls": calls}


NM_NAMES = [["{app}.a"], ["{app}.a"], ["{app}.bp.c"], "{app}.a", [], ["nope"], ("{app}.a",)]
NM_NAMES += [["{app}.a", "{app}.b"], ["{APP}.A"], None, ["{app}.a", "{app}.a"]]
NM_NAMES += [["{app}.bp.c", "{app}.b"], ["{app}.gbp.d"], ["{app}.d"]]
NM_SHORT = [["a"], ["bp.c"]]  # short names: a kept difference, so rarely
NM_ATTACH = ["request", "request", "response", "response", "Request", "RESPONSE", "omit"]
NM_ATTACH_BAD = ["bogus", "", None, ["loc", "REQUEST"], ["loc", "RESPONSE"], "requests"]
NM_PRIO = ["omit", "omit", "omit", 0, 5, -3, 1, 100, 1.5, True, 10**20]
NM_PRIO_BAD = ["2", None]


def _nm_pick(rng, common, rare, p=0.08):
    return rng.choice(rare) if rng.random() < p else rng.choice(common)


def _nm_step(rng, tag):
    k = rng.random()
    attach = _nm_pick(rng, NM_ATTACH, NM_ATTACH_BAD)
    prio = _nm_pick(rng, NM_PRIO, NM_PRIO_BAD, 0.05)
    if k < 0.35:
        return ["named", tag, _nm_pick(rng, NM_NAMES, NM_SHORT, 0.05), attach, prio]
    if k < 0.55:
        return ["global", tag, attach, prio]
    if k < 0.65:
        return ["mwobj", tag, rng.choice(["REQUEST", "RESPONSE"]), prio]
    if k < 0.75:
        return ["deco", tag, attach, prio]
    if k < 0.85:
        return ["on", tag, rng.choice(["request", "response"]), prio]
    return ["bp", tag, attach, prio]


def gen_named_mw(rng):
    steps = [_nm_step(rng, f"m{i}") for i in range(rng.randint(1, 6))]
    return {
        "steps": steps,
        "group": rng.random() < 0.3,
        "finalize": rng.random() < 0.2,
        "requests": rng.sample(["/a", "/b", "/c", "/g/d", "/nope"], rng.randint(1, 4)),
    }


FD_NAMES = ["a", "a", "b", "ü", "", "a b", 'q"x', "x;y", "a[]", "名"]
FD_CTYPES = [None, None, "text/plain", "application/json", "text/plain; charset=latin-1", ""]
FD_BODIES = ["hello", "", "ü", "a\r\nb", "--xx", "x" * 200, "\x00\xff"]
FD_BOUNDARIES = ["xx", "xx", "xx", "--xx", "", "yy", "a b", "ü", "x" * 80]
FD_COOKIES = ["a=1", "a=1; b=2", "a=1; a=2", "__Host-a=1", "__Secure-b=2", "a", "=1", ""]
FD_COOKIES += ['a="x y"', "a=%C3%BC", "a=ü", "a=1;;b=2", " a = 1 ", "a=1, b=2", "$Version=1"]
FD_COOKIES += ["a=b=c", "A=1", "a=\\x"]


def _fd_part(rng):
    part = {"name": rng.choice(FD_NAMES), "body": rng.choice(FD_BODIES)}
    if rng.random() < 0.35:
        part["filename"] = rng.choice(["t.txt", "", "ü.txt", "a b.txt", "../x", "名.bin"])
    if rng.random() < 0.15:
        part["star"] = rng.choice(["utf-8''%C3%BC.txt", "UTF-8''a%20b", "latin-1''x"])
    ct = rng.choice(FD_CTYPES)
    if ct is not None:
        part["ctype"] = ct
    if rng.random() < 0.1:
        part["nodisp"] = True
    return part


def gen_form_direct(rng):
    k = rng.random()
    if k < 0.6:
        return {
            "kind": "multipart",
            "parts": [_fd_part(rng) for _ in range(rng.randint(0, 4))],
            "boundary": rng.choice(FD_BOUNDARIES),
            "as": rng.choice(["bytes", "bytes", "bytes", "str", "none", "bytearray"]),
            "body_as": rng.choice(["bytes"] * 8 + ["str", "none", "bytearray"]),
            "eol": rng.choice(["\r\n", "\r\n", "\r\n", "\n"]),
            "close": rng.choice([True, True, True, False]),
            "preamble": rng.choice(["", "", "", "pre\r\n"]),
        }
    return {
        "kind": "cookie",
        "raw": rng.choice(
            ["; ".join(rng.sample(FD_COOKIES, rng.randint(0, 3))), None, ["b", "a=1"], 5]
        ),
        "gets": rng.sample(["a", "b", "A", "__Host-a", "__Secure-b", "c", ""], 3),
        "attrs": rng.sample(["a", "b", "host_a", "secure_b", "c", "getlist"], 2),
    }


LD_MESSAGES = ["old thing", "", "ü is going", "x" * 300, None, 5, ["b", "old"], "a\nb", "%s %d"]
LD_VERSIONS = [23.3, 26.6, "24.12", 99, 1.5, None, 0, "", False, [], [1], 0.0, "x", -1]
LD_FILTERS = ["omit", "omit", "ignore", "once", "always", "default", "error", "module"]
LD_FILTERS += ["bogus", "", None, "IGNORE"]
LD_VERB = [None, 0, 1, 2, 3, -1, "1", 1.5, True]


def gen_log_direct(rng):
    if rng.random() < 0.7:
        return {
            "kind": "deprecation",
            "filter": rng.choice(LD_FILTERS),
            "calls": [
                [rng.choice(LD_MESSAGES), rng.choice(LD_VERSIONS)] for _ in range(rng.randint(1, 3))
            ],
        }
    return {
        "kind": "verbosity",
        "set": rng.choice([0, 1, 2, 3, -1, None, "1", 1.5]),
        "records": rng.sample(LD_VERB, rng.randint(1, 5)),
    }


# One signal per case: several definitions of one namespace (static beside dynamic,
# typed beside untyped) resolve differently in Sanic's signal router (see the README).
SW_DEFS = ["a.b.c", "a.b.<x>", "a.b.<x:int>", "a.b.<x:str>", "a.c.d"]
SW_WAITS = SW_DEFS + ["a.b.<q>", "a.b.*", "a.b.9", "a.b.zz", "a.b", "a.b.c.d", "x.y.z", ""]
SW_DISPATCH = ["a.b.c", "a.b.5", "a.b.zz", "a.b.-1", "a.c.d", "a.b.<x>", "x.y.z", "a.b.z_z"]
SW_CONDS = [None, None, None, {"k": 1}, {"k": 2}, {}]
SW_CTX = [None, None, {"v": 1}, {"x": "ctx"}, {}]


def gen_sig_waiter(rng):
    regs = [
        [rng.choice(SW_DEFS), rng.choice(SW_CONDS), rng.choice([True, True, False])]
        for _ in range(rng.randint(0, 1))
    ]
    waits = []
    for _ in range(rng.randint(1, 2)):
        kw = {}
        if rng.random() < 0.3:
            kw["condition"] = rng.choice(SW_CONDS)
        if rng.random() < 0.2:
            kw["exclusive"] = rng.choice([True, False])
        waits.append([rng.choice(SW_WAITS), kw])
    dispatches = []
    for _ in range(rng.randint(0, 3)):
        kw = {"context": rng.choice(SW_CTX)}
        if rng.random() < 0.3:
            kw["condition"] = rng.choice(SW_CONDS)
        if rng.random() < 0.5:
            kw["fail_not_found"] = False
        dispatches.append([rng.choice(SW_DISPATCH), kw])
    return {"regs": regs, "waits": waits, "dispatches": dispatches}


GENERATORS13 = {
    "reg_pattern": gen_reg_pattern,
    "named_mw": gen_named_mw,
    "form_direct": gen_form_direct,
    "log_direct": gen_log_direct,
    "sig_waiter": gen_sig_waiter,
}
SLOW13: dict[str, float] = {}


# ------------------------------------------------------------------------- worker side


class Flavour(enum.Enum):
    A = "a"
    B = "b"
    VANILLA = "vanilla"
    CHOCOLATE = "chocolate"


def upper(v):
    if not v.isupper():
        raise ValueError(f"{v!r} is not upper case")
    return v


def hexint(v):
    return int(v, 16)


def flav_up(v):
    return Flavour[v.upper()]


def typeerr(v):
    raise TypeError("no types here")


def keyerr(v):
    return {"ABC": 1}[v]


def bytes_(v):
    return v.encode()


RP_CAST_OBJS = {
    "upper": upper,
    "int": int,
    "float": float,
    "str": str,
    "hexint": hexint,
    "Flavour": Flavour,
    "flav_up": flav_up,
    "typeerr": typeerr,
    "keyerr": keyerr,
    "notcall": "notcall",
    "none": None,
    "bytes_": bytes_,
}


def _unwrap13(v):
    """A normalised result (``apidiff.norm``) with its dicts as dicts again."""
    if isinstance(v, dict) and list(v) == ["dict"]:
        return {str(k) if not isinstance(k, str) else k: _unwrap13(x) for k, x in v["dict"]}
    if isinstance(v, list):
        return [_unwrap13(x) for x in v]
    return v


def _exc13(e):
    return {"exc": [c.__name__ for c in type(e).__mro__], "msg": str(e)}


class Ops13:
    def op_reg_pattern(self, a):

        from sanic import response

        app = self.new_app()
        out = {"regs": [], "routes": []}
        for label, cast, pat in a["regs"]:
            if isinstance(pat, list):
                pat = re.compile(pat[1])
            try:
                app.router.register_pattern(label, RP_CAST_OBJS[cast], pat)
                out["regs"].append("ok")
            except Exception as e:
                out["regs"].append(_exc13(e))
        for i, path in enumerate(a["routes"]):

            async def handler(request, **kw):
                return response.text("x")

            try:
                app.route(path, name=f"h{i}")(handler)
                out["routes"].append("ok")
            except Exception as e:
                out["routes"].append(_exc13(e))
        try:
            app.router.finalize()
        except Exception as e:
            out["finalize"] = _exc13(e)
            return out
        res = []
        for path in a["requests"]:
            try:
                route, _h, params = app.router.get(path, "GET", None)
                res.append([route.name.split(".", 1)[1], params])
            except Exception as e:
                res.append(_exc13(e))
        out["requests"] = res
        urls = []
        for name, kw in a["calls"]:
            wanted = re.findall(r"<(\w+)", a["routes"][int(name[1:])])
            kw = {k: Flavour(v[1]) if isinstance(v, list) else v for k, v in kw.items()}
            kw = {k: v for k, v in kw.items() if k in wanted}
            try:
                urls.append(app.url_for(f"{app.name}.{name}", **kw))
            except Exception as e:
                urls.append(_exc13(e))
        out["urls"] = urls
        return out

    def op_named_mw(self, a):
        from sanic import Blueprint, response
        from sanic.middleware import Middleware, MiddlewareLocation

        app = self.new_app()
        bp = Blueprint("bp")
        gbp = Blueprint("gbp", url_prefix="/g")

        def body(request):
            return ",".join(getattr(request.ctx, "log", []))

        @app.get("/a", name="a")
        async def a_(request):
            return response.text(body(request))

        @app.get("/b", name="b")
        async def b_(request):
            return response.text(body(request))

        @bp.get("/c", name="c")
        async def c_(request):
            return response.text(body(request))

        @gbp.get("/d", name="d")
        async def d_(request):
            return response.text(body(request))

        def mk(tag):
            async def mw(request, *rest):
                log = request.ctx.__dict__.setdefault("log", [])
                log.append(tag)
                if rest:
                    rest[0].headers["x-log"] = ",".join(log)

            mw.__name__ = "mw_" + tag
            return mw

        def attach(v):
            return MiddlewareLocation[v[1]] if isinstance(v, list) else v

        def names(v):
            if v is None:
                return None
            if isinstance(v, str):
                return v.replace("{app}", app.name)
            fill = [x.replace("{app}", app.name).replace("{APP}", app.name.upper()) for x in v]
            return tuple(fill) if isinstance(v, tuple) else fill

        def prio(kw, p):
            if p != "omit":
                kw["priority"] = p
            return kw

        out = []
        late = []
        for step in a["steps"]:
            kind, tag = step[0], step[1]
            fn = mk(tag)
            try:
                if kind == "named":
                    args = [fn, names(step[2])]
                    if step[3] != "omit":
                        args.append(attach(step[3]))
                    r = app.register_named_middleware(*args, **prio({}, step[4]))
                elif kind == "global":
                    args = [fn] if step[2] == "omit" else [fn, attach(step[2])]
                    r = app.register_middleware(*args, **prio({}, step[3]))
                elif kind == "mwobj":
                    loc = MiddlewareLocation[step[2]]
                    kw = {} if step[3] == "omit" else {"priority": step[3]}
                    obj = Middleware(fn, loc, **kw)
                    r = app.register_middleware(obj, step[2].lower())
                elif kind == "deco":
                    if step[2] == "omit":
                        r = app.middleware(fn, **prio({}, step[3]))
                    else:
                        r = app.middleware(attach(step[2]), **prio({}, step[3]))(fn)
                elif kind == "on":
                    meth = app.on_request if step[2] == "request" else app.on_response
                    r = meth(fn, **prio({}, step[3]))
                else:
                    if step[2] == "omit":
                        r = bp.middleware(fn, **prio({}, step[3]))
                    else:
                        r = bp.middleware(attach(step[2]), **prio({}, step[3]))(fn)
                out.append(
                    "same" if r is fn else type(r).__name__ if not callable(r) else "callable"
                )
            except Exception as e:
                out.append(_exc13(e))
        try:
            app.blueprint(bp)
            if a["group"]:
                app.blueprint(Blueprint.group(gbp))
            else:
                app.blueprint(gbp)
            if a["finalize"]:
                app.finalize_middleware()
        except Exception as e:
            late.append(_exc13(e))

        async def go():
            res = []
            for path in a["requests"]:
                try:
                    _, resp = await app.asgi_client.get(path)
                except Exception as e:
                    res.append(_exc13(e))
                    continue
                res.append(
                    [
                        resp.status,
                        resp.text if resp.status == 200 else None,
                        resp.headers.get("x-log"),
                    ]
                )
            return res

        res = self.run(go())
        tables = {}
        for attr in ("named_request_middleware", "named_response_middleware"):
            table = getattr(app, attr, None)
            if isinstance(table, dict):
                tables[attr] = sorted(
                    [str(k), sorted(getattr(getattr(m, "func", m), "__name__", "?") for m in v)]
                    for k, v in table.items()
                    if v
                )
        return {"steps": out, "late": late, "requests": res, "tables": tables}

    def op_form_direct(self, a):
        if a["kind"] == "cookie":
            from sanic.cookies.request import CookieRequestParameters, parse_cookie

            raw = a["raw"]
            if isinstance(raw, list):
                raw = raw[1].encode()
            out = {}
            try:
                parsed = parse_cookie(raw)
            except Exception as e:
                return {"parse": _exc13(e)}
            out["parse"] = parsed
            ck = CookieRequestParameters(parsed)
            out["gets"] = [[ck.get(n), ck.getlist(n), ck.get(n, "d")] for n in a["gets"]]
            attrs = []
            for n in a["attrs"]:
                try:
                    v = getattr(ck, n)
                    attrs.append("method" if callable(v) else v)
                except Exception as e:
                    attrs.append(_exc13(e))
            out["attrs"] = attrs
            return out
        from sanic.request.form import parse_multipart_form

        eol = a["eol"]
        bd = a["boundary"]
        lines = [a["preamble"]] if a["preamble"] else []
        for p in a["parts"]:
            lines.append(f"--xx{eol}")
            if not p.get("nodisp"):
                disp = f'content-disposition: form-data; name="{p["name"]}"'
                if "filename" in p:
                    disp += f'; filename="{p["filename"]}"'
                if "star" in p:
                    disp += f"; filename*={p['star']}"
                lines.append(disp + eol)
            if "ctype" in p:
                lines.append(f"content-type: {p['ctype']}{eol}")
            lines.append(eol + p["body"] + eol)
        if a["close"]:
            lines.append("--xx--" + eol)
        body = "".join(lines).encode("utf-8")
        if a["body_as"] == "str":
            body = body.decode("utf-8")
        elif a["body_as"] == "none":
            body = None
        elif a["body_as"] == "bytearray":
            body = bytearray(body)
        boundary = {
            "bytes": lambda: bd.encode("utf-8"),
            "str": lambda: bd,
            "none": lambda: None,
            "bytearray": lambda: bytearray(bd.encode("utf-8")),
        }[a["as"]]()
        fields, files = parse_multipart_form(body, boundary)
        return {
            "fields": {k: list(v) for k, v in fields.items()},
            "types": [type(fields).__name__, type(files).__name__],
            "files": {k: [[f.name, f.type, bytes(f.body)] for f in v] for k, v in files.items()},
        }

    def op_log_direct(self, a):
        import logging
        import warnings

        if a["kind"] == "verbosity":
            from sanic.log import VerbosityFilter

            old = VerbosityFilter.verbosity
            VerbosityFilter.verbosity = a["set"]
            out = []
            try:
                flt = VerbosityFilter()
                for v in a["records"]:
                    rec = logging.LogRecord("sanic.root", logging.INFO, "x", 1, "m", None, None)
                    if v is not None:
                        rec.verbosity = v
                    try:
                        out.append(flt.filter(rec))
                    except Exception as e:
                        out.append(_exc13(e))
            finally:
                VerbosityFilter.verbosity = old
            return out
        from sanic.config import Config
        from sanic.log import deprecation

        out = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            if a["filter"] != "omit":
                try:
                    Config(env_prefix=None).DEPRECATION_FILTER = a["filter"]
                    out.append("filter set")
                except Exception as e:
                    out.append(_exc13(e))
            for msg, version in a["calls"]:
                if isinstance(msg, list):
                    msg = msg[1].encode()
                try:
                    out.append(["returned", deprecation(msg, version)])
                except Exception as e:
                    out.append(_exc13(e))
        out.append(
            [[w.category.__name__, str(w.message), w.filename.rsplit("/", 1)[-1]] for w in caught]
        )
        return out

    def op_sig_waiter(self, a):
        import asyncio

        app = self.new_app()
        log = []
        out = {"regs": []}
        for i, (ev, cond, excl) in enumerate(a["regs"]):

            async def handler(_i=i, **kw):
                log.append([_i, sorted(kw.items())])

            try:
                app.add_signal(handler, ev, condition=cond, exclusive=excl)
                out["regs"].append("ok")
            except Exception as e:
                out["regs"].append(_exc13(e))

        async def go():
            try:
                app.signal_router.finalize()
            except Exception as e:
                out["finalize"] = _exc13(e)
            waits = [
                asyncio.ensure_future(app.event(ev, timeout=0.05, **kw)) for ev, kw in a["waits"]
            ]
            # Sanic's app.event() registers its waiter some loop turns after it starts
            await asyncio.sleep(0.005)
            disp = []
            for ev, kw in a["dispatches"]:
                try:
                    disp.append(["ok", await app.dispatch(ev, inline=True, **kw)])
                except Exception as e:
                    disp.append(_exc13(e))
                await asyncio.sleep(0)
            res = []
            for w in waits:
                try:
                    got = await w
                    res.append(sorted(got.items()) if isinstance(got, dict) else got)
                except (Exception, asyncio.TimeoutError) as e:
                    res.append(_exc13(e))
            out["dispatches"] = disp
            out["waits"] = res
            out["log"] = log

        self.run(go())
        return out
