"""RouteGroup: one path shape, several routes (methods, hosts)."""

from __future__ import annotations

import pytest
from router_support import Router, handler_named

from sanic_routing import RouteGroup
from sanic_routing.exceptions import InvalidUsage


def test_group_shares_path_and_unions_methods() -> None:
    router = Router()
    router.add("/x/<id:int>", handler_named("get"), methods=["GET"])
    router.add("/x/<id:int>", handler_named("post"), methods=["POST", "PUT"])
    router.finalize()
    group = router.dynamic_routes[("x", "<__dynamic__:int>")]
    assert isinstance(group, RouteGroup)
    assert group.methods == frozenset({"GET", "POST", "PUT"})
    # Most recently added first among equal priorities, as in sanic-routing.
    assert [r.handler.__name__ for r in group.routes] == ["post", "get"]
    assert (group.path, group.uri, group.labels, group.depth) == (
        "x/<id:int>",
        "/x/<id:int>",
        ["id"],
        2,
    )
    assert group.dynamic_path is False
    assert group[0] is group.routes[0] and len(list(group)) == 2
    assert repr(group) == "<RouteGroup: path=x/<id:int> len=2>"


def test_group_requirements_lists_non_empty_ones() -> None:
    router = Router()
    router.add("/h", handler_named("a"), requirements={"host": "a"})
    router.add("/h", handler_named("b"), requirements={"host": "b"})
    # Newest first, as sanic-routing lists them.
    assert router.dynamic_routes[("h",)].requirements == [{"host": "b"}, {"host": "a"}]


def test_before_finalize_a_group_lists_higher_priority_then_newer_routes_first() -> None:
    router = Router()
    for name, priority in (("h0", 0), ("h1", 1), ("h2", 0)):
        router.add("/p/<x>", handler_named(name), priority=priority, append=True)
    group = router.dynamic_routes[("p", "<__dynamic__:str>")]
    assert [r.handler.__name__ for r in group.routes] == ["h1", "h2", "h0"]
    router.finalize()
    assert [r.handler.__name__ for r in group.routes] == ["h2", "h0", "h1"]


def test_routes_added_after_a_reset_go_in_front_and_the_others_keep_their_order() -> None:
    # sanic-ext adds a HEAD route per GET route after a reset and names each path's
    # OPTIONS route after the first route of its group that is not one of those.
    router = Router()
    router.add("/h", handler_named("a"), requirements={"host": "a"})
    router.add("/h", handler_named("b"), requirements={"host": "b"})
    router.finalize()
    group = router.dynamic_routes[("h",)]
    assert [r.handler.__name__ for r in group] == ["b", "a"]
    router.reset()
    router.add("/h", handler_named("a_head"), methods=["HEAD"], requirements={"host": "a"})
    router.add("/h", handler_named("b_head"), methods=["HEAD"], requirements={"host": "b"})
    router.finalize()
    group = router.dynamic_routes[("h",)]
    assert [r.handler.__name__ for r in group] == ["b_head", "a_head", "b", "a"]
    router.reset()
    router.finalize()
    assert [r.handler.__name__ for r in router.dynamic_routes[("h",)]] == [
        "b_head", "a_head", "b", "a"
    ]


def test_priority_orders_the_group() -> None:
    router = Router()
    router.add("/p/<x>", handler_named("high"), priority=5, append=True)
    router.add("/p/<x>", handler_named("low"), priority=0, append=True)
    router.finalize()
    group = router.dynamic_routes[("p", "<__dynamic__:str>")]
    assert [r.handler.__name__ for r in group] == ["low", "high"]


def test_group_needs_routes_of_one_shape() -> None:
    router = Router()
    a = router.add("/a", handler_named("a"))
    b = router.add("/b", handler_named("b"))
    with pytest.raises(InvalidUsage):
        RouteGroup()
    with pytest.raises(InvalidUsage, match="same path"):
        RouteGroup(a, b)
