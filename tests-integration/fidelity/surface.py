"""The public Python API surface of ``sanic``, ``sanic_routing`` and ``sanic_testing``,
under real Sanic 25.12 and under this tree, compared.

    python3 tests-integration/fidelity/surface.py            # dump under both, print the diff
    SANIC_PY=/path/bin/python HURTLE_PY=.venv/bin/python python3 .../surface.py
    python surface.py dump OUT.json                          # under one interpreter
    python3 surface.py diff REF.json OURS.json [-v]

Each interpreter imports every module of the three packages (``pkgutil.walk_packages``,
import errors recorded) and records, for every public name (no leading underscore, plus
``__all__``): its kind (module, class, enum, function, constant, typing alias), for classes
their constructor signature, public methods (signature: parameter names, kinds, defaults'
reprs), properties, slots, class attributes (repr) and enum members, for callables their
signature and for constants their repr. Instances users hold (an app, a request from each
test client, a blueprint, a response, a router...) are made and their attributes listed.

A name counts as the module's own when it is in ``__all__`` or the reference module binds it
itself (by its source's top-level statements, or imports it from one of its submodules);
other names are re-imports, listed apart. ``scripts/api_coverage.py`` checks that names
and parameters exist; this one also compares defaults, kinds, values and enum members.
"""

from __future__ import annotations

import ast
import enum
import importlib
import inspect
import json
import os
import pkgutil
import re
import subprocess
import sys
import tempfile
import types
import warnings
from pathlib import Path
from typing import Any

PACKAGES = ("sanic", "sanic_routing", "sanic_testing")
OWN_PREFIXES = (*PACKAGES, "hurtle_")
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


# --- dump (runs under each interpreter) -----------------------------------------------------
def _repr(value: object, limit: int = 300) -> str:
    try:
        text = ADDRESS.sub("", repr(value))
    except Exception as exc:
        return f"<repr failed: {type(exc).__name__}>"
    return text if len(text) <= limit else text[:limit] + "..."


def _signature(obj: object) -> list[list[Any]] | str:
    try:
        sig = inspect.signature(obj)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        return f"<no signature: {type(exc).__name__}>"
    return [
        [p.name, p.kind.name, None if p.default is p.empty else _repr(p.default)]
        for p in sig.parameters.values()
    ]


def _flavour(obj: object) -> str:
    """``async`` for a coroutine function, ``asyncgen`` for an async generator, else ``sync``."""
    func = getattr(obj, "__func__", obj)
    if inspect.iscoroutinefunction(func):
        return "async"
    return "asyncgen" if inspect.isasyncgenfunction(func) else "sync"


def _origin(obj: object) -> str:
    name = obj.__name__ if isinstance(obj, types.ModuleType) else getattr(obj, "__module__", "")
    name = name if isinstance(name, str) else ""
    return "own" if name.startswith(OWN_PREFIXES) else "foreign:" + name


def _kind(obj: object) -> str:
    if isinstance(obj, types.ModuleType):
        return "module"
    if inspect.isclass(obj):
        return "enum" if issubclass(obj, enum.Enum) else "class"
    if inspect.isroutine(obj):
        return "function"
    if type(obj).__module__.startswith(("typing", "collections.abc")) or type(obj).__name__ in (
        "TypeVar",
        "ParamSpec",
        "GenericAlias",
        "UnionType",
    ):
        return "typing"
    return "callable" if callable(obj) else "constant"


def _member(cls: type, name: str) -> dict[str, Any]:
    try:
        raw = inspect.getattr_static(cls, name)
    except AttributeError:
        raw = None
    kind = type(raw).__name__
    if kind == "member_descriptor":
        return {"k": "slot"}
    if isinstance(raw, property) or kind in ("cached_property", "getset_descriptor"):
        return {"k": "property"}
    if isinstance(raw, staticmethod):
        return {"k": "staticmethod", "sig": _signature(raw.__func__), "f": _flavour(raw)}
    if isinstance(raw, classmethod):
        return {"k": "classmethod", "sig": _signature(getattr(cls, name)), "f": _flavour(raw)}
    try:
        value = getattr(cls, name)
    except Exception as exc:
        return {"k": "attr-error", "err": type(exc).__name__}
    if inspect.isroutine(value):
        target = raw if inspect.isfunction(raw) else value
        return {"k": "method", "sig": _signature(target), "f": _flavour(target)}
    if inspect.isclass(value):
        return {"k": "class-attr-class", "v": value.__qualname__}
    return {"k": "class-attr", "v": _repr(value)}


def _describe(obj: Any) -> dict[str, Any]:
    kind = _kind(obj)
    out: dict[str, Any] = {"kind": kind, "origin": _origin(obj)}
    if kind in ("class", "enum"):
        out["qual"] = f"{obj.__module__}.{obj.__qualname__}"
        out["sig"] = _signature(obj)
        if kind == "enum":
            out["members"] = {m.name: _repr(m.value) for m in obj}
        out["attrs"] = {
            name: _member(obj, name)
            for name in dir(obj)
            if not name.startswith("_") and not (kind == "enum" and name in obj.__members__)
        }
    elif kind in ("function", "callable"):
        out["sig"] = _signature(obj)
        out["f"] = _flavour(obj)
    elif kind == "module":
        out["name"] = obj.__name__
    else:
        out["repr"] = _repr(obj, 2000)
    return out


def _own_bindings(module: types.ModuleType) -> set[str]:
    """Names a module binds at top level, or imports from its own submodules."""
    path = getattr(module, "__file__", None)
    if not path or not path.endswith(".py"):
        return set()
    modname = module.__name__
    package = modname if path.endswith("__init__.py") else modname.rpartition(".")[0]
    names: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
            elif isinstance(node, ast.ImportFrom):
                source = node.module or ""
                if node.level:
                    parts = package.split(".")
                    parent = ".".join(parts[: len(parts) - node.level + 1])
                    source = parent + ("." + source if source else "")
                if source.startswith(modname + "."):
                    names.update(a.asname or a.name for a in node.names)
            elif isinstance(node, (ast.If, ast.Try)):
                visit(node.body)
                visit(node.orelse)
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)

    visit(ast.parse(Path(path).read_text()).body)
    return names


def _instances() -> dict[str, dict[str, str]]:
    """Public attributes (slots and instance attributes included) of objects users hold."""
    import asyncio

    from sanic import Blueprint, Request, Sanic, text
    from sanic.blueprint_group import BlueprintGroup
    from sanic.compat import Header
    from sanic.config import Config
    from sanic.cookies import Cookie, CookieJar
    from sanic.exceptions import NotFound, SanicException
    from sanic.response import json as json_response
    from sanic.views import HTTPMethodView

    app = Sanic("SurfaceApp")
    seen: dict[str, Any] = {}

    @app.get("/")
    async def index(request: Request) -> Any:
        seen.update(request=request, route=request.route, conn_info=request.conn_info)
        return text("ok")

    @app.post("/form")
    async def form(request: Request) -> Any:
        seen.update(
            form=request.form,
            file=request.files.get("f"),
            args=request.args,
            headers=request.headers,
            cookies=request.cookies,
        )
        return text("ok")

    @app.websocket("/ws")
    async def ws_handler(request: Request, ws: Any) -> None:
        seen["ws"] = ws
        await ws.send("hi")

    made: dict[str, Any] = {}
    app.test_client.post(
        "/form?a=1",
        data={"x": "1"},
        files={"f": ("f.txt", b"data", "text/plain")},
        cookies={"c": "1"},
    )
    app.test_client.websocket("/ws")
    for key in ("form", "file", "args", "headers", "cookies", "ws"):
        made[f"request part:{key}"] = seen[key]
    _, response = app.test_client.get("/")
    made["sanic:Request (test_client)"] = seen["request"]
    made["sanic_testing:TestingResponse (test_client)"] = response
    made["sanic_routing:Route"] = seen["route"]
    made["sanic.models.server_types:ConnInfo"] = seen["conn_info"]
    request, response = asyncio.run(app.asgi_client.get("/"))
    made["sanic:Request (asgi_client)"] = request
    made["sanic_testing:TestingResponse (asgi_client)"] = response
    made.update(
        {
            "sanic:Sanic": app,
            "sanic.application.state:ApplicationState": app.state,
            "sanic:Blueprint": Blueprint("surface_bp", url_prefix="/p"),
            "sanic:BlueprintGroup": BlueprintGroup(),
            "sanic.config:Config": Config(),
            "sanic:HTTPResponse (text)": text("x"),
            "sanic.response:JSONResponse": json_response({"a": 1}),
            "sanic.cookies:CookieJar": CookieJar(Header()),
            "sanic.cookies:Cookie": Cookie("a", "b"),
            "sanic.exceptions:SanicException": SanicException("x"),
            "sanic.exceptions:NotFound": NotFound("x"),
            "sanic.views:HTTPMethodView": HTTPMethodView(),
            "sanic.router:Router": app.router,
            "sanic.signals:SignalRouter": app.signal_router,
            "sanic.handlers:ErrorHandler": app.error_handler,
        }
    )
    out = {}
    for key, obj in made.items():
        attrs = {}
        for name in dir(obj):
            if name.startswith("_"):
                continue
            try:
                value = getattr(obj, name)
            except Exception as exc:
                attrs[name] = f"<raises {type(exc).__name__}>"
                continue
            attrs[name] = "method" if inspect.ismethod(value) else type(value).__name__
            if isinstance(value, (str, bytes, int, float, bool, type(None))):
                attrs[name] += " " + _repr(value, 80)
            if not inspect.ismethod(value):
                try:  # the same value back: is it writable?
                    setattr(obj, name, value)
                except Exception as exc:
                    attrs[name] += f" (read-only: {type(exc).__name__})"
        out[key] = attrs
    return out


def dump(out: str) -> None:
    warnings.simplefilter("ignore")
    errors: dict[str, str] = {}
    names: list[str] = []
    for package in PACKAGES:
        names.append(package)

        def onerror(name: str) -> None:
            kind, exc = sys.exc_info()[:2]
            errors[name] = f"{getattr(kind, '__name__', kind)}: {exc}"

        root = importlib.import_module(package)
        names += [m.name for m in pkgutil.walk_packages(root.__path__, package + ".", onerror)]
    loaded = {}
    for modname in sorted(set(names)):
        if modname.endswith(".__main__"):
            continue
        try:
            loaded[modname] = importlib.import_module(modname)
        except BaseException as exc:
            errors[modname] = f"{type(exc).__name__}: {_repr(str(exc))}"
    modules = {}
    for modname, module in loaded.items():  # after every import: submodules are attributes
        exported = list(getattr(module, "__all__", None) or [])
        bound = _own_bindings(module)
        entries: dict[str, Any] = {}
        for name in sorted({n for n in dir(module) if not n.startswith("_")} | set(exported)):
            if not hasattr(module, name):
                entries[name] = {"kind": "missing-from-__all__"}
                continue
            entries[name] = _describe(getattr(module, name))
            entries[name]["in_all"] = name in exported
            entries[name]["here"] = name in exported or name in bound
        modules[modname] = {"all": exported, "names": entries}
    data = {"modules": modules, "errors": errors, "instances": _instances()}
    Path(out).write_text(json.dumps(data, indent=1, sort_keys=True))
    count = sum(len(m["names"]) for m in modules.values())
    print(f"{len(modules)} modules, {count} names, {len(errors)} import errors", file=sys.stderr)


# --- diff -----------------------------------------------------------------------------------
def _sig_text(sig: list[list[Any]] | str) -> str:
    if isinstance(sig, str):
        return sig
    parts = []
    for name, kind, default in sig:
        star = {"VAR_POSITIONAL": "*", "VAR_KEYWORD": "**"}.get(kind, "")
        tag = {"KEYWORD_ONLY": "kw:", "POSITIONAL_ONLY": "po:"}.get(kind, "")
        parts.append(f"{tag}{star}{name}" + (f"={default}" if default is not None else ""))
    return "(" + ", ".join(parts) + ")"


def _unbound(sig: list[list[Any]] | str) -> list[list[Any]] | str:
    return sig if isinstance(sig, str) else [p for p in sig if p[0] not in ("self", "cls")]


def _is_own(modname: str, name: str, entry: dict[str, Any]) -> bool:
    if entry["kind"] == "module":
        return entry.get("name") == f"{modname}.{name}"
    return bool(entry.get("here"))


class Report:
    def __init__(self) -> None:
        self.counts = dict.fromkeys(
            (
                "modules",
                "missing_modules",
                "names",
                "missing_names",
                "members",
                "missing_members",
                "signatures",
                "values",
                "reimports",
                "missing_reimports",
            ),
            0,
        )
        self.lines: list[str] = []

    def add(self, text: str) -> None:
        self.lines.append(text)


def _compare_class(label: str, ref: dict, ours: dict, on_instance: set, rep: Report) -> None:
    if ref["kind"] != ours["kind"]:
        rep.add(f"  KIND {label}: {ref['kind']} vs {ours['kind']}")
    if "sig" in ours and ref["sig"] != ours["sig"]:
        rep.counts["signatures"] += 1
        rep.add(f"  SIG {label}\n      ref  {_sig_text(ref['sig'])}\n      ours {_sig_text(ours['sig'])}")
    if "members" in ref and ref["members"] != ours.get("members"):
        rep.counts["values"] += 1
        rep.add(f"  ENUM {label}\n      ref  {ref['members']}\n      ours {ours.get('members')}")
    for name, r in sorted(ref["attrs"].items()):
        o = ours.get("attrs", {}).get(name)
        if o is None:
            if r["k"] in ("slot", "property") and name in on_instance:
                continue  # an instance attribute in ours
            rep.counts["missing_members"] += 1
            rep.add(f"  MISSING-MEMBER {label}.{name} ({r['k']})")
            continue
        kinds = {r["k"], o["k"]}
        if len(kinds) > 1 and not (
            kinds <= {"property", "class-attr", "slot"}
            or kinds <= {"method", "classmethod", "staticmethod"}
        ):
            rep.add(f"  MEMBER-KIND {label}.{name}: {r['k']} vs {o['k']}")
        if "sig" in r and "sig" in o and _unbound(r["sig"]) != _unbound(o["sig"]):
            rep.counts["signatures"] += 1
            rep.add(
                f"  SIG {label}.{name}\n      ref  {_sig_text(_unbound(r['sig']))}"
                f"\n      ours {_sig_text(_unbound(o['sig']))}"
            )
        if r.get("f", "sync") != o.get("f", "sync"):
            rep.add(f"  ASYNC {label}.{name}: {r.get('f')} vs {o.get('f')}")
        if r["k"] == o["k"] == "class-attr" and r["v"] != o["v"]:
            rep.counts["values"] += 1
            rep.add(f"  ATTR-VALUE {label}.{name}\n      ref  {r['v']}\n      ours {o['v']}")


def diff(ref_path: str, ours_path: str, verbose: bool = False) -> Report:
    ref = json.loads(Path(ref_path).read_text())
    ours = json.loads(Path(ours_path).read_text())
    rm, om = ref["modules"], ours["modules"]
    rep = Report()
    rep.counts["modules"] = len(rm)
    classes = {
        e["qual"]: len(e["attrs"])
        for modname, m in rm.items()
        for n, e in m["names"].items()
        if e.get("qual") and _is_own(modname, n, e)
    }
    rep.counts["members"] = sum(classes.values())
    rep.add(f"## import errors: ref {ref['errors']}, ours {ours['errors']}")
    rep.add("## modules missing (with their own names)")
    for modname in sorted(set(rm) - set(om)):
        rep.counts["missing_modules"] += 1
        own = sorted(n for n, e in rm[modname]["names"].items() if _is_own(modname, n, e))
        rep.add(f"  {modname}: {' '.join(own)}")
    rep.add("## instance attributes the reference's objects have and ours lack")
    on_instance: dict[str, set] = {}
    for key, attrs in ours.get("instances", {}).items():
        on_instance.setdefault(key.split(":")[1].split(" ")[0], set()).update(attrs)
    retyped = []
    for key, attrs in sorted(ref.get("instances", {}).items()):
        theirs = ours.get("instances", {}).get(key, {})
        missing = sorted(set(attrs) - set(theirs))
        if missing:
            rep.add(f"  {key}: " + ", ".join(f"{a} ({attrs[a]})" for a in missing))
        retyped += [
            f"  {key}.{a}: ref {t}, ours {theirs[a]}"
            for a, t in sorted(attrs.items())
            if a in theirs and theirs[a] != t
        ]
    rep.add("## instance attributes of another type (or raising another error)")
    rep.lines += retyped
    seen: set[str] = set()
    reimports, reimport_values, star = [], [], []
    for modname in sorted(set(rm) & set(om)):
        rnames, onames = rm[modname]["names"], om[modname]["names"]
        section: list[str] = []
        sub = Report()
        sub.counts = rep.counts
        for name, r in sorted(rnames.items()):
            o = onames.get(name)
            if not _is_own(modname, name, r):
                rep.counts["reimports"] += 1
                if o is None:
                    rep.counts["missing_reimports"] += 1
                    if r.get("origin") == "own" or verbose:
                        reimports.append(f"  {modname}.{name} ({r['kind']})")
                elif r["kind"] == "constant" and r.get("repr") != o.get("repr"):
                    reimport_values.append(
                        f"  {modname}.{name}\n      ref  {r['repr']}\n      ours {o.get('repr')}"
                    )
                continue
            rep.counts["names"] += 1
            if o is None:
                rep.counts["missing_names"] += 1
                sub.add(f"  MISSING {r['kind']} {name}" + (" [__all__]" if r["in_all"] else ""))
                continue
            if not rm[modname]["all"] and r["kind"] != "module" and om[modname]["all"]:
                if name not in om[modname]["all"]:
                    star.append(f"  {modname}: {name}")
            if r.get("qual") in seen:
                continue
            if r.get("qual"):
                seen.add(r["qual"])
            if r["kind"] in ("class", "enum"):
                _compare_class(name, r, o, on_instance.get(name, set()), sub)
                continue
            if r["kind"] != o["kind"]:
                sub.add(f"  KIND {name}: {r['kind']} vs {o['kind']}")
            if "sig" in r and "sig" in o and r["sig"] != o["sig"]:
                rep.counts["signatures"] += 1
                sub.add(f"  SIG {name}\n      ref  {_sig_text(r['sig'])}\n      ours {_sig_text(o['sig'])}")
            if r.get("f", "sync") != o.get("f", "sync"):
                sub.add(f"  ASYNC {name}: {r.get('f')} vs {o.get('f')}")
            if "repr" in r and "repr" in o and r["repr"] != o["repr"]:
                rep.counts["values"] += 1
                sub.add(f"  VALUE {name}\n      ref  {r['repr']}\n      ours {o['repr']}")
        if sub.lines:
            section = [f"### {modname}", *sub.lines]
            rep.lines += section
    rep.add("## own names a star import gives in the reference and not in ours")
    rep.lines += star
    rep.add("## re-imports of the packages' own names that ours lacks")
    rep.lines += reimports
    rep.add("## re-imported constants whose value differs")
    rep.lines += reimport_values
    rep.add(f"## counts {rep.counts}")
    return rep


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["dump"]:
        dump(args[1])
        return
    if args[:1] == ["diff"]:
        print("\n".join(diff(args[1], args[2], "-v" in args).lines))
        return
    here = Path(__file__).resolve()
    ref_py = os.environ.get("SANIC_PY", "/tmp/st-ref/bin/python")
    ours_py = os.environ.get("HURTLE_PY", str(here.parents[2] / ".venv/bin/python"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for label, python in (("ref", ref_py), ("ours", ours_py)):
            path = str(Path(tmp) / f"{label}.json")
            subprocess.run(
                [python, str(here), "dump", path],
                check=True,
                cwd=tmp,
                timeout=600,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            paths.append(path)
        print("\n".join(diff(*paths, verbose="-v" in args).lines))


if __name__ == "__main__":
    main()
