"""Fifty typed user snippets (``fidelity/typing/snippets``) type-check under mypy with
Hurtle's ``sanic`` package, and mypy reveals the types recorded in ``expected.txt``.

The snippets are what Sanic users write and type-check: handlers annotated
``request: Request``, apps typed by their config and ctx (``Sanic[MyConfig, MyCtx]``),
custom ``Request`` classes, listeners, middleware, blueprints, signals, views,
websockets, response helpers and exceptions. A change to a public annotation that turns
one of those types into ``Any`` or into an error shows here. ``compare.py --against``
runs the same corpus under real Sanic for comparison; ``--write`` records new types.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "fidelity" / "typing"


def _compare_module():
    spec = importlib.util.spec_from_file_location("typing_compare", HERE / "compare.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_typed_snippets_check_clean_and_reveal_the_recorded_types() -> None:
    compare = _compare_module()
    revealed, errors = compare.run_mypy(sys.executable)
    assert errors == []
    expected = (HERE / "expected.txt").read_text().splitlines()
    assert revealed == expected
    # the types the custom-typing setup is about (Sanic's own reveals, module paths aside)
    assert "t04_custom_config.py:11: t04_custom_config.AppConfig" in revealed
    assert "t05_custom_ctx.py:13: t05_custom_ctx.Database" in revealed
    assert "t06_custom_request.py:21: t06_custom_request.ReqCtx" in revealed
    assert (
        "t27_request_ctx_default.py:14: "
        "sanic.app.Sanic[hurtle_app.config.Config, types.SimpleNamespace]"
    ) in revealed
