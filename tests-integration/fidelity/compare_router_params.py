"""Routes whose parameters need backtracking: real sanic-routing against ``packages/router``.

Not a test (CI has no sanic-routing).  Usage:

    python3 compare_router_params.py both [SEED] [CASES]        # both interpreters, diffed
    EXT=1 python3 compare_router_params.py both                 # the ext shapes only
    SANIC_PY=/tmp/st-ref/bin/python HURTLE_PY=.venv/bin/python python3 compare_router_params.py both

Each case is a seeded random set of one to three route shapes with two or three parameters
(``path`` among them, so the matcher has to backtrack), resolved for 30 random paths. The
differences the router README lists are folded away before comparing: parameters of
``path`` routes are cast (compared as text, numbers as floats), ``ext`` values are split
(joined back), and a route chosen by sanic-routing whose ``ext=`` list the value breaks
(it does not check them there) is not counted.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from typing import Any

SHAPES = [
    "/<a:path>/<b>", "/<a>/<b:ext>", "/<a:path>/x/<b:path>", "/<a:path>/<b:ext>",
    "/<a:path>/<b:int>", "/x/<a:path>/<b:str>/y", "/<a:int>/<b:path>", "/<a:path>/x/<b>",
    "/<a>/<b:path>", "/<a:path>/<b:alpha>", "/<a:path>/<b:ext=txt>", "/<a:ext>/<b:path>",
    "/<a:path>/<b:slug>", "/<a:path>.<b>", "/p/<a:path>/q/<b:path>/r", "/<a:path>/<b:float>",
    "/<a:str>/<b:path>/z", "/<a:path>/<b:ext=txt|gz>", "/<a:path>/<b:strorempty>",
    "/<a:path>/<b:int>/<c>", "/<a>/<b:path>/<c:alpha>", "/<a:path>/<b:path>", "/x/<a:path>",
    "/<a>/<b>", "/<a:path>", "/<a>/x/<b:path>", "/<a:slug>/<b:path>/<c:int>",
]
SEGMENTS = [
    "x", "y", "z", "q", "r", "p", "1", "22", "-3", "1.5", "a.txt", "b.tar.gz", "c.gz", "",
    ".", "x.y", "ab-cd", "Ab", "%20", "é",
]


def run(seed: int, cases: int, ext: bool) -> list[dict[str, Any]]:
    """Resolve the seeded cases with the ``sanic_routing`` of this interpreter."""
    from sanic_routing import BaseRouter
    from sanic_routing.exceptions import NoMethod, NotFound

    class Router(BaseRouter):
        def get(self, path: str, method: str, extra: Any = None) -> Any:
            return self.resolve(path=path, method=method, extra=extra)

    shapes = [shape for shape in SHAPES if ("ext" in shape) == ext]
    rnd = random.Random(seed)
    out = []
    for _ in range(cases):
        routes = rnd.sample(shapes, rnd.choice([1, 1, 2, 3]))
        router = Router()
        try:
            for idx, shape in enumerate(routes):
                router.add(shape, lambda: None, methods=["GET"], name=f"r{idx}")
            router.finalize()
        except Exception as error:
            out.append({"routes": routes, "build": type(error).__name__})
            continue
        results: dict[str, Any] = {}
        for _ in range(30):
            path = "/" + "/".join(rnd.choice(SEGMENTS) for _ in range(rnd.randint(1, 5)))
            try:
                route, _, params = router.get(path, "GET")
                results[path] = [route.name, {k: str(v) for k, v in params.items()}]
            except (NotFound, NoMethod) as error:
                results[path] = type(error).__name__
        out.append({"routes": routes, "results": results})
    return out


def _fold(result: Any, routes: list[str]) -> Any:
    if not isinstance(result, list):
        return result
    name, params = result[0], dict(result[1])
    if "ext" in params:
        ext = params.pop("ext")
        declared = re.search(r"<(\w+)(?:=\w+)?:ext", routes[int(name[1:])])
        if declared is not None:
            params[declared.group(1)] += "." + ext
    for key, value in params.items():
        try:
            params[key] = repr(float(value))
        except ValueError:
            pass
    return [name, params]


def _breaks_ext_list(result: Any, routes: list[str]) -> bool:
    if not isinstance(result, list):
        return False
    for found in re.finditer(r"<(\w+):ext=([a-z0-9|.]+)>", routes[int(result[0][1:])]):
        value = result[1].get(found.group(1), "")
        if value.rpartition(".")[2] not in found.group(2).split("|"):
            return True
    return False


def diff(sanic: list[dict[str, Any]], hurtle: list[dict[str, Any]]) -> int:
    """Print the differences that no README item explains; return their number."""
    count = 0
    for ours, theirs in zip(hurtle, sanic, strict=True):
        routes = theirs["routes"]
        if ours.get("build") != theirs.get("build"):
            count += 1
            print("build", routes, theirs.get("build"), ours.get("build"))
            continue
        for path, expected in (theirs.get("results") or {}).items():
            got = ours["results"][path]
            if _fold(expected, routes) == _fold(got, routes):
                continue
            if _breaks_ext_list(expected, routes):
                continue
            count += 1
            print(routes, repr(path), "sanic:", expected, "hurtle:", got)
    return count


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "both"
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    cases = int(sys.argv[3]) if len(sys.argv) > 3 else 400
    ext = bool(os.environ.get("EXT"))
    if mode == "run":
        print(json.dumps(run(seed, cases, ext)))
        return 0
    outputs = []
    for variable, default in (("SANIC_PY", "/tmp/st-ref/bin/python"), ("HURTLE_PY", ".venv/bin/python")):
        command = [os.environ.get(variable, default), __file__, "run", str(seed), str(cases)]
        outputs.append(json.loads(subprocess.check_output(command, timeout=600)))
    count = diff(*outputs)
    print(f"{cases} route sets, 30 paths each: {count} unexplained difference(s)")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
