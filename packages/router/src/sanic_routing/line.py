"""One line of generated matcher source, with its indentation."""

from __future__ import annotations

__all__ = ["Line"]


class Line:
    """A source line at an indentation level (rendered with four spaces per level)."""

    TAB = "    "

    def __init__(self, src: str, indent: int, offset: int = 0, render: bool = True) -> None:
        self.src = src
        self.indent = indent
        self.offset = offset
        self.render = render

    def __str__(self) -> str:
        return f"{self.TAB * (self.indent + self.offset)}{self.src}\n"

    def __repr__(self) -> str:
        return f"<Line {self.indent}: {self.src!r}>"
