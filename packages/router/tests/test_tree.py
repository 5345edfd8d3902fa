"""The compiled matcher: its generated source (snapshot) and its robustness."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from router_support import make_router

from sanic_routing.exceptions import BaseException as RouterError

SNAPSHOT = Path(__file__).parent / "snapshots" / "find_route.py.txt"

SNAPSHOT_ROUTES = (
    "/",
    "/static/page",
    "/users/<uid:int>",
    "/users/<uid:int>/posts/<slug:slug>",
    "/users/<name>",
    "/files/<name:ext=jpg|png>",
    "/days/<day:ymd>",
    r"/years/<year:\d{4}>",
    "/assets/<rest:path>",
    "/a/x",
    "/b/<x>",
    "/c/<x>",
    "/d/<x>",
    "/e/<x>",
)


def test_generated_source_matches_snapshot() -> None:
    """Review the diff when the compiler changes; UPDATE_SNAPSHOTS=1 rewrites the file."""
    source = make_router(*SNAPSHOT_ROUTES).find_route_src
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(source)
    assert source == SNAPSHOT.read_text()


def test_generated_source_is_what_runs() -> None:
    router = make_router(*SNAPSHOT_ROUTES)
    assert router.find_route.__code__.co_filename == "<sanic_routing.find_route>"
    assert "def find_route(path, method, router, basket, extra):" in router.find_route_src


def test_deeply_nested_typed_routes_compile() -> None:
    path = "/" + "/".join(f"<p{i}:int>" for i in range(25))
    router = make_router(path)
    assert router.resolve("/" + "/".join(["1"] * 25), method="GET")[2]["p24"] == 1


ROUTER = make_router(
    *SNAPSHOT_ROUTES,
    "/<a>/<b:float>/<c:uuid>",
    "/x/<f:ext>",
    "/z/<e=int:ext=txt>",
    "/q/<v:strorempty>/<w:alpha>",
)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.text(max_size=40),
        st.lists(
            st.sampled_from(
                [
                    "users",
                    "1",
                    "-1",
                    "x.jpg",
                    "a.txt",
                    "",
                    "%20",
                    "2020-01-01",
                    "years",
                    "2024",
                    "assets",
                    "files",
                    "é",
                    "..",
                    "1e9",
                    "nan",
                ]
            ),
            max_size=6,
        ).map(lambda parts: "/" + "/".join(parts)),
    ),
    st.sampled_from(["GET", "POST", None, "get"]),
    st.sampled_from([None, {"host": "a"}, {}]),
)
def test_resolution_raises_only_router_errors(path, method, extra) -> None:
    try:
        route, handler, params = ROUTER.resolve(path, method=method, extra=extra)
    except RouterError:
        return
    assert handler is route.handler
    assert set(params) <= set(route.labels) | {"ext"}


def test_route_text_cannot_break_out_of_generated_comments() -> None:
    from router_support import Router, handler_named

    router = Router(delimiter=".")
    router.add("a\nraise SystemExit.<x:int>", handler_named("x"))
    router.add("b.<y:(?:\rraise SystemExit)?z>", handler_named("y"))
    router.finalize()
    assert "\nraise SystemExit" not in router.find_route_src
    assert "\rraise SystemExit" not in router.find_route_src
    # Static parts are percent-encoded (as sanic-routing's); a regex label is kept as is.
    assert router.resolve(".a%0Araise%20SystemExit.5", method="GET")[2] == {"x": 5}
    assert router.resolve(".b.z", method="GET")[2] == {"y": "z"}


def test_node_children_are_published_by_finalize_children() -> None:
    # The two-step shape of sanic-routing's Node: added, then published.
    from sanic_routing.tree import Node

    root = Node(root=True)
    child = Node(part="a", parent=root)
    grandchild = Node(part="b", parent=child)
    root.add_child(child)
    child.add_child(grandchild)
    assert root._children == {"a": child} and root.children == {}
    root.finalize_children()
    assert root.children == {"a": child} and child.children == {"b": grandchild}
