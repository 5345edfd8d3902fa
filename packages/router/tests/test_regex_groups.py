"""Inline regex parameters: a capturing group gives the value, several groups are
refused, and a regex that can match the delimiter spans segments."""

from __future__ import annotations

import pytest
from router_support import Router, handler_named, make_router

from sanic_routing.exceptions import InvalidUsage, NotFound


@pytest.mark.parametrize(
    ("declared", "path", "value"),
    [
        (r"/f/<name:file\.(txt)>", "/f/file.txt", "txt"),
        (r"/f/<name:(a|b)c>", "/f/bc", "b"),
        (r"/f/<name:(\d{2})\d{2}>", "/f/2024", "20"),
        (r"/f/<name:(?:a)b>", "/f/ab", "ab"),  # no capturing group: the whole segment
        (r"/f/<name:\d{4}>", "/f/2024", "2024"),
        (r"/f/<name:file\.(?P<name>txt)>", "/f/file.txt", "txt"),
    ],
)
def test_one_capturing_group_is_the_value(declared: str, path: str, value: str) -> None:
    router = make_router(declared)
    assert router.get(path, "GET")[2] == {"name": value}


def test_an_optional_group_that_did_not_take_part_is_none() -> None:
    router = make_router(r"/f/<name:(a)?>")
    assert router.get("/f/", "GET")[2] == {"name": None}


def _added(label: str) -> Router:
    """Adding works (as sanic-routing); the groups are refused when the router finalizes."""
    router = Router()
    router.add(f"/f/<name:{label}>", handler_named("h"), methods=["GET"])
    return router


@pytest.mark.parametrize("label", [r"(a)(b)", r"((a)b)", r"(?P<name>a)(b)"])
def test_several_groups_are_refused(label: str) -> None:
    router = _added(label)
    with pytest.raises(InvalidUsage, match=r"Invalid matching pattern"):
        router.finalize()


@pytest.mark.parametrize("label", [r"file(?:\.)(txt)", r"\((b)", r"a(?:b)(c)"])
def test_a_group_among_other_parentheses_asks_for_a_named_group(label: str) -> None:
    router = _added(label)
    with pytest.raises(InvalidUsage, match=r"Try using a named group instead: '\(\?P<name>"):
        router.finalize()



def test_a_regex_matching_the_delimiter_spans_segments() -> None:
    router = make_router(r"/d/<rest:[a-z0-9/]+>/end")
    assert router.get("/d/a/b/c/end", "GET")[2] == {"rest": "a/b/c"}
    assert router.get("/d/a///end", "GET")[2] == {"rest": "a//"}
    assert router.get("/d/a/end", "GET")[2] == {"rest": "a"}
    with pytest.raises(NotFound):
        router.get("/d/a/b/nope", "GET")


def test_a_regex_without_the_delimiter_stays_in_its_segment() -> None:
    router = make_router(r"/d/<rest:.+>")
    assert router.get("/d/abc", "GET")[2] == {"rest": "abc"}
    with pytest.raises(NotFound):
        router.get("/d/a/b", "GET")


def test_finalize_without_compiling_still_resolves() -> None:
    router = Router()
    router.add("/u/<uid:int>", handler_named("u"), methods=["GET"])
    router.finalize(do_compile=False)
    assert router.get("/u/7", "GET")[2] == {"uid": 7}


def test_building_a_spanning_regex_keeps_its_delimiters() -> None:
    router = Router()
    router.add(r"/d/<rest:[a-z0-9/]+>/end", handler_named("d"), methods=["GET"], name="d")
    router.finalize()
    assert router.build("d", {"rest": "a/b"}) == "/d/a/b/end"
    assert router.get("/d/a/b/end", "GET")[2] == {"rest": "a/b"}
