"""Route: the attributes frameworks read, and declaration errors."""

from __future__ import annotations

import pytest
from router_support import Router, handler_named

from sanic_routing import Route
from sanic_routing.exceptions import InvalidUsage, ParameterNameConflicts
from sanic_routing.route import Requirements


def test_route_attributes_before_and_after_finalize() -> None:
    router = Router()
    handler = handler_named("h")
    route = router.add(
        "/users/<uid:int>/<name>",
        handler,
        methods=["GET", "POST"],
        name="user",
        requirements={"host": "x.com"},
    )
    assert isinstance(route, Route)
    assert route.path == "users/<uid:int>/<name:str>"
    assert route.raw_path == "users/<uid:int>/<name>"
    assert route.parts == ("users", "<uid:int>", "<name:str>")
    assert route.segments == ("users", "<__dynamic__:int>", "<__dynamic__:str>")
    assert route.uri == "/users/<uid:int>/<name:str>"
    assert route.methods == frozenset({"GET", "POST"})
    assert route.requirements == {"host": "x.com"}
    assert isinstance(route.requirements, Requirements)
    assert route.handler is handler and route.name == "user" and route.router is router
    assert route.params is None and route.labels is None
    assert [p.name for p in route.defined_params.values()] == ["uid", "name"]
    router.finalize()
    assert route.labels == ["uid", "name"]
    assert {i: (p.name, p.label, p.cast) for i, p in route.params.items()} == {
        1: ("uid", "int", int),
        2: ("name", "str", route.params[2].cast),
    }
    assert repr(route) == "<Route: name=user path=users/<uid:int>/<name:str>>"
    route.ctx.anything = 1
    route.extra.websocket = False
    assert (route.ctx.anything, route.extra.websocket) == (1, False)


def test_regex_route_has_a_pattern() -> None:
    router = Router()
    route = router.add(r"/r/<year:\d{4}>/<rest:path>", handler_named("r"))
    router.finalize()
    assert route.regex is True
    assert route.pattern == r"/r/(?P<year>\d{4})/(?P<rest>[^/]?.*?)"


def test_requirements_are_immutable_and_hashable() -> None:
    req = Requirements({"host": "a"})
    assert hash(req) == hash(Requirements({"host": "a"}))
    # A TypeError, as sanic-routing's (code that guards the change catches that).
    with pytest.raises(TypeError, match="^Cannot change immutable dict"):
        req["host"] = "b"
    with pytest.raises(TypeError, match="^Cannot change immutable dict"):
        del req["host"]
    assert req == {"host": "a"}


@pytest.mark.parametrize("bad", ["/d/<a:int", "/d/<1a>"])
def test_malformed_parameter_is_invalid_usage(bad) -> None:
    with pytest.raises(InvalidUsage, match="Invalid declaration"):
        Router().add(bad, handler_named("x"))


def test_inline_regex_named_group_must_match_the_parameter_at_finalize() -> None:
    router = Router()
    router.add(r"/d/<a:(?P<q>\d+)>", handler_named("x"))  # as sanic-routing: accepted here
    with pytest.raises(
        InvalidUsage, match=r"Named group \(q\) must match your named parameter \(a\)"
    ):
        router.finalize()


def test_duplicate_parameter_names_fail_at_finalize() -> None:
    router = Router()
    router.add("/d/<a>/<a>", handler_named("x"))
    with pytest.raises(ParameterNameConflicts, match="d/<a>/<a>"):
        router.finalize()


def test_finalized_params_go_by_pattern_priority_then_regex_ones_by_position() -> None:
    # sanic-routing's order: what handlers get their keyword arguments in (and what
    # sanic-ext lists a path's OpenAPI parameters in).
    router = Router()
    typed = router.add("/s/<b:int>/<a:str>/<c:slug>/<d:str>", handler_named("typed"))
    mixed = router.add("/r/<z:[0-9]+>/<y:int>/<x:[a-z]+>/<u:str>", handler_named("mixed"))
    router.finalize()
    assert [p.name for p in typed.params.values()] == ["a", "d", "c", "b"]
    assert [p.name for p in mixed.params.values()] == ["u", "y", "z", "x"]
    assert typed.labels == ["b", "a", "c", "d"]
    assert list(router.resolve("/s/1/x/y-z/w", method="GET")[2]) == ["a", "d", "c", "b"]
    params = router.resolve("/r/1/2/ab/q", method="GET")[2]
    assert params == {"z": "1", "y": 2, "x": "ab", "u": "q"}
    assert list(params) == ["z", "y", "x", "u"]  # a regex route's: in path order


@pytest.mark.parametrize(
    "declaration", ["<bar:str:int>", "<bar:int:x>", "<bar:ext:x>", "<bar:hex:>"]
)
def test_a_type_followed_by_more_text_is_refused_at_finalize(declaration) -> None:
    router = Router()
    router.register_pattern("hex", lambda s: int(s, 16), r"[0-9a-f]+")
    router.add(f"/one/{declaration}", handler_named("x"))  # as sanic-routing: accepted here
    with pytest.raises(InvalidUsage, match=f"^Invalid parameter declaration: one/{declaration}$"):
        router.finalize()


@pytest.mark.parametrize("declaration", [r"<bar:\d:x>", "<bar::int>", "<bar:string:x>"])
def test_a_regex_with_colons_is_still_a_regex(declaration) -> None:
    router = Router()
    route = router.add(f"/one/{declaration}", handler_named("x"))
    router.finalize()
    assert route.params[1].regex is True


@pytest.mark.parametrize(("label", "instead"), [("string", "str"), ("number", "float")])
def test_deprecated_type_names_warn_when_added_and_finalized(label, instead) -> None:
    router = Router()
    message = (
        f"Use of '{label}' as a path parameter type is deprected, and will be removed in "
        f"Sanic v21.12. Instead, use <foo:{instead}>."
    )
    with pytest.warns(DeprecationWarning) as added:
        route = router.add(f"/a/<foo:{label}>", handler_named("x"))
    assert [str(w.message) for w in added] == [message]
    with pytest.warns(DeprecationWarning) as finalized:
        router.finalize()
    assert [str(w.message) for w in finalized] == [message]
    # Still what sanic-routing makes of it: an inline regex matching the word itself.
    assert route.params[1].regex is True
    assert router.get(f"/a/{label}", "GET")[2] == {"foo": label}
