"""``deprecation(message, version)``: the warning's text, as Sanic's."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import warnings
from typing import Any

import pytest

from hurtle_app.logging.deprecation import deprecation


def _shown(*args: Any) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        deprecation(*args)
    return [str(w.message) for w in caught]


@pytest.mark.parametrize("version", [None, 0, "", False])
def test_no_version_is_left_out_of_the_prefix(version: Any) -> None:
    # Plugins call deprecation("...", None) for "some future release"; it said "vNone".
    assert _shown("old thing", version) == ["[DEPRECATION] old thing"]
    assert _shown("old thing", 26.6) == ["[DEPRECATION v26.6] old thing"]


@pytest.mark.parametrize("message", [None, 5, b"old"])
def test_a_message_that_is_not_a_str_is_a_type_error(message: Any) -> None:
    with pytest.raises(TypeError, match="can only concatenate str"):
        deprecation(message, 26.6)


def test_a_filter_on_sanic_modules_applies_to_the_warning() -> None:
    # The warning is attributed to ``sanic.logging.deprecation``, the module users (and
    # pytest's ``ignore::DeprecationWarning:sanic.*``) filter on, as under Sanic.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"sanic\.logging")
        deprecation("old thing", 26.6)
    assert caught == []
    assert _shown("old thing", 26.6) == ["[DEPRECATION v26.6] old thing"]


_ON_A_TERMINAL = """
import io, sys, warnings

class Terminal(io.StringIO):
    def isatty(self):
        return True

sys.stdout = Terminal()
warnings.simplefilter("always")
from hurtle_app.logging.deprecation import deprecation

with warnings.catch_warnings(record=True) as caught:
    deprecation("old thing", 26.6)
    deprecation("old thing", None)
sys.__stdout__.write(repr([str(w.message) for w in caught]))
"""


@pytest.mark.parametrize(
    ("no_color", "expected"),
    [
        (
            "",
            [
                "\x1b[31m[DEPRECATION v26.6] \x1b[33mold thing\x1b[0m",
                "\x1b[31m[DEPRECATION] \x1b[33mold thing\x1b[0m",
            ],
        ),
        ("1", ["[DEPRECATION v26.6] old thing", "[DEPRECATION] old thing"]),
    ],
)
def test_on_a_colour_terminal_the_warning_is_coloured(no_color: str, expected: list[str]) -> None:
    # Sanic colours the label red and the message yellow when standard output is a
    # terminal (and SANIC_NO_COLOR is unset); the warning was always plain.
    env = {k: v for k, v in os.environ.items() if k != "SANIC_NO_COLOR"}
    if no_color:
        env["SANIC_NO_COLOR"] = no_color
    done = subprocess.run(
        [sys.executable, "-c", _ON_A_TERMINAL],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert ast.literal_eval(done.stdout) == expected
