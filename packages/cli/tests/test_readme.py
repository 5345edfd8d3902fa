"""The README's standalone example prints what it claims."""

from __future__ import annotations

import ast
import contextlib
import io
import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_example_prints_the_kwargs_shown() -> None:
    text = README.read_text()
    code = re.findall(r"```python\n(.*?)```", text, re.S)[0]
    shown = "".join(
        line.removeprefix("# ").removeprefix("#  ")
        for line in code.splitlines()
        if line.startswith("#")
    )
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert ast.literal_eval(out.getvalue()) == ast.literal_eval(shown)
