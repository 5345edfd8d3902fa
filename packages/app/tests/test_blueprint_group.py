"""Blueprint groups: shared prefixes, versions, names, nesting and middleware."""

from __future__ import annotations

from hurtle_app import Blueprint, BlueprintGroup, Sanic
from hurtle_http.response import text


async def handler(request):
    return text("x")


def _paths(app: Sanic) -> dict[str, str]:
    app.router.finalize()
    return {route.name: route.path for route in app.router.routes}


def test_group_prefix_goes_before_blueprint_prefix(app: Sanic) -> None:
    one = Blueprint("g1", url_prefix="/g1")
    one.add_route(handler, "/", name="root")
    two = Blueprint("g2")
    two.add_route(handler, "/two", name="two")
    group = Blueprint.group(
        one, two, url_prefix="/grp", version=9, version_prefix="/api/v", strict_slashes=True
    )
    app.blueprint(group)
    assert _paths(app) == {"TestApp.g1.root": "api/v9/grp/g1/", "TestApp.g2.two": "api/v9/grp/two"}


def test_blueprint_version_beats_the_group_version(app: Sanic) -> None:
    bp = Blueprint("bp2", url_prefix="/inner", version=2)
    bp.add_route(handler, "/h", name="h")
    app.blueprint(Blueprint.group(bp, url_prefix="/g", version=5))
    assert _paths(app) == {"TestApp.bp2.h": "v2/g/inner/h"}


def test_nested_groups_join_prefixes_and_name_prefix(app: Sanic) -> None:
    bp = Blueprint("bp3")
    bp.add_route(handler, "/", name="h3")
    inner = Blueprint.group(bp, url_prefix="/in")
    app.blueprint(Blueprint.group(inner, url_prefix="/out", name_prefix="np"))
    assert _paths(app) == {"TestApp.np_bp3.h3": "out/in"}
    assert app.url_for("np_bp3.h3") == "/out/in"


def test_the_outermost_name_prefix_names_the_routes(app: Sanic) -> None:
    # As Sanic: nested groups' name prefixes are not joined; the outermost one is used
    # (Hurtle named the route "outer_inner_bp4.h4").
    bp = Blueprint("bp4")
    bp.add_route(handler, "/", name="h4")
    inner = Blueprint.group(bp, url_prefix="/in", name_prefix="inner")
    app.blueprint(Blueprint.group(inner, url_prefix="/out", name_prefix="outer"))
    assert _paths(app) == {"TestApp.outer_bp4.h4": "out/in"}
    assert app.url_for("outer_bp4.h4") == "/out/in"


def test_group_is_a_list_of_its_blueprints() -> None:
    one, two = Blueprint("one"), Blueprint("two")
    group = BlueprintGroup(url_prefix="/g")
    group.append(one)
    group.extend([two])
    assert len(group) == 2
    assert group.blueprints == [one, two]
    assert group.url_prefix == "/g"


def test_blueprints_lists_nested_groups_as_members() -> None:
    one, two, three = Blueprint("one"), Blueprint("two"), Blueprint("three")
    inner = Blueprint.group(one, two, url_prefix="/in")
    outer = Blueprint.group(inner, three, url_prefix="/out")
    # As Sanic: the direct members, a nested group being one of them.
    assert outer.blueprints == [inner, three]
    assert len(outer) == 2


def test_blueprints_is_the_group_own_list(app: Sanic) -> None:
    # As Sanic: ``group.blueprints`` is the group's list, so adding to it adds a member
    # (Hurtle handed out a copy and the appended blueprint was never registered).
    one, two = Blueprint("one", url_prefix="/one"), Blueprint("two", url_prefix="/two")
    one.add_route(handler, "/h", name="h")
    two.add_route(handler, "/h", name="h")
    group = Blueprint.group(one, url_prefix="/g")
    group.blueprints.append(two)
    assert [bp.name for bp in group] == ["one", "two"]
    app.blueprint(group)
    assert _paths(app) == {"TestApp.one.h": "g/one/h", "TestApp.two.h": "g/two/h"}


async def test_group_middleware_runs_for_every_blueprint_route(app: Sanic, call) -> None:
    seen: list[str] = []
    one, two, other = Blueprint("one"), Blueprint("two"), Blueprint("other")
    one.add_route(handler, "/one", name="h")
    two.add_route(handler, "/two", name="h")
    other.add_route(handler, "/other", name="h")
    group = Blueprint.group(one, two)

    @group.middleware("request")
    async def tag(request):
        seen.append(request.path)

    app.blueprint(group)
    app.blueprint(other)
    for path in ("/one", "/two", "/other"):
        await call("GET", path)
    assert seen == ["/one", "/two"]


async def test_group_middleware_takes_attach_to_by_keyword(app: Sanic, call) -> None:
    # As Sanic: group.middleware(fn, attach_to="response", priority=...) reaches every
    # member; it raised TypeError (attach_to given twice).
    bp = Blueprint("kw")
    bp.add_route(handler, "/kw", name="h")
    group = Blueprint.group(bp)

    async def mark(request, response):
        response.headers["x-mw"] = "group"

    assert group.middleware(mark, attach_to="response", priority=2) is None  # as Sanic
    app.blueprint(group)
    response = await call("GET", "/kw")
    assert response.headers["x-mw"] == "group"


def test_registration_version_beats_a_blueprint_version_but_not_the_group_one(
    app: Sanic,
) -> None:
    # As Sanic: app.blueprint(group, version=...) reaches the members that have their own
    # version (a blueprint puts the registration's first); the others take the group's.
    own = Blueprint("own", version=1.1, version_prefix="/own/v")
    own.add_route(handler, "/a", name="a")
    plain = Blueprint("plain")
    plain.add_route(handler, "/b", name="b")
    app.blueprint(Blueprint.group(own, plain, version=3), version=1.2, version_prefix="/api/v")
    assert _paths(app) == {"TestApp.own.a": "api/v1.2/a", "TestApp.plain.b": "api/v3/b"}


def test_an_outer_group_version_reaches_an_inner_group_without_one(app: Sanic) -> None:
    bp = Blueprint("deep", version=2, version_prefix="/b")
    bp.add_route(handler, "/x", name="x")
    inner = Blueprint.group(bp)
    app.blueprint(Blueprint.group(inner, version=4, version_prefix="/o"))
    assert _paths(app) == {"TestApp.deep.x": "o4/x"}


def test_a_route_version_beats_every_other(app: Sanic) -> None:
    bp = Blueprint("routed", version=1)
    bp.add_route(handler, "/x", name="x", version=7)
    app.blueprint(Blueprint.group(bp, version=3), version=5)
    assert _paths(app) == {"TestApp.routed.x": "v7/x"}


async def test_registering_the_same_group_twice_adds_nothing(app: Sanic, call) -> None:
    # As Sanic: the second app.blueprint(group) is ignored. The first registration gives
    # the blueprint the app's strict_slashes, which the group passes along the second
    # time: that is still the same registration, not a duplicate route.
    bp = Blueprint("twice", url_prefix="/1")
    bp.add_route(handler, "/", name="root")
    group = Blueprint.group(bp, url_prefix="/g")
    app.blueprint(group)
    app.blueprint(group)
    assert _paths(app) == {"TestApp.twice.root": "g/1"}
    app.router.reset()
    assert (await call("GET", "/g/1")).status == 200
