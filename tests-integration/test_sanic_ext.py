"""The real sanic-ext 25.12 runs on Hurtle unchanged.

A scratch venv gets every workspace package (editable) plus sanic-ext installed with
``--no-deps`` (so the real ``sanic`` never comes in) and sanic-ext's imports (pyyaml,
pydantic, jinja2); an app using OpenAPI docs, ``@validate``, CORS, dependency injection,
templates and auto HEAD/OPTIONS is then driven through ASGI. Installs go through ``uv``
(its cache makes reruns fast).
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers import plugin_venv, run_checked

HERE = Path(__file__).parent / "sanic_ext_app"


def test_sanic_ext_features_work(tmp_path: Path) -> None:
    python = plugin_venv(
        tmp_path, ["sanic-ext==25.12.0"], ["pyyaml", "pydantic", "jinja2", "httpx"]
    )
    results = json.loads(run_checked(python, str(HERE / "check.py")).strip().splitlines()[-1])
    assert results == {name: True for name in results}
    assert len(results) == 14
