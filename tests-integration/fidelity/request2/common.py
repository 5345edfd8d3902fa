"""Helpers shared by the in-process probes: a value or the exception it raised, as text."""

from collections.abc import Callable
from typing import Any


def safe(fn: Callable[[], Any]) -> str:
    """``type repr`` of what ``fn()`` gives, or ``raise Type message``."""
    try:
        value = fn()
    except BaseException as exc:
        return f"raise {type(exc).__name__} {exc}"
    return f"{type(value).__name__} {value!r}"


def rec(out: list[str], name: str, fn: Callable[[], Any]) -> None:
    """Append ``name: safe(fn)`` to ``out``."""
    out.append(f"{name}: {safe(fn)}")
