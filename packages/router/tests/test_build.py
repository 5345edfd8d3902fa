"""URL building: params -> path, checked, and resolving the built path round-trips."""

from __future__ import annotations

import datetime
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from router_support import make_router

from sanic_routing.exceptions import InvalidUsage, NotFound


def _router():
    from router_support import Router, handler_named

    router = Router()
    router.add("/u/<uid:int>/<name>", handler_named("u"), name="user")
    router.add("/d/<day:ymd>", handler_named("d"), name="day")
    router.add("/f/<file:ext=jpg|png>", handler_named("f"), name="file")
    router.add("/p/<rest:path>", handler_named("p"), name="rest")
    router.add(r"/y/<year:\d{4}>", handler_named("y"), name="year")
    router.finalize()
    return router


def test_build_fills_and_quotes_parameters() -> None:
    router = _router()
    assert router.build("user", {"uid": 5, "name": "a b"}) == "/u/5/a%20b"
    assert router.build("day", {"day": datetime.date(2024, 1, 2)}) == "/d/2024-01-02"
    assert router.build("file", {"file": "cat", "ext": "png"}) == "/f/cat.png"
    assert router.build("file", {"file": "cat.jpg"}) == "/f/cat.jpg"
    assert router.build("rest", {"rest": "a/b c"}) == "/p/a/b%20c"
    assert router.build(router.name_index["year"], {"year": "2024"}) == "/y/2024"


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("user", {"name": "x"}, "missing value for parameter 'uid'"),
        (
            "user",
            {"uid": "abc", "name": "x"},
            r'^Value "abc" for parameter `uid` does not match pattern for type `int`: \^-\?\\d\+\$$',
        ),
        ("day", {"day": "2024-02-30"}, "not a valid ymd"),
        ("file", {"file": "cat", "ext": "gif"}, "extension 'gif' is not one of jpg|png"),
        ("year", {"year": "24"}, r'^Value "24" for parameter `year` does not satisfy pattern'),
    ],
)
def test_build_refuses_bad_params_with_a_message(name, params, message) -> None:
    with pytest.raises(InvalidUsage, match=message):
        _router().build(name, params)


@pytest.mark.parametrize(
    ("value", "file", "ext"),
    [("cat.tar.gz", "cat", "tar.gz"), ("a.b.tar.xz", "a.b", "tar.xz")],
)
def test_build_splits_a_value_at_a_multi_part_extension(value, file, ext) -> None:
    # ext=tar.gz|tar.xz: the extension is the last two parts, as the router reads a request.
    from router_support import Router, handler_named

    router = Router()
    router.add("/t/<file:ext=tar.gz|tar.xz>", handler_named("t"), name="tarball")
    router.finalize()
    url = router.build("tarball", {"file": value})
    assert url == f"/t/{value}"
    _, _, params = router.get(url, "GET")
    assert (params["file"], params["ext"]) == (file, ext)
    with pytest.raises(InvalidUsage, match="extension 'tar.bz2' is not one of tar.gz|tar.xz"):
        router.build("tarball", {"file": "cat.tar.bz2"})
    with pytest.raises(InvalidUsage, match="file name '' is not a valid str"):
        router.build("tarball", {"file": "tar.gz"})


def test_build_unknown_name_is_not_found() -> None:
    with pytest.raises(NotFound, match="No route named 'nope'"):
        _router().build("nope", {})


SEGMENT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/"),
    min_size=1,
    max_size=12,
)
VALUES = {
    "int": st.integers(min_value=-(10**6), max_value=10**6),
    "str": SEGMENT,
    "alpha": st.text(alphabet="abcXYZ", min_size=1, max_size=8),
    "slug": st.from_regex(r"\A[a-z0-9]{1,4}(-[a-z0-9]{1,4}){0,2}\Z"),
    "ymd": st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(2999, 12, 31)),
    "uuid": st.uuids(),
}
LABELS = sorted(VALUES)


@st.composite
def route_and_params(draw):
    n = draw(st.integers(min_value=1, max_value=4))
    prefix = draw(st.sampled_from(["a", "b", "c"]))
    labels = [draw(st.sampled_from(LABELS)) for _ in range(n)]
    path = "/" + prefix + "".join(f"/<p{i}:{label}>" for i, label in enumerate(labels))
    params = {f"p{i}": draw(VALUES[label]) for i, label in enumerate(labels)}
    return path, params


@settings(max_examples=150, deadline=None)
@given(st.lists(route_and_params(), min_size=1, max_size=6))
def test_built_urls_resolve_back_to_their_route_and_params(items) -> None:
    from router_support import Router, handler_named

    router = Router()
    routes = []
    for path, params in items:
        segments_seen = {r.segments for r in router.routes}
        route = router.add(path, handler_named(path), methods=["GET"], overwrite=True, unquote=True)
        if route.segments in segments_seen:
            routes = [(r, p) for r, p in routes if r.segments != route.segments]
        routes.append((route, params))
    router.finalize()
    for route, params in routes:
        built = route.build(params)
        found, _, resolved = router.resolve(built, method="GET")
        if found is route:
            assert resolved == params
        else:
            # A route of higher precedence also accepts these values (e.g. "5" for a
            # str route also fits an int one); that route round-trips its own params.
            assert found.segments != route.segments
            rebuilt = found.build(resolved)
            assert router.resolve(rebuilt, method="GET")[0] is found


@settings(max_examples=100, deadline=None)
@given(route_and_params())
def test_single_route_round_trip_is_exact(item) -> None:
    path, params = item
    router = make_router(path, unquote=True)
    route = router.routes[0]
    assert router.resolve(route.build(params), method="GET")[2] == params


@pytest.mark.parametrize("value", [uuid.UUID(int=5), -3, "x y"])
def test_build_accepts_python_values(value) -> None:
    router = make_router("/v/<x>", unquote=True)
    assert router.resolve(router.routes[0].build({"x": value}), method="GET")[2] == {
        "x": str(value)
    }


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet="ab /", max_size=6).filter(lambda v: "/" not in v),
    st.sampled_from(["/<a:strorempty>/v1", "/<a:strorempty>", "/x/<a:strorempty>/y"]),
)
def test_a_leading_empty_value_keeps_its_segment(value, path) -> None:
    # "/<a:strorempty>/v1" with a="" is "//v1", as sanic-routing builds it: "/v1" is a
    # path of one segment, which this route does not match.
    router = make_router(path, unquote=True)
    route = router.routes[0]
    built = route.build({"a": value})
    found, _, params = router.resolve(built, method="GET")
    assert found is route and params == {"a": value}


def test_a_path_value_starting_with_a_slash_keeps_it() -> None:
    router = make_router("/<p:path>", unquote=True)
    assert router.routes[0].build({"p": "/x"}) == "//x"


def test_build_refuses_a_value_whose_registered_cast_raises_anything() -> None:
    # A registered cast may raise KeyError (an Enum lookup); url_for said KeyError.
    from router_support import Router, handler_named

    router = Router()
    router.register_pattern("flavour", lambda v: {"vanilla": 1}[v], "[a-z]+")
    router.add("/f/<v:flavour>", handler_named("f"), name="f")
    router.finalize()
    assert router.build("f", {"v": "vanilla"}) == "/f/vanilla"
    with pytest.raises(InvalidUsage, match="is not a valid flavour"):
        router.build("f", {"v": "mango"})
