"""Eleventh-round areas for ``apidiff.py``: corners no earlier area reaches.

``static_links``: ``app.static`` over a folder holding symbolic links (to files and folders
inside and outside it, and broken ones) with ``follow_external_symlink_files``/``_dirs``,
``directory_view`` and a ``DirectoryHandler`` made by hand. ``sig_prio``: ``app.signal``
with ``priority``, ``dispatch`` with ``inline``/``reverse`` (handler order, the value an
inline dispatch returns) and ``add_signal``/``signal`` called with odd arguments.
``cfg_obj``: ``Config.update_config`` with classes and instances that hold properties,
class and static methods, private and lower-case attributes and inherited ones, and a
``Config`` subclass with properties. ``req_genid``: a ``request_class`` whose
``generate_id`` returns odd values, with and without the ``REQUEST_ID_HEADER`` field.
``grp_hooks``: ``middleware``/``on_request``/``on_response``/``exception`` called on a
``BlueprintGroup`` in every form, before and after the group is registered.

Generators (``GENERATORS11``) are run by the driver; the worker's operations (``Ops11``)
are mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

# ------------------------------------------------------------------------- generators

SL_PATHS = [
    "/s/a.txt",
    "/s/in_file",
    "/s/out_file",
    "/s/broken",
    "/s/in_dir/b.txt",
    "/s/out_dir/c.txt",
    "/s/in_dir/",
    "/s/out_dir/",
    "/s/",
    "/s/loop",
    "/s/sub/up/a.txt",
]


def gen_static_links(rng):
    kw = {}
    for k in ("follow_external_symlink_files", "follow_external_symlink_dirs", "directory_view"):
        if rng.random() < 0.5:
            kw[k] = rng.random() < 0.6
    if rng.random() < 0.2:
        kw["index"] = rng.choice(["a.txt", "in_file", "out_file", "broken"])
    return {
        "kw": kw,
        "handler": rng.random() < 0.25,
        "requests": rng.sample(SL_PATHS, rng.randint(1, 5)),
    }


SP_EVENTS = ["p.q.r", "p.q.<x>", "http.lifecycle.request"]
SP_PRIO = [0, 1, 5, -1, 10, None, "2", 1.5]
SP_ODD = [
    ["int_event", None],
    ["none_event", None],
    ["two_parts", None],
    ["four_parts", None],
    ["not_callable", None],
    ["sync_handler", None],
    ["lambda", None],
    ["enum_event", None],
    ["add_none_handler", None],
    ["prio_kw_add", None],
    ["empty_part", None],
    ["upper", None],
]


def gen_sig_prio(rng):
    regs = []
    for i in range(rng.randint(1, 4)):
        regs.append(
            {"id": i, "event": rng.choice(SP_EVENTS[:2]), "priority": rng.choice(SP_PRIO)}
        )
    return {
        "regs": regs,
        "odd": rng.sample([o[0] for o in SP_ODD], rng.randint(0, 2)),
        "dispatch": {
            "event": rng.choice(["p.q.r", "p.q.s", "p.q.<x>"]),
            "inline": rng.random() < 0.5,
            "reverse": rng.random() < 0.4,
        },
        "ret": rng.random() < 0.5,
    }


CO_KINDS = [
    "class_attr",
    "class_property",
    "class_classmethod",
    "class_staticmethod",
    "class_private",
    "class_lower",
    "class_inherited",
    "instance",
    "instance_property",
    "instance_dict_only",
    "slots",
    "module",
    "sub_property",
    "sub_setter",
    "namedtuple",
    "bytes_py",
]


def gen_cfg_obj(rng):
    return {"kinds": rng.sample(CO_KINDS, rng.randint(1, 3))}


RG_IDS = ["uuid", "str", "int", "zero", "empty", "none", "bytes", "list", "raise", "default"]
RG_HDR = [None, "abc", "", "123", "6ba7b810-9dad-11d1-80b4-00c04fd430c8", "  x  "]


def gen_req_genid(rng):
    return {
        "gen": rng.choice(RG_IDS),
        "header_name": rng.choice([None, None, "X-Trace", "x-trace"]),
        "header": rng.choice(RG_HDR),
        "reads": rng.randint(1, 2),
    }


GH_FORMS = [
    "g.middleware",
    "g.middleware('response')",
    "g.middleware('request', priority=2)",
    "g.middleware(fn)",
    "g.middleware(fn, 'response')",
    "g.middleware(fn, attach_to='response')",
    "g.on_request",
    "g.on_response",
    "g.on_request(priority=1)",
    "g.on_request(fn)",
    "g.exception(ValueError)",
    "g.exception([ValueError, KeyError])",
    "g.exception(ValueError, KeyError)",
    "g.exception(ValueError, apply=False)",
    "g.exception()",
    "g.middleware('bogus')",
]
GH_PATHS = ["/g/b0/r", "/g/b1/r", "/g/b0/r?e=v", "/g/b1/r?e=k", "/out", "/out?e=v", "/g/nope"]


def gen_grp_hooks(rng):
    return {
        "nested": rng.random() < 0.3,
        "forms": [rng.choice(GH_FORMS) for _ in range(rng.randint(1, 3))],
        "when": "after" if rng.random() < 0.25 else "before",  # Sanic cannot serve "after"
        "requests": rng.sample(GH_PATHS, rng.randint(1, 4)),
    }


GENERATORS11 = {
    "static_links": gen_static_links,
    "sig_prio": gen_sig_prio,
    "cfg_obj": gen_cfg_obj,
    "req_genid": gen_req_genid,
    "grp_hooks": gen_grp_hooks,
}
SLOW11: dict[str, float] = {"static_links": 0.5, "grp_hooks": 0.5}

# --------------------------------------------------------------------------- worker side

FILES11 = "/tmp/apidiff_files11"


def _files11():
    """root/ (served) with links in and out of it; outside/ next to it."""
    import os

    root, outside = f"{FILES11}/root", f"{FILES11}/outside"
    if os.path.exists(f"{root}/loop"):
        return root
    os.makedirs(f"{root}/in_real", exist_ok=True)
    os.makedirs(f"{root}/sub", exist_ok=True)
    os.makedirs(f"{outside}/d", exist_ok=True)
    for path, body in [
        (f"{root}/a.txt", "A"),
        (f"{root}/in_real/b.txt", "B"),
        (f"{outside}/o.txt", "O"),
        (f"{outside}/d/c.txt", "C"),
    ]:
        with open(path, "w") as fh:
            fh.write(body)
    for name, target in [
        ("in_file", f"{root}/a.txt"),
        ("out_file", f"{outside}/o.txt"),
        ("broken", f"{root}/nothing"),
        ("in_dir", f"{root}/in_real"),
        ("out_dir", f"{outside}/d"),
        ("sub/up", root),
        ("loop", f"{root}/loop"),
    ]:
        if not os.path.lexists(f"{root}/{name}"):
            os.symlink(target, f"{root}/{name}")
    return root


def _body11(resp):
    import re

    text = resp.text
    ctype = resp.headers.get("content-type", "")
    if "html" in ctype:
        hrefs = sorted(re.findall(r'href="([^"]*)"', text))
        m = re.search(r"<title>(.*?)</title>", text, re.S)
        return {"title": m.group(1) if m else None, "hrefs": hrefs}
    return text[:80]


class Ops11:
    # static_links -----------------------------------------------------------------
    def op_static_links(self, a):
        from pathlib import Path

        from apidiff_cases8 import _exc

        root = _files11()
        app = self._app8("sl")
        kw = dict(a["kw"])
        if a["handler"]:
            from sanic.handlers.directory import DirectoryHandler

            try:
                kw["directory_handler"] = DirectoryHandler(
                    "/s",
                    Path(root),
                    directory_view=kw.get("directory_view", False),
                    index=kw.get("index"),
                    follow_external_symlink_files=kw.get("follow_external_symlink_files", False),
                    follow_external_symlink_dirs=kw.get("follow_external_symlink_dirs", False),
                )
            except Exception as e:
                return {"handler": _exc(e)}
        try:
            app.static("/s", root, **kw)
        except Exception as e:
            return {"static": _exc(e)}

        async def go():
            res = []
            for path in a["requests"]:
                _, resp = await app.asgi_client.get(path)
                ctype = resp.headers.get("content-type", "")
                res.append([path, resp.status, ctype.split(";")[0], _body11(resp)])
            return res

        try:
            return self.run(go())
        except Exception as e:
            return _exc(e)

    # sig_prio ---------------------------------------------------------------------
    def op_sig_prio(self, a):
        import enum

        from apidiff_cases8 import _exc, _safe

        app = self._app8("sp")
        calls = []
        regs = []
        for r in a["regs"]:
            kw = {} if r["priority"] is None else {"priority": r["priority"]}

            async def h(i=r["id"], **kw_):
                calls.append(i)
                return f"ret{i}" if a["ret"] else None

            try:
                got = app.signal(r["event"], **kw)(h)
                regs.append([r["id"], "same" if got is h else type(got).__name__])
            except Exception as e:
                regs.append([r["id"], _exc(e)])

        class Ev(enum.Enum):
            ONE = "e.n.one"

        async def ah(**kw_):
            calls.append("odd")

        odd = []
        for kind in a["odd"]:
            try:
                if kind == "int_event":
                    app.signal(12)(ah)
                elif kind == "none_event":
                    app.signal(None)(ah)
                elif kind == "two_parts":
                    app.signal("a.b")(ah)
                elif kind == "four_parts":
                    app.signal("a.b.c.d")(ah)
                elif kind == "not_callable":
                    app.add_signal("nope", "o.d.d")
                elif kind == "sync_handler":
                    app.add_signal(lambda **k: calls.append("sync"), "p.q.r")
                elif kind == "lambda":
                    app.signal("p.q.r")(lambda **k: calls.append("lam"))
                elif kind == "enum_event":
                    app.signal(Ev.ONE)(ah)
                elif kind == "add_none_handler":
                    got = app.add_signal(None, "o.d.n")
                    odd.append([kind, "ok", callable(got)])
                    continue
                elif kind == "prio_kw_add":
                    app.add_signal(ah, "o.d.p", priority=3)
                elif kind == "empty_part":
                    app.signal("a..c")(ah)
                elif kind == "upper":
                    app.signal("A.B.C")(ah)
                odd.append([kind, "ok"])
            except Exception as e:
                odd.append([kind, _exc(e)])
        d = a["dispatch"]

        async def go():
            try:
                app.signal_router.finalize()
            except Exception as e:
                return {"finalize": _exc(e)}
            try:
                res = await app.dispatch(
                    d["event"],
                    inline=d["inline"],
                    reverse=d["reverse"],
                    fail_not_found=False,
                )
                if hasattr(res, "__await__"):
                    res = await res
            except Exception as e:
                return {"dispatch": _exc(e)}
            import asyncio

            for _ in range(5):
                await asyncio.sleep(0)
            return {"dispatch": _safe(lambda: res), "calls": [str(c) for c in calls]}

        return {"regs": regs, "odd": odd, "run": self.run(go())}

    # cfg_obj ----------------------------------------------------------------------
    def op_cfg_obj(self, a):
        import collections
        import os
        import tempfile
        import types

        from apidiff_cases8 import _exc

        from sanic.config import Config

        out = []
        for kind in a["kinds"]:
            cfg = Config(env_prefix="NOPE_APIDIFF11_")
            keys = ["ALPHA", "BETA", "_GAMMA", "delta", "__DUNDER"]
            try:
                if kind == "class_attr":

                    class C:
                        ALPHA = 1
                        _GAMMA = 2
                        delta = 3

                    cfg.update_config(C)
                elif kind == "class_property":

                    class C:
                        @property
                        def ALPHA(self):
                            return "prop"

                    cfg.update_config(C)
                elif kind == "class_classmethod":

                    class C:
                        @classmethod
                        def ALPHA(cls):
                            return "cm"

                        BETA = 2

                    cfg.update_config(C)
                elif kind == "class_staticmethod":

                    class C:
                        @staticmethod
                        def ALPHA():
                            return "sm"

                    cfg.update_config(C)
                elif kind == "class_private":

                    class C:
                        __DUNDER = 1
                        _GAMMA = 2
                        BETA = 3

                    cfg.update_config(C)
                elif kind == "class_lower":

                    class C:
                        delta = 1
                        Beta = 2

                    cfg.update_config(C)
                    keys.append("Beta")
                elif kind == "class_inherited":

                    class P:
                        ALPHA = "parent"

                    class C(P):
                        BETA = "child"

                    cfg.update_config(C)
                elif kind == "instance":

                    class C:
                        ALPHA = "cls"

                        def __init__(self):
                            self.BETA = "inst"

                    cfg.update_config(C())
                elif kind == "instance_property":

                    class C:
                        @property
                        def ALPHA(self):
                            return "iprop"

                    cfg.update_config(C())
                elif kind == "instance_dict_only":
                    cfg.update_config(types.SimpleNamespace(ALPHA=1, _GAMMA=2, delta=3))
                elif kind == "slots":

                    class C:
                        __slots__ = ("ALPHA",)

                        def __init__(self):
                            self.ALPHA = "slot"

                    cfg.update_config(C())
                elif kind == "module":
                    m = types.ModuleType("m11")
                    m.ALPHA = "mod"
                    m.delta = "low"
                    cfg.update_config(m)
                elif kind == "sub_property":

                    class Sub(Config):
                        @property
                        def ALPHA(self):
                            return "subprop"

                    cfg = Sub(env_prefix="NOPE_APIDIFF11_")
                    cfg.update_config({"BETA": 2})
                    try:
                        cfg.ALPHA = "set"
                    except Exception as e:
                        out.append([kind, "set", _exc(e)])
                elif kind == "sub_setter":

                    class Sub(Config):
                        _alpha = "init"

                        @property
                        def ALPHA(self):
                            return self._alpha

                        @ALPHA.setter
                        def ALPHA(self, v):
                            self._alpha = f"set:{v}"

                    cfg = Sub(env_prefix="NOPE_APIDIFF11_")
                    cfg.update_config({"ALPHA": "x"})
                    keys.append("_alpha")
                elif kind == "namedtuple":
                    NT = collections.namedtuple("NT", "ALPHA BETA")
                    cfg.update_config(NT(1, 2))
                elif kind == "bytes_py":
                    with tempfile.NamedTemporaryFile(
                        "w", suffix=".py", delete=False, dir="/tmp"
                    ) as fh:
                        fh.write("ALPHA = 'file'\n_GAMMA = 1\ndelta = 2\n")
                    try:
                        cfg.update_config(fh.name.encode())
                    finally:
                        os.unlink(fh.name)
                got = []
                for k in keys:
                    v = cfg.get(k, "<absent>")
                    got.append([k, v if isinstance(v, (str, int, type(None))) else type(v).__name__])
                out.append([kind, got])
            except Exception as e:
                out.append([kind, _exc(e)])
        return out

    # req_genid --------------------------------------------------------------------
    def op_req_genid(self, a):
        import uuid

        from apidiff_cases8 import _exc

        from sanic import Sanic, response
        from sanic.request import Request

        fixed = uuid.UUID("12345678-1234-5678-1234-567812345678")
        gen = a["gen"]

        class R(Request):
            @classmethod
            def generate_id(cls, *_):
                return {
                    "uuid": fixed,
                    "str": "sid",
                    "int": 42,
                    "zero": 0,
                    "empty": "",
                    "none": None,
                    "bytes": b"bid",
                    "list": [1],
                    "raise": None,
                }[gen] if gen != "raise" else (_ for _ in ()).throw(ValueError("no id"))

        self.n += 1
        kw = {} if gen == "default" else {"request_class": R}
        app = Sanic(f"rg{self.n}", **kw)
        if a["header_name"]:
            app.config.REQUEST_ID_HEADER = a["header_name"]

        @app.get("/")
        async def h(request):
            res = []
            for _ in range(a["reads"]):
                try:
                    v = request.id
                    if gen == "default" and a["header"] is None:
                        v = type(v).__name__
                    res.append(v if isinstance(v, (str, int, type(None))) else repr(v))
                except Exception as e:
                    res.append(_exc(e))
            return response.json(res)

        name = a["header_name"] or "X-Request-ID"
        headers = {} if a["header"] is None else {name: a["header"]}

        async def go():
            _, resp = await app.asgi_client.get("/", headers=headers)
            return [resp.status, resp.json if resp.status == 200 else resp.text[:120]]

        try:
            return self.run(go())
        except Exception as e:
            return _exc(e)

    # grp_hooks --------------------------------------------------------------------
    def op_grp_hooks(self, a):
        from apidiff_cases8 import _exc

        from sanic import Blueprint, response

        app = self._app8("gh")
        trail = []
        bps = [Blueprint(f"b{i}", url_prefix=f"/b{i}") for i in range(2)]
        for bp in bps:

            @bp.get("/r", name="r")
            async def r(request):
                e = request.args.get("e")
                if e == "v":
                    raise ValueError("v!")
                if e == "k":
                    raise KeyError("k!")
                return response.text(f"r {request.route.name}")

        if a["nested"]:
            inner = Blueprint.group(bps[1])
            g = Blueprint.group(bps[0], inner, url_prefix="/g")
        else:
            g = Blueprint.group(*bps, url_prefix="/g")

        @app.get("/out")
        async def out(request):
            if request.args.get("e") == "v":
                raise ValueError("out v")
            return response.text("out")

        regs = []

        def register(i, form):
            def fn(request, *rest):
                if rest and isinstance(rest[0], BaseException):
                    return response.text(f"caught{i} {type(rest[0]).__name__}", status=599)
                trail.append(f"{i}:{'resp' if rest else 'req'}")
                if rest and hasattr(rest[0], "headers"):
                    rest[0].headers[f"x-h{i}"] = "1"

            env = {"g": g, "fn": fn, "ValueError": ValueError, "KeyError": KeyError}
            try:
                got = eval(form, env)
                if "(fn" not in form:
                    got = got(fn)
                regs.append([form, "same" if got is fn else type(got).__name__])
            except Exception as e:
                regs.append([form, _exc(e)])

        if a["when"] == "after":
            app.blueprint(g)
        for i, form in enumerate(a["forms"]):
            register(i, form)
        if a["when"] == "before":
            try:
                app.blueprint(g)
            except Exception as e:
                return {"regs": regs, "blueprint": _exc(e)}

        async def go():
            res = []
            for path in a["requests"]:
                trail.clear()
                _, resp = await app.asgi_client.get(path)
                hs = sorted(k.lower() for k in resp.headers if k.lower().startswith("x-h"))
                res.append([path, resp.status, resp.text[:40], hs, list(trail)])
            return res

        try:
            return {"regs": regs, "requests": self.run(go())}
        except Exception as e:
            return {"regs": regs, "requests": _exc(e)}
