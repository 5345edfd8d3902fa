"""Whether a spawned worker can make the app again, and so which start method to use.

A spawned (or forkserver) worker runs the main module again as ``__mp_main__``, which
skips its ``if __name__ == "__main__":`` block, then looks the app up by name. An app made
inside that block (or in a function it calls), or in a script without a file (``python
-c``), does not exist there. A forked worker inherits it instead, so when nobody chose the
start method, the runner forks for such an app rather than fail every worker.
"""

from __future__ import annotations

import ast
import functools
import sys
from types import FrameType
from typing import Any


def main_module_line(frame: FrameType | None) -> int | None:
    """The line of the main module's own code (not a function in it) that ``frame`` runs
    under, directly or through calls: where an app made now is made, seen from the
    module. None when the main module is not running below ``frame``."""
    main = sys.modules.get("__main__")
    namespace = getattr(main, "__dict__", None)
    while frame is not None:
        if frame.f_globals is namespace and frame.f_code.co_name == "<module>":
            return frame.f_lineno
        frame = frame.f_back
    return None


def _is_main_test(test: ast.expr) -> bool:
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1
            and isinstance(test.ops[0], ast.Eq)):
        return False
    sides = [test.left, test.comparators[0]]
    names = [s.id for s in sides if isinstance(s, ast.Name)]
    values = [s.value for s in sides if isinstance(s, ast.Constant)]
    return names == ["__name__"] and values == ["__main__"]


@functools.lru_cache(maxsize=8)
def guard_lines(path: str) -> tuple[tuple[int, int], ...]:
    """The first and last lines of each top-level ``if __name__ == "__main__":`` block of
    the file at ``path`` (none when it cannot be read or parsed)."""
    try:
        with open(path, "rb") as source:
            tree = ast.parse(source.read(), path)
    except (OSError, SyntaxError, ValueError):
        return ()
    return tuple(
        (node.lineno, node.end_lineno or node.lineno)
        for node in tree.body
        if isinstance(node, ast.If) and _is_main_test(node.test)
    )


def made_where_spawn_cannot(app: Any) -> bool:
    """Whether ``app`` was made in the main module's ``__main__`` block (or while it ran,
    or in a main module with no file), where a spawned worker would not make it again."""
    line = getattr(app, "_main_module_line", None)
    if line is None:
        return False  # made while importing another module, or outside the main module
    path = getattr(sys.modules.get("__main__"), "__file__", None)
    if not path:
        return True
    return any(first <= line <= last for first, last in guard_lines(path))


__all__ = ["guard_lines", "made_where_spawn_cannot", "main_module_line"]
