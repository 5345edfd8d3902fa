#!/usr/bin/env python3
"""Fail when a package imports a sibling it may not import, or one it does not declare.

The allowed imports are the table in ARCHITECTURE.md; "declared" means the sibling's
distribution is in the package's ``[project].dependencies``.  Source and tests are both
checked: a package's tests run with only its declared siblings installed.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent

# folder -> (distribution, import name, import names it may use)
LAYERS: dict[str, tuple[str, str, frozenset[str]]] = {
    "router": ("hurtle-router", "sanic_routing", frozenset()),
    "http-core": ("hurtle-http-core", "hurtle_http", frozenset()),
    "worker-manager": ("hurtle-worker-manager", "hurtle_worker", frozenset()),
    "app": ("hurtle-app", "hurtle_app", frozenset({"hurtle_http", "sanic_routing"})),
    "inspector": (
        "hurtle-inspector",
        "hurtle_inspector",
        frozenset({"hurtle_http", "sanic_routing", "hurtle_worker"}),
    ),
    "testing": ("hurtle-testing", "sanic_testing", frozenset({"hurtle_app"})),
    "cli": (
        "hurtle-cli",
        "hurtle_cli",
        frozenset({"hurtle_worker", "hurtle_inspector", "hurtle_app"}),
    ),
    "sanic": (
        "hurtle",
        "sanic",
        frozenset(
            {
                "sanic_routing",
                "hurtle_http",
                "hurtle_app",
                "hurtle_worker",
                "hurtle_inspector",
                "sanic_testing",
                "hurtle_cli",
            }
        ),
    ),
}
IMPORT_TO_DIST = {imp: dist for dist, imp, _ in LAYERS.values()}


def imported_roots(path: Path) -> set[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.add((alias.name.split(".")[0], node.lineno))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add((node.module.split(".")[0], node.lineno))
    return found


def declared(folder: Path) -> set[str]:
    with (folder / "pyproject.toml").open("rb") as fh:
        deps = tomllib.load(fh)["project"].get("dependencies", [])
    names = set()
    for dep in deps:
        name = dep.replace(" ", "")
        for stop in "<>=!~;[@":
            name = name.split(stop, 1)[0]
        names.add(name.lower())
    return names


def check() -> list[str]:
    problems = []
    for folder_name, (_dist, own, allowed) in LAYERS.items():
        folder = ROOT / "packages" / folder_name
        if not folder.is_dir():
            problems.append(f"packages/{folder_name}: missing")
            continue
        deps = declared(folder)
        for sub in ("src", "tests"):
            for path in sorted((folder / sub).rglob("*.py")):
                for root, line in sorted(imported_roots(path)):
                    if root == own or root not in IMPORT_TO_DIST:
                        continue
                    where = f"{path.relative_to(ROOT)}:{line}"
                    if root not in allowed:
                        problems.append(
                            f"{where}: {own} may not import {root} (see ARCHITECTURE.md)"
                        )
                    elif IMPORT_TO_DIST[root] not in deps:
                        problems.append(
                            f"{where}: imports {root} but {folder_name}/pyproject.toml "
                            f"does not declare {IMPORT_TO_DIST[root]}"
                        )
    return problems


def main() -> int:
    problems = check()
    for line in problems:
        print(line)
    print(f"layers: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
