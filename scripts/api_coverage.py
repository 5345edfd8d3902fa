#!/usr/bin/env python3
"""Compare the public API of a package (default ``sanic``) under two interpreters.

Usage::

    python3 scripts/api_coverage.py --ref /work/ref-sanic/bin/python \\
        --ours .venv/bin/python [--package sanic] [--json out.json] [--modules-out list.txt]

Each interpreter runs this same file with ``--dump``: it imports every module of the
package (the reference enumerates them with ``pkgutil.walk_packages``; ours imports the
reference's list), and records, black box, the public names of each module and, for classes
and functions, parameter names (``inspect.signature``) and the public members of classes,
and each module's ``__all__`` (what ``from module import *`` gives).
The report lists what the reference has and ours lacks: modules, names, members and
parameters.  Nothing is read from either package's source files.
"""

from __future__ import annotations

import argparse
import enum
import importlib
import inspect
import json
import pkgutil
import subprocess
import sys
import types
import typing
from pathlib import Path
from typing import Any

SKIP_MODULES = {"__main__"}
# Instances whose attributes (set in ``__init__``) users reach: (module, expression).
INSTANCES = {
    "sanic": {
        "Sanic": "mod.Sanic.get_app('api_coverage_app', force_create=True)",
        "Blueprint": "mod.Blueprint('api_coverage_bp')",
        "HTTPResponse": "mod.HTTPResponse()",
        "Config": "mod.Config()",
    },
    "sanic.app": {"Sanic": "mod.Sanic.get_app('api_coverage_app', force_create=True)"},
    "sanic.blueprints": {"Blueprint": "mod.Blueprint('api_coverage_bp2')"},
    "sanic.response": {"JSONResponse": "mod.JSONResponse({})"},
}
# Private members that plugins (sanic-ext, sanic-testing, the CLI) rely on.
PRIVATE_MEMBERS = {
    "sanic.app.Sanic": [
        "_commands",
        "_future_commands",
        "_websocket_handler",
        "_future_routes",
        "_future_middleware",
        "_future_listeners",
        "_future_signals",
        "_future_exceptions",
        "_future_statics",
        "_app_registry",
        "_state",
        "_test_manager",
        "_ext",
        "_startup",
        "_task_registry",
        "_delayed_tasks",
        "_inspector",
        "_manager",
        "_get_startup_method",
        "_run_request_middleware",
        "_run_response_middleware",
    ],
    "sanic.request.types.Request": ["_match_info", "_name", "_cookies", "_protocol"],
}


def _is_foreign(name: str, obj: Any) -> bool:
    """True for names a module merely imported from the standard library or typing."""
    if isinstance(obj, types.ModuleType):
        return True
    if name == "TYPE_CHECKING" or type(obj).__module__ == "__future__":
        return True
    if getattr(typing, name, None) is obj:
        return True
    if isinstance(obj, enum.Enum) or type(obj).__name__ == "_Environ":
        # signal.SIGINT, os.environ and the like, imported from the standard library
        top = type(obj).__module__.split(".")[0]
        if top in sys.stdlib_module_names:
            return True
    if inspect.isclass(obj) or inspect.isroutine(obj):
        top = (getattr(obj, "__module__", None) or "").split(".")[0]
        return top in sys.stdlib_module_names or top in {"typing_extensions"}
    return False


def _params(obj: Any) -> list[list[str]] | None:
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    return [[p.name, p.kind.name] for p in sig.parameters.values()]


def _describe(obj: Any) -> dict[str, Any]:
    if inspect.isclass(obj):
        kind = "class"
    elif inspect.isroutine(obj):
        kind = "function"
    elif callable(obj):
        kind = "callable"
    else:
        kind = "value"
    entry: dict[str, Any] = {"kind": kind}
    if kind in ("class", "function"):
        entry["origin"] = getattr(obj, "__module__", None)
    if kind in ("function", "callable"):
        entry["params"] = _params(obj)
    if kind == "class":
        init = obj.__dict__.get("__init__") or obj.__dict__.get("__new__")
        entry["params"] = _params(obj) if init is not None else None
        members: dict[str, Any] = {}
        for mname in dir(obj):
            if mname.startswith("_") or hasattr(object, mname):
                continue
            try:
                member = inspect.getattr_static(obj, mname)
            except AttributeError:
                continue
            members[mname] = _member(obj, mname, member)
        entry["members"] = members
    return entry


def _member(owner: Any, mname: str, member: Any) -> dict[str, Any]:
    if isinstance(member, (staticmethod, classmethod)):
        return {"kind": "method", "params": _params(getattr(owner, mname))}
    if isinstance(member, property) or inspect.isdatadescriptor(member):
        return {"kind": "attribute"}
    if inspect.isroutine(member) or inspect.ismethoddescriptor(member):
        return {"kind": "method", "params": _params(member)}
    if inspect.isclass(member):
        return {"kind": "class"}
    return {"kind": "attribute"}


def dump(package: str, modules: list[str] | None) -> dict[str, Any]:
    """Describe the public API of ``package`` in this interpreter."""
    if modules is None:
        root = importlib.import_module(package)
        modules = [package]
        for info in pkgutil.walk_packages(root.__path__, package + ".", onerror=lambda n: None):
            if info.name.rsplit(".", 1)[-1] in SKIP_MODULES:
                continue
            modules.append(info.name)
    result: dict[str, Any] = {}
    for modname in modules:
        try:
            mod = importlib.import_module(modname)
        except Exception as exc:
            result[modname] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        names: dict[str, Any] = {}
        for name in dir(mod):
            if name.startswith("_"):
                continue
            obj = getattr(mod, name)
            if _is_foreign(name, obj):
                continue
            try:
                names[name] = _describe(obj)
            except Exception as exc:
                names[name] = {"kind": "error", "error": repr(exc)}
        for cname, expr in INSTANCES.get(modname, {}).items():
            try:
                inst = eval(expr, {"mod": mod})
            except Exception as exc:
                names.setdefault(cname, {})["instance_error"] = repr(exc)
                continue
            extra = {
                a: {"kind": "attribute"}
                for a in dir(inst)
                if not a.startswith("_") and not hasattr(object, a)
            }
            names.setdefault(cname, {}).setdefault("members", {})
            for a, d in extra.items():
                names[cname]["members"].setdefault(a, d)
        exported = getattr(mod, "__all__", None)
        result[modname] = {"names": names, "all": sorted(exported) if exported else None}
    for qual, privates in PRIVATE_MEMBERS.items():
        modname, cname = qual.rsplit(".", 1)
        entry = result.get(modname, {}).get("names", {}).get(cname)
        if entry is None:
            continue
        cls = getattr(importlib.import_module(modname), cname)
        inst = None
        if qual == "sanic.app.Sanic":
            inst = cls.get_app("api_coverage_app", force_create=True)
        for p in privates:
            if hasattr(cls, p) or (inst is not None and hasattr(inst, p)):
                entry.setdefault("members", {})[p] = {"kind": "attribute"}
    return result


def compare(ref: dict[str, Any], ours: dict[str, Any]) -> dict[str, list[str]]:
    """What ``ref`` has that ``ours`` lacks."""
    missing: dict[str, list[str]] = {
        "modules": [],
        "names": [],
        "reexports": [],
        "members": [],
        "params": [],
        "star_exports": [],
    }
    for modname, rmod in sorted(ref.items()):
        if "error" in rmod:
            continue
        omod = ours.get(modname)
        if omod is None or "error" in omod:
            missing["modules"].append(modname + (f"  ({omod['error']})" if omod else ""))
            continue
        for name in sorted(set(rmod.get("all") or ()) - set(omod.get("all") or ())):
            missing["star_exports"].append(f"{modname}.__all__: {name}")
        for name, rent in sorted(rmod["names"].items()):
            oent = omod["names"].get(name)
            qual = f"{modname}.{name}"
            if oent is None or "kind" not in oent:
                origin = rent.get("origin")
                # A class or function another module of the package defines, imported here.
                reexport = origin not in (None, modname) and origin in ref
                missing["reexports" if reexport else "names"].append(qual)
                continue
            origin = rent.get("origin")
            if origin not in (None, modname) and name in ref.get(origin, {}).get("names", {}):
                continue  # a re-export: its members are compared where it is defined
            _compare_params(qual, rent.get("params"), oent.get("params"), missing)
            for mname, rm in sorted(rent.get("members", {}).items()):
                om = oent.get("members", {}).get(mname)
                if om is None:
                    missing["members"].append(f"{qual}.{mname}")
                    continue
                _compare_params(f"{qual}.{mname}", rm.get("params"), om.get("params"), missing)
    return missing


def _compare_params(qual: str, rparams: Any, oparams: Any, missing: dict[str, list[str]]) -> None:
    if not rparams or oparams is None:
        return
    onames = {p[0] for p in oparams}
    has_var_kw = any(p[1] == "VAR_KEYWORD" for p in oparams)
    has_var_pos = any(p[1] == "VAR_POSITIONAL" for p in oparams)
    for name, kind in rparams:
        if name in onames:
            continue
        if kind == "VAR_POSITIONAL" and has_var_pos or kind == "VAR_KEYWORD" and has_var_kw:
            continue
        if kind in ("VAR_POSITIONAL", "VAR_KEYWORD"):
            missing["params"].append(f"{qual}(*{name})")
        else:
            missing["params"].append(f"{qual}({name})")


def _run_dump(python: str, package: str, modules: list[str] | None) -> dict[str, Any]:
    cmd = [python, str(Path(__file__).resolve()), "--dump", "--package", package]
    if modules is not None:
        cmd += ["--module-list", json.dumps(modules)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{python} --dump failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="/work/ref-sanic/bin/python")
    parser.add_argument(
        "--ours", default=str(Path(__file__).resolve().parent.parent / ".venv/bin/python")
    )
    parser.add_argument("--package", default="sanic")
    parser.add_argument("--dump", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--module-list", help=argparse.SUPPRESS)
    parser.add_argument("--json", help="write the full comparison here")
    parser.add_argument("--modules-out", help="write the reference's module list here")
    parser.add_argument("--summary", action="store_true", help="print counts only")
    args = parser.parse_args(argv)

    if args.dump:
        modules = json.loads(args.module_list) if args.module_list else None
        print(json.dumps(dump(args.package, modules)))
        return 0

    ref = _run_dump(args.ref, args.package, None)
    importable = sorted(m for m, d in ref.items() if "error" not in d)
    ours = _run_dump(args.ours, args.package, importable)
    missing = compare(ref, ours)
    if args.json:
        Path(args.json).write_text(json.dumps(missing, indent=1))
    if args.modules_out:
        Path(args.modules_out).write_text("\n".join(importable) + "\n")
    counted_names = sum(len(d.get("names", {})) for d in ref.values())
    if not args.summary:
        for section, items in missing.items():
            print(f"## missing {section} ({len(items)})")
            for item in items:
                print("  " + item)
    print(
        f"reference: {len(importable)} modules, {counted_names} names | missing: "
        + ", ".join(f"{k}={len(v)}" for k, v in missing.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
