"""Twelfth-round areas for ``apidiff.py``: the helpers around serving, called directly.

``tls_ctx``: ``sanic.http.tls.context`` (``CertSimple``, ``CertSelector``,
``process_to_context``, ``load_cert_dir``, ``create_context``, ``match_hostname``,
``find_cert``, ``selector_sni_callback``) over certificates made with ``openssl`` (names
in the subjectAltName, a wildcard, IP addresses, capitals, an IDN, only a commonName, an
encrypted key) and certbot-style folders, with odd ``ssl=`` forms. ``sock_bind``:
``sanic.server.socket`` (``bind_socket``, ``bind_unix_socket``, ``remove_unix_socket``,
``configure_socket``) with odd hosts, ports, backlogs, modes, paths and settings dicts;
what the sockets are (family, blocking, inheritable, options, the file's mode) and what is
left on disk. ``router_direct``: ``sanic_routing.BaseRouter`` used alone, as plugins do:
``add`` with ``overwrite``/``append``/``priority``/``requirements``/``strict``/``unquote``
and method forms, routers with ``stacking``/``cascade_not_found``, then ``finalize``, the
routes' attributes, the groups and ``resolve`` with ``method`` and ``extra``.

Generators (``GENERATORS12``) are run by the driver; the worker's operations (``Ops12``)
are mixed into ``apidiff.Worker``.
"""

from __future__ import annotations

# ------------------------------------------------------------------------- generators

TLS_FILES = ["plain", "wild", "ip", "cn", "upper", "idn", "enc", "nope"]
TLS_DIRS = ["dir_ok", "dir_nokey", "dir_empty", "dir_nope", "plain.crt", "dir_wild"]
TLS_HOSTS = [
    "example.com",
    "www.example.com",
    "EXAMPLE.COM",
    "a.example.org",
    "example.org",
    "a.b.example.org",
    "example.org.",
    ".example.org",
    "*.example.org",
    "127.0.0.1",
    "::1",
    "0:0:0:0:0:0:0:1",
    "localhost",
    "upper.example.net",
    "cn.test",
    "enc.test",
    "xn--bcher-kva.example",
    "",
    "nope",
]


def _tls_item(rng, depth=0):
    k = rng.random()
    if k < 0.35:
        return ["dir", rng.choice(TLS_DIRS)]
    if k < 0.65:
        name = rng.choice(TLS_FILES[:7])
        d = {}
        ck = rng.choice(["cert", "cert", "cert", "certfile", None])
        kk = rng.choice(["key", "key", "key", "keyfile", None])
        if ck:
            d[ck] = rng.choice([name, name, name, "nope", ""])
        if kk:
            d[kk] = rng.choice([name, name, name, "nope", "", "wild"])
        if d.get(kk) == "enc" or rng.random() < 0.1:  # (no password: OpenSSL would prompt)
            d["password"] = rng.choice(["secret", "secret", "bad"])
        if rng.random() < 0.15:
            d["names"] = rng.choice([["a.test"], ["*.b.test", "b.test"], []])
        if rng.random() < 0.1:
            d["extra"] = 1
        return ["dict", d]
    if k < 0.75:
        return ["none"]
    if k < 0.85:
        return ["ctx", rng.choice(["simple", "plain"])]
    if depth == 0 and k < 0.95:
        return [
            rng.choice(["list", "tuple"]),
            [_tls_item(rng, 1) for _ in range(rng.randint(0, 3))],
        ]
    return ["odd", rng.choice(["int", "bytes", "set", "nested"])]


def gen_tls_ctx(rng):
    k = rng.random()
    if k < 0.3:
        name = rng.choice(TLS_FILES)
        kw = {}
        if name == "enc":  # always a password: without one OpenSSL prompts on the terminal
            kw["password"] = rng.choice(["secret", "secret", "bad"])
        elif rng.random() < 0.1:
            kw["password"] = rng.choice(["secret", None])
        if rng.random() < 0.2:
            kw["names"] = rng.choice([["a.test"], ["*.b.test", "b.test"], [], ["A.Test"]])
        if rng.random() < 0.1:
            kw["foo"] = "bar"
        build = [
            "simple",
            name,
            rng.choice([name, name, name, "wild", "nope"]),
            kw,
            rng.choice(["str", "path"]),
        ]
    elif k < 0.55:
        build = ["process", _tls_item(rng)]
    elif k < 0.8:
        build = ["selector", [_tls_item(rng, 1) for _ in range(rng.randint(0, 4))]]
    elif k < 0.9:
        build = ["load_cert_dir", rng.choice(TLS_DIRS)]
    else:
        name = rng.choice(TLS_FILES + [None])
        build = ["create", name, "secret" if name == "enc" else rng.choice([None, "secret"])]
    return {
        "build": build,
        "hosts": rng.sample(TLS_HOSTS, rng.randint(1, 6)),
        "sni": rng.sample(TLS_HOSTS + [None], rng.randint(0, 3)),
    }


SB_HOSTS = ["127.0.0.1", "127.0.0.1", "::1", "[::1]", "localhost", None, 1, " 127.0.0.1"]
SB_PORTS = [0, 0, 0, "0", -1, 70000, None, 1.5]
SB_BACKLOG = ["omit", "omit", 0, 5, "5", None, -1]
SB_UNIX = ["new", "new", "again", "file", "dir", "nodir", "long", "rel", "bytes", "pathobj"]
SB_UNIX += ["symlink", "dangling"]
SB_MODES = ["omit", "omit", 0o600, 0o777, "0o600", None, 0o4755]
SB_REMOVE = ["sock", "file", "missing", "none", "dir", "symlink", "pathobj", "bytes"]


def _sb_step(rng):
    k = rng.random()
    if k < 0.35:
        return ["tcp", rng.choice(SB_HOSTS), rng.choice(SB_PORTS), rng.choice(SB_BACKLOG)]
    if k < 0.65:
        return ["unix", rng.choice(SB_UNIX), rng.choice(SB_MODES), rng.choice(SB_BACKLOG)]
    if k < 0.8:
        return ["remove", rng.choice(SB_REMOVE)]
    settings = {}
    full = rng.random() < 0.7
    for key, choices in (
        ("host", ["127.0.0.1", "::1", None, None, "nope.invalid"]),
        ("port", [0, 0, None, -1]),
        ("unix", [None, None, "new", "file", "nodir"]),
        ("backlog", [100, 100, 0, None]),
        ("sock", [None, None, None, "tcp", "str"]),
        ("version", [1, 1, 3]),
    ):
        if full or rng.random() < 0.5:
            settings[key] = rng.choice(choices)
    return ["configure", settings]


def gen_sock_bind(rng):
    return {"steps": [_sb_step(rng) for _ in range(rng.randint(1, 4))]}


RD_PATHS = [
    "/a",
    "/a",
    "/a/",
    "a",
    "/b/<x:int>",
    "/b/<y:int>",
    "/b/<y>",
    "/c/<p:path>",
    "/d/<f:ext=txt>",
    "/e/<x:[0-9]+>",
    "/<x>",
    "/f/<x:float>",
    "",
    "/g/<x:int>/h",
    "/A",
]
RD_METHODS = [
    "omit",
    ["list", ["GET"]],
    ["list", ["GET"]],
    ["list", ["get"]],
    ["list", ["GET", "POST"]],
    ["tuple", ["PUT"]],
    ["set", ["DELETE"]],
    ["frozenset", ["GET", "PATCH"]],
    ["list", []],
    ["none", None],
    ["list", ["GET", "HEAD"]],
]
RD_REQS = [
    ["/a", "GET"],
    ["/a", "POST"],
    ["/a", "get"],
    ["/a/", "GET"],
    ["a", "GET"],
    ["/A", "GET"],
    ["/b/5", "GET"],
    ["/b/x", "GET"],
    ["/b/-1", "PUT"],
    ["/c/x/y", "GET"],
    ["/d/f.txt", "GET"],
    ["/d/f.gz", "GET"],
    ["/e/12", "GET"],
    ["/e/x", "GET"],
    ["/zz", "GET"],
    ["/f/1.5", "DELETE"],
    ["/g/3/h", "GET"],
    ["", "GET"],
    ["/", "GET"],
    ["/a", None],
    ["/a", "BASE"],
    ["/nope/x/y", "GET"],
]


def gen_router_direct(rng):
    routes = []
    for _ in range(rng.randint(1, 6)):
        r = {"path": rng.choice(RD_PATHS), "handler": rng.randint(0, 2)}
        m = rng.choice(RD_METHODS)
        if m != "omit":
            r["methods"] = m
        for key, choices, p in (
            ("name", ["n1", "n2", "", "n.x"], 0.3),
            ("requirements", [{"host": "x"}, {"host": "y"}, {}, None], 0.25),
            ("strict", [True, False], 0.3),
            ("unquote", [True, False], 0.15),
            ("overwrite", [True, False], 0.25),
            ("append", [True, False], 0.25),
            ("priority", [0, 1, 2, -1], 0.25),
        ):
            if rng.random() < p:
                r[key] = rng.choice(choices)
        routes.append(r)
    reqs = []
    for _ in range(rng.randint(1, 6)):
        path, method = rng.choice(RD_REQS)
        extra = rng.choice([None, None, {"host": "x"}, {"host": "y"}, {}])
        reqs.append([path, method, extra])
    return {
        "opts": {
            k: rng.random() < 0.5 for k in ("stacking", "cascade_not_found") if rng.random() < 0.4
        },
        "routes": routes,
        "finalize": rng.random() < 0.9,
        "requests": reqs,
    }


GENERATORS12 = {
    "tls_ctx": gen_tls_ctx,
    "sock_bind": gen_sock_bind,
    "router_direct": gen_router_direct,
}
SLOW12: dict[str, float] = {}

# --------------------------------------------------------------------------- worker side

CERTS12 = "/tmp/apidiff12_certs"
SOCKS12 = "/tmp/apidiff12_socks"


def _certs12():
    """Certificates and folders made once with the openssl command line."""
    import os
    import shutil
    import subprocess

    if os.path.exists(f"{CERTS12}/done"):
        return CERTS12
    shutil.rmtree(CERTS12, ignore_errors=True)
    os.makedirs(CERTS12)
    specs = [
        ("plain", "/CN=example.com", "DNS:example.com,DNS:www.example.com"),
        ("wild", "/CN=wild", "DNS:*.example.org,DNS:example.org"),
        ("ip", "/CN=localhost", "IP:127.0.0.1,DNS:localhost,IP:::1"),
        ("cn", "/CN=cn.test", None),
        ("upper", "/CN=x", "DNS:UPPER.Example.NET"),
        ("idn", "/CN=idn", "DNS:xn--bcher-kva.example"),
        ("enc", "/CN=enc.test", "DNS:enc.test"),
    ]
    for name, subj, san in specs:
        cmd = ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-days", "3650"]
        cmd += ["-keyout", f"{CERTS12}/{name}.key", "-out", f"{CERTS12}/{name}.crt"]
        cmd += ["-subj", subj]
        if san:
            cmd += ["-addext", f"subjectAltName={san}"]
        cmd += ["-passout", "pass:secret"] if name == "enc" else ["-nodes"]
        subprocess.run(cmd, check=True, capture_output=True, timeout=60)
    for folder, src, key in (
        ("dir_ok", "plain", True),
        ("dir_wild", "wild", True),
        ("dir_nokey", "plain", False),
        ("dir_empty", None, False),
    ):
        os.makedirs(f"{CERTS12}/{folder}")
        if src:
            shutil.copy(f"{CERTS12}/{src}.crt", f"{CERTS12}/{folder}/fullchain.pem")
        if key:
            shutil.copy(f"{CERTS12}/{src}.key", f"{CERTS12}/{folder}/privkey.pem")
    open(f"{CERTS12}/done", "w").close()
    return CERTS12


def _file12(name, ext):
    if name is None:
        return None
    if name == "":
        return ""
    return f"{CERTS12}/{name}.{ext}"


def _plain_val(v):
    import os

    if isinstance(v, os.PathLike):
        return {"path": os.fspath(v)}
    if isinstance(v, (list, tuple)):
        return [_plain_val(x) for x in v]
    return v


def _ctx_view(ctx, top=True):
    """What a user reads of a context: its class, its ``sanic`` record (keys sorted), and
    for a selector its certificates and fallback."""
    import ssl

    if ctx is None:
        return None
    out = {"type": type(ctx).__name__, "ssl": isinstance(ctx, ssl.SSLContext)}
    rec = getattr(ctx, "sanic", None)
    if isinstance(rec, dict):
        out["sanic"] = sorted([k, _plain_val(v)] for k, v in rec.items())
    elif rec is not None:
        out["sanic"] = repr(rec)
    if hasattr(ctx, "sanic_select"):
        sel = list(ctx.sanic_select)
        out["select"] = [_ctx_view(c, False) for c in sel]
        fb = getattr(ctx, "sanic_fallback", "missing")
        out["fallback"] = (
            fb
            if fb in (None, "missing")
            else next((i for i, c in enumerate(sel) if c is fb), "other")
        )
    if top and isinstance(ctx, ssl.SSLContext):
        out["min"] = str(ctx.minimum_version)
        out["verify"] = str(ctx.verify_mode)
        out["check_hostname"] = ctx.check_hostname
        out["ciphers"] = sorted(c["name"] for c in ctx.get_ciphers())
    return out


def _tls_item12(item):
    import ssl

    from sanic.http.tls.context import CertSimple

    kind = item[0]
    if kind == "dir":
        return f"{CERTS12}/{item[1]}"
    if kind == "dict":
        d = {}
        for k, v in item[1].items():
            if k in ("cert", "certfile"):
                v = _file12(v, "crt")
            elif k in ("key", "keyfile"):
                v = _file12(v, "key")
            d[k] = v
        return d
    if kind == "none":
        return None
    if kind == "ctx":
        if item[1] == "simple":
            return CertSimple(f"{CERTS12}/wild.crt", f"{CERTS12}/wild.key")
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(f"{CERTS12}/plain.crt", f"{CERTS12}/plain.key")
        return ctx
    if kind in ("list", "tuple"):
        items = [_tls_item12(x) for x in item[1]]
        return items if kind == "list" else tuple(items)
    return {
        "int": 5,
        "bytes": f"{CERTS12}/dir_ok".encode(),
        "set": frozenset([f"{CERTS12}/dir_ok"]),
        "nested": [[f"{CERTS12}/dir_ok"]],
    }[item[1]]


def _exc12(e):
    """An exception's picture without what changes from run to run (temporary names)."""
    import re

    from apidiff_cases8 import _exc

    info = _exc(e)
    info["msg"] = re.sub(r"(\.sock)\.[A-Za-z0-9_-]{6,}", r"\1.<tmp>", info["msg"])
    # A set of methods in a message (RouteExists): sanic-routing's order is the set's.
    info["msg"] = re.sub(
        r"\[([A-Za-z]+(?:,[A-Za-z]+)+)\]$",
        lambda m: "[" + ",".join(sorted(m.group(1).split(","))) + "]",
        info["msg"],
    )
    return info


class Ops12:
    # tls_ctx ----------------------------------------------------------------------
    def op_tls_ctx(self, a):
        from pathlib import Path
        from types import SimpleNamespace

        from sanic.http.tls import context as T

        _certs12()
        b = a["build"]
        try:
            if b[0] == "simple":
                cert, key = _file12(b[1], "crt"), _file12(b[2], "key")
                if b[4] == "path":
                    cert, key = Path(cert), Path(key)
                ctx = T.CertSimple(cert, key, **b[3])
            elif b[0] == "process":
                ctx = T.process_to_context(_tls_item12(b[1]))
            elif b[0] == "selector":
                ctx = T.CertSelector([_tls_item12(x) for x in b[1]])
            elif b[0] == "load_cert_dir":
                ctx = T.load_cert_dir(f"{CERTS12}/{b[1]}")
            else:
                ctx = T.create_context(_file12(b[1], "crt"), _file12(b[1], "key"), b[2])
        except Exception as e:
            return {"build": _exc12(e)}
        out = {"ctx": _ctx_view(ctx)}
        if ctx is None:
            return out
        match = []
        for host in a["hosts"]:
            try:
                match.append([host, T.match_hostname(ctx, host)])
            except Exception as e:
                match.append([host, _exc12(e)])
        out["match"] = match
        if hasattr(ctx, "sanic_select"):
            found = []
            for host in a["hosts"]:
                try:
                    c = T.find_cert(ctx, host)
                    found.append([host, None if c is None else ctx.sanic_select.index(c)])
                except Exception as e:
                    found.append([host, _exc12(e)])
            out["find"] = found
            sni = []
            for host in a["sni"]:
                obj = SimpleNamespace(context=None)
                try:
                    ret = T.selector_sni_callback(obj, host, ctx)
                    chosen = obj.context
                    idx = (
                        None
                        if chosen is None
                        else next(
                            (i for i, c in enumerate(ctx.sanic_select) if c is chosen), "other"
                        )
                    )
                    sni.append([host, _plain_val(ret), idx, getattr(obj, "sanic_server_name", "-")])
                except Exception as e:
                    sni.append([host, _exc12(e)])
            out["sni"] = sni
        return out

    # sock_bind --------------------------------------------------------------------
    def op_sock_bind(self, a):
        import os
        import shutil
        import socket
        import stat
        from pathlib import Path

        from sanic.server import socket as S

        shutil.rmtree(SOCKS12, ignore_errors=True)
        os.makedirs(SOCKS12)
        with open(f"{SOCKS12}/file", "w") as fh:
            fh.write("x")
        os.makedirs(f"{SOCKS12}/dir")
        os.symlink(f"{SOCKS12}/u.sock", f"{SOCKS12}/link")
        os.symlink(f"{SOCKS12}/gone", f"{SOCKS12}/dangling")
        paths = {
            "new": f"{SOCKS12}/u.sock",
            "again": f"{SOCKS12}/u.sock",
            "sock": f"{SOCKS12}/u.sock",
            "file": f"{SOCKS12}/file",
            "dir": f"{SOCKS12}/dir",
            "nodir": f"{SOCKS12}/none/u.sock",
            "long": f"{SOCKS12}/" + "l" * 110 + ".sock",
            "rel": os.path.relpath(f"{SOCKS12}/rel.sock", os.getcwd()),
            "bytes": f"{SOCKS12}/b.sock".encode(),
            "pathobj": Path(f"{SOCKS12}/p.sock"),
            "symlink": f"{SOCKS12}/link",
            "dangling": f"{SOCKS12}/dangling",
            "missing": f"{SOCKS12}/missing.sock",
            "none": None,
        }
        opened = []

        def view(s):
            if not isinstance(s, socket.socket):
                return {"obj": type(s).__name__}
            opened.append(s)
            name = s.getsockname()
            if s.family == socket.AF_UNIX:
                where = "unix"
            else:
                where = [name[0], name[1] != 0]
            return {
                "family": s.family.name,
                "type": s.type.name,
                "where": where,
                "blocking": s.getblocking(),
                "inheritable": s.get_inheritable(),
                "reuseaddr": s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0,
                "reuseport": s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) != 0,
                "listening": s.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN) != 0,
            }

        def tree():
            out = []
            for name in sorted(os.listdir(SOCKS12)):
                st = os.lstat(f"{SOCKS12}/{name}")
                kind = (
                    "sock"
                    if stat.S_ISSOCK(st.st_mode)
                    else "link"
                    if stat.S_ISLNK(st.st_mode)
                    else "dir"
                    if stat.S_ISDIR(st.st_mode)
                    else "file"
                )
                mode = oct(stat.S_IMODE(st.st_mode)) if kind == "sock" else None
                out.append([name[:20], kind, mode])
            return out

        res = []
        try:
            for step in a["steps"]:
                try:
                    if step[0] == "tcp":
                        kw = {} if step[3] == "omit" else {"backlog": step[3]}
                        got = view(S.bind_socket(step[1], step[2], **kw))
                    elif step[0] == "unix":
                        kw = {} if step[2] == "omit" else {"mode": step[2]}
                        if step[3] != "omit":
                            kw["backlog"] = step[3]
                        got = view(S.bind_unix_socket(paths[step[1]], **kw))
                    elif step[0] == "remove":
                        got = S.remove_unix_socket(paths[step[1]])
                    else:
                        settings = dict(step[1])
                        if settings.get("unix") is not None:
                            settings["unix"] = paths[settings["unix"]]
                        if settings.get("sock") == "tcp":
                            settings["sock"] = S.bind_socket("127.0.0.1", 0)
                            opened.append(settings["sock"])
                        got = S.configure_socket(settings)
                        got = {
                            "sock": None if got is None else view(got),
                            "settings": sorted(
                                [
                                    k,
                                    {"obj": type(v).__name__}
                                    if isinstance(v, socket.socket)
                                    else _plain_val(v),
                                ]
                                for k, v in settings.items()
                            ),
                        }
                    res.append([step[0], "ok", got, tree()])
                except Exception as e:
                    res.append([step[0], _exc12(e), tree()])
        finally:
            for s in opened:
                s.close()
        return res

    # router_direct ----------------------------------------------------------------
    def op_router_direct(self, a):
        from sanic_routing import BaseRouter

        class R(BaseRouter):
            def get(self, path, method, extra=None):
                return self.resolve(path=path, method=method, extra=extra)

        def h0():
            pass

        def h1():
            pass

        def h2():
            pass

        handlers = [h0, h1, h2]
        try:
            router = R(**a["opts"])
        except Exception as e:
            return {"router": _exc12(e)}
        added = []
        routes = []
        for r in a["routes"]:
            kw = {k: v for k, v in r.items() if k not in ("path", "handler")}
            if "methods" in kw:
                form, items = kw["methods"]
                kinds = {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}
                kw["methods"] = None if form == "none" else kinds[form](items)
            try:
                route = router.add(r["path"], handlers[r["handler"]], **kw)
                routes.append(route)
                added.append([type(route).__name__])
            except Exception as e:
                added.append(_exc12(e))
        out = {"added": added}
        if not a["finalize"]:
            reqs = []
            for path, method, extra in a["requests"][:1]:
                try:
                    router.get(path, method, extra)
                    reqs.append("resolved")
                except Exception as e:
                    reqs.append(_exc12(e)["exc"][0])
            out["unfinalized"] = reqs
            return out
        try:
            router.finalize()
            out["finalize"] = "ok"
        except Exception as e:
            out["finalize"] = _exc12(e)
            return out

        def route_view(route):
            params = getattr(route, "params", None) or {}
            return {
                "path": route.path,
                "name": route.name,
                "methods": sorted(route.methods),
                "strict": route.strict,
                "unquote": route.unquote,
                "requirements": route.requirements,
                "priority": route.priority,
                "static": route.static,
                "regex": route.regex,
                "params": sorted(params) if isinstance(params, dict) else repr(params),
                "segments": list(route.segments),
                "handler": route.handler.__name__,
            }

        out["routes"] = [route_view(r) for r in routes]
        out["groups"] = sorted(
            [
                "/".join(map(str, k)) if isinstance(k, tuple) else str(k),
                [route_view(r)["handler"] for r in g.routes],
                sorted(g.methods),
            ]
            for k, g in router.groups.items()
        )
        out["names"] = sorted(router.name_index)
        reqs = []
        for path, method, extra in a["requests"]:
            try:
                route, handler, params = router.get(path, method, extra)
                reqs.append([route.path, handler.__name__, params])
            except Exception as e:
                info = _exc12(e)
                allowed = getattr(e, "allowed_methods", None)
                if allowed is not None:
                    info["allowed"] = sorted(allowed)
                reqs.append(info)
        out["requests"] = reqs
        return out
