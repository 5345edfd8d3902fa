"""path_to_parts / parts_to_path."""

from __future__ import annotations

from sanic_routing.utils import parts_to_path, path_to_parts


def test_path_to_parts_keeps_regex_parameters_whole() -> None:
    assert path_to_parts(r"a/<b:\d+/x>/c/", "/") == ("a", r"<b:\d+/x>", "c", "")
    assert path_to_parts("a.b.<c>", ".") == ("a", "b", "<c>")


def test_parts_to_path_is_the_inverse() -> None:
    for path in ["a/<b:int>/c", "x", ""]:
        assert parts_to_path(path_to_parts(path, "/"), "/") == path
