"""url_for, matching the examples of the user guide (seed 002) and Sanic 25.12."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hurtle_app import Sanic
from hurtle_app.views import HTTPMethodView
from hurtle_http.exceptions import URLBuildError
from hurtle_http.response import text


@pytest.fixture
def posts(app: Sanic) -> Sanic:
    @app.route("/posts/<post_id>")
    async def post_handler(request, post_id):
        return text(f"Post - {post_id}")

    return app


def test_path_parameter(posts: Sanic) -> None:
    assert posts.url_for("post_handler", post_id=5) == "/posts/5"


def test_other_keywords_become_the_query_string(posts: Sanic) -> None:
    url = posts.url_for("post_handler", post_id=5, arg_one="one", arg_two="two")
    assert url == "/posts/5?arg_one=one&arg_two=two"


def test_list_values_repeat_the_key(posts: Sanic) -> None:
    assert posts.url_for("post_handler", post_id=5, arg_one=["one", "two"]) == (
        "/posts/5?arg_one=one&arg_one=two"
    )


def test_anchor(posts: Sanic) -> None:
    assert posts.url_for("post_handler", post_id=5, arg_one="one", _anchor="anchor") == (
        "/posts/5?arg_one=one#anchor"
    )


def test_anchor_characters_a_fragment_cannot_hold_are_percent_encoded(posts: Sanic) -> None:
    # RFC 3986 3.5: a fragment is pchar, "/" and "?"; Sanic gave "#see also", "##" and
    # "#100%" (no URI). Escapes already made stay as they are.
    for anchor, built in [
        ("see also", "/posts/5#see%20also"),
        ("é", "/posts/5#%C3%A9"),
        ("#", "/posts/5#%23"),
        ("100%", "/posts/5#100%25"),
        ("%20x", "/posts/5#%20x"),
        ("a/b?c=d:e@f", "/posts/5#a/b?c=d:e@f"),
    ]:
        assert posts.url_for("post_handler", post_id=5, _anchor=anchor) == built


def test_external_uses_server_name(posts: Sanic) -> None:
    posts.config.SERVER_NAME = "server"
    assert posts.url_for("post_handler", post_id=5, arg_one="one", _external=True) == (
        "http://server/posts/5?arg_one=one"
    )
    assert (
        posts.url_for("post_handler", post_id=5, arg_one="one", _scheme="http", _external=True)
        == "http://server/posts/5?arg_one=one"
    )


def test_all_special_arguments_at_once(posts: Sanic) -> None:
    url = posts.url_for(
        "post_handler",
        post_id=5,
        arg_one=["one", "two"],
        arg_two=2,
        _anchor="anchor",
        _scheme="http",
        _external=True,
        _server="another_server:8888",
    )
    assert url == "http://another_server:8888/posts/5?arg_one=one&arg_one=two&arg_two=2#anchor"


def test_scheme_without_external_is_an_error(posts: Sanic) -> None:
    with pytest.raises(ValueError, match="_external must be True"):
        posts.url_for("post_handler", post_id=5, _scheme="http")


def test_method_is_accepted_and_ignored(posts: Sanic) -> None:
    assert posts.url_for("post_handler", post_id=5, _method="POST") == "/posts/5"


def test_missing_parameter_and_unknown_endpoint(posts: Sanic) -> None:
    with pytest.raises(URLBuildError, match="Required parameter `post_id`"):
        posts.url_for("post_handler")
    with pytest.raises(URLBuildError, match="`TestApp.nope` was not found"):
        posts.url_for("nope")
    # A dotted name is shown as given (Sanic does not prefix the app name then).
    with pytest.raises(URLBuildError, match="^Endpoint with name `bp.nope` was not found$"):
        posts.url_for("bp.nope")


def test_typed_parameter_checks_the_value(app: Sanic) -> None:
    @app.get("/a/<x:int>")
    async def typed(request, x):
        return text("")

    assert app.url_for("typed", x=3) == "/a/3"
    with pytest.raises(URLBuildError):
        app.url_for("typed", x="zz")


def test_class_based_view_is_named_after_its_class(app: Sanic) -> None:
    class SpecialClassView(HTTPMethodView):
        def get(self, request):
            return text("Hello from the Special Class View!")

    app.add_route(SpecialClassView.as_view(), "/special_class_view")
    assert app.url_for("SpecialClassView") == "/special_class_view"


def test_static_urls(app: Sanic, tmp_path) -> None:
    (tmp_path / "a.txt").write_text("hi")
    app.static("/static", tmp_path)
    app.static("/one.txt", tmp_path / "a.txt", name="one")
    assert app.url_for("static", filename="a.txt") == "/static/a.txt"
    assert app.url_for("static", filename="sub/b.txt") == "/static/sub/b.txt"
    assert app.url_for("static", name="one") == "/one.txt"


def test_a_blueprints_static_routes_by_the_blueprints_view_name(app: Sanic, tmp_path) -> None:
    # As Sanic: name= takes the place of "static" in "bp.static".
    from hurtle_app import Blueprint

    app.static("/uploads", tmp_path, name="uploads")
    bp = Blueprint("bp", url_prefix="/bp")
    bp.static("/assets", tmp_path, name="assets")
    bp.static("/files", tmp_path)
    app.blueprint(bp)
    assert app.url_for("bp.static", name="assets", filename="a.txt") == "/bp/assets/a.txt"
    assert app.url_for("TestApp.bp.static", name="assets", filename="a.txt") == "/bp/assets/a.txt"
    assert app.url_for("static", name="bp.assets", filename="a.txt") == "/bp/assets/a.txt"
    assert app.url_for("bp.static", filename="a.txt") == "/bp/files/a.txt"
    assert app.url_for("bp.static", name="static", filename="a.txt") == "/bp/files/a.txt"
    # The app's own static route is not the blueprint's.
    with pytest.raises(URLBuildError, match="`bp.uploads` was not found"):
        app.url_for("bp.static", name="uploads", filename="a.txt")


def test_a_missing_static_name_is_reported_under_the_app_name(app: Sanic, tmp_path) -> None:
    # As Sanic: url_for("static", name=...) names the route it looked for under the app,
    # dotted names included (a blueprint's view name keeps its own prefix).
    app.static("/s", tmp_path)
    with pytest.raises(URLBuildError, match="^Endpoint with name `TestApp.bp.nope` was not"):
        app.url_for("static", name="bp.nope")
    with pytest.raises(URLBuildError, match="^Endpoint with name `bp.x.y` was not found$"):
        app.url_for("bp.static", name="x.y")


def test_full_app_name_is_accepted(posts: Sanic) -> None:
    assert posts.url_for("TestApp.post_handler", post_id=1) == "/posts/1"


@given(value=st.integers(min_value=-(10**12), max_value=10**12))
def test_built_int_urls_resolve_back_to_the_value(value: int) -> None:
    Sanic.test_mode = True
    app = Sanic("Roundtrip", configure_logging=False)

    @app.get("/n/<n:int>")
    async def number(request, n):
        return text("")

    url = app.url_for("number", n=value)
    app.router.finalize()
    _, _, params = app.router.get(url, "GET", None)
    assert params == {"n": value}


def test_ext_parameter_takes_the_extension_from_ext(app: Sanic) -> None:
    @app.get("/files/<name:ext=txt|md>")
    async def files(request, name, ext):
        return text(name)

    assert app.url_for("files", name="notes", ext="md") == "/files/notes.md"
    assert app.url_for("files", name="notes.txt") == "/files/notes.txt"
    with pytest.raises(URLBuildError, match="'png' is not one of txt|md"):
        app.url_for("files", name="notes", ext="png")


def test_a_multi_part_extension_is_taken_whole(app: Sanic) -> None:
    # As Sanic: "a.tar.gz" on <name:ext=tar.gz|tar.xz> is name "a", extension "tar.gz".
    @app.get("/dl/<name:ext=tar.gz|tar.xz>")
    async def download(request, name, ext):
        return text(name)

    url = app.url_for("download", name="release-1.0.tar.xz")
    assert url == "/dl/release-1.0.tar.xz"
    app.router.finalize()
    _, _, params = app.router.get(url, "GET", None)
    assert params == {"name": "release-1.0", "ext": "tar.xz"}
    assert app.url_for("download", name="a", ext="tar.gz") == "/dl/a.tar.gz"


def test_a_failing_cast_is_reported_after_the_checks_sanic_makes(app: Sanic) -> None:
    # Sanic checks presence and patterns only; a value whose cast fails (3 is no "even")
    # is Hurtle's own check, so another parameter's problem is the one reported, as Sanic.
    def even(value: str) -> int:
        if int(value) % 2:
            raise ValueError("odd")
        return int(value)

    app.router.register_pattern("even", even, r"^\d+$")

    @app.get("/e/<n:even>/<code:[xy]+>")
    async def evens(request, n, code):
        return text(code)

    with pytest.raises(URLBuildError, match=r"^Value \"z\" for parameter `code` does not satisfy"):
        app.url_for("evens", n=3, code="z")
    with pytest.raises(URLBuildError, match="^Required parameter `code` was not passed"):
        app.url_for("evens", n=3)
    with pytest.raises(URLBuildError, match="value '3' for parameter 'n' is not a valid even"):
        app.url_for("evens", n=3, code="x")
    assert app.url_for("evens", n=4, code="xy") == "/e/4/xy"


def test_a_value_that_does_not_fit_its_type_is_worded_as_sanic(app: Sanic) -> None:
    @app.get("/n/<num:int>")
    async def number(request, num):
        return text(str(num))

    with pytest.raises(URLBuildError) as info:
        app.url_for("number", num="abc")
    assert str(info.value) == (
        'Value "abc" for parameter `num` does not match pattern for type `int`: ^-?\\d+$'
    )


@pytest.mark.parametrize(
    ("view", "kwargs", "reported"),
    [
        # Sanic checks parameters in the route's parameter order (typed ones by pattern
        # priority: str, ext, ..., alpha, ..., int, ymd; then inline regexes), missing and
        # misfitting alike, and reports the first problem in that order.
        ("many", {}, "Required parameter `s` was not passed to url_for"),
        ("many", {"s": "x"}, "Required parameter `f` was not passed to url_for"),
        ("many", {"s": "x", "f": "z"}, 'Value "z" for parameter `f` does not match pattern'),
        ("many", {"s": "x", "f": "z.txt", "a": "1"}, 'Value "1" for parameter `a`'),
        ("many", {"s": "x", "f": "z.txt", "a": "q", "i": "q"}, 'Value "q" for parameter `i`'),
        ("many", {"d": "q", "i": "1", "s": "x", "f": "z.txt", "a": "q"}, "parameter `d`"),
        ("rx", {}, "Required parameter `i` was not passed"),
        ("rx", {"i": "1"}, "Required parameter `r` was not passed"),
    ],
)
def test_url_for_reports_the_first_problem_in_sanics_parameter_order(
    app: Sanic, view, kwargs, reported
) -> None:
    @app.get("/<d:ymd>/<i:int>/<a:alpha>/<f:ext>/<s:str>")
    async def many(request, **kw):
        return text("x")

    @app.get("/<r:[0-9]+>/<i:int>")
    async def rx(request, **kw):
        return text("x")

    with pytest.raises(URLBuildError) as info:
        app.url_for(view, **kwargs)
    assert reported in str(info.value)


def test_a_missing_parameter_is_reported_over_its_key_error_as_sanic(app: Sanic) -> None:
    """The traceback shows the KeyError of the missing argument, then the URLBuildError
    ("During handling of the above exception..."), as Sanic's."""

    @app.get("/n/<num:int>")
    async def number(request, num):
        return text(str(num))

    with pytest.raises(URLBuildError) as info:
        app.url_for("number")
    context = info.value.__context__
    assert isinstance(context, KeyError) and context.args == ("num",)
    assert info.value.__cause__ is None and not info.value.__suppress_context__


def test_a_strorempty_value_that_does_not_fit_is_worded_as_sanic(app: Sanic) -> None:
    @app.get("/s/<part:strorempty>")
    async def part(request, part):
        return text(part)

    with pytest.raises(URLBuildError) as info:
        app.url_for("part", part="a/b")
    assert str(info.value) == 'Value "a/b" for parameter `part` does not satisfy pattern ^[^/]*$'


def test_an_ext_value_without_extension_is_worded_as_sanic(app: Sanic) -> None:
    @app.get("/f/<name:ext=txt>")
    async def files(request, name, ext):
        return text(name)

    with pytest.raises(URLBuildError) as info:
        app.url_for("files", name="notes")
    assert str(info.value) == (
        'Value "notes" for parameter `name` does not match pattern for type `ext`: '
        "^[^/]+\\.[a-z0-9](?:[a-z0-9\\.]*[a-z0-9])?$"
    )


def test_external_url_of_a_websocket_route_is_ws(app: Sanic) -> None:
    @app.websocket("/feed")
    async def feed(request, ws):
        return None

    assert app.url_for("feed", _external=True, _server="h.io") == "ws://h.io/feed"
    app.config.SERVER_NAME = "https://srv.io"
    assert app.url_for("feed", _external=True) == "wss://srv.io/feed"
    # An explicit scheme is kept.
    assert app.url_for("feed", _external=True, _scheme="https") == "https://srv.io/feed"
    assert app.url_for("feed") == "/feed"


def test_external_url_of_a_host_and_port_server_name_is_http(app: Sanic) -> None:
    # RFC 3986 3.1: only "scheme://" names a scheme. Sanic reads one from a ":" in the
    # first eight characters: `web:8000` gave `web://web:8000/x`, `[::1]:8000` gave
    # `[://[::1]:8000/x` (no URI).
    @app.get("/x")
    async def handler(request):
        return text("")

    @app.websocket("/feed")
    async def feed(request, ws):
        return None

    @app.get("/v6", host="[::1]:8000")
    async def on_v6(request):
        return text("")

    for server, url in [
        ("web:8000", "http://web:8000/x"),
        ("[::1]:8000", "http://[::1]:8000/x"),
        ("[2001:db8::1]", "http://[2001:db8::1]/x"),
        ("https://[::1]:8443", "https://[::1]:8443/x"),
        ("localhost:8000", "http://localhost:8000/x"),
    ]:
        app.config.SERVER_NAME = server
        assert app.url_for("handler", _external=True) == url
    app.config.SERVER_NAME = ""
    assert app.url_for("handler", _external=True, _server="api:81") == "http://api:81/x"
    assert app.url_for("feed", _external=True, _server="[::1]:81") == "ws://[::1]:81/feed"
    assert app.url_for("on_v6", _external=True) == "http://[::1]:8000/v6"


def test_a_server_name_with_a_trailing_slash_joins_the_path_with_one(app: Sanic) -> None:
    # Sanic built `https://example.com//x`: an empty segment (RFC 3986 3.3), a URL of
    # another resource, which no route serves. A path prefix is kept.
    @app.get("/x")
    async def handler(request):
        return text("")

    for server, url in [
        ("example.com/", "http://example.com/x"),
        ("https://example.com/", "https://example.com/x"),
        ("example.com:8080/", "http://example.com:8080/x"),
        ("https://example.com/api/", "https://example.com/api/x"),
        ("example.com/api", "http://example.com/api/x"),
    ]:
        app.config.SERVER_NAME = server
        assert app.url_for("handler", _external=True) == url
    app.config.SERVER_NAME = ""
    assert app.url_for("handler", _external=True, _server="api.example/") == "http://api.example/x"


def test_external_url_of_a_route_on_several_hosts_needs_a_server(app: Sanic) -> None:
    @app.get("/x", host=["b.io", "a.io"])
    async def multi(request):
        return text("")

    @app.get("/one", host="only.io")
    async def single(request):
        return text("")

    with pytest.raises(ValueError, match="^Host is ambiguous: a.io, b.io$"):
        app.url_for("multi", _external=True)
    assert app.url_for("multi") == "/x"
    assert app.url_for("multi", _external=True, _server="s.io") == "http://s.io/x"
    assert app.url_for("single", _external=True) == "http://only.io/one"


def test_host_picks_one_of_the_route_hosts_and_makes_the_url_external(app: Sanic) -> None:
    @app.get("/x", host=["b.io", "a.io"])
    async def multi(request):
        return text("")

    @app.get("/y")
    async def anywhere(request):
        return text("")

    assert app.url_for("multi", _host="a.io") == "http://a.io/x"
    assert app.url_for("multi", _host="b.io", q="1", _anchor="f") == "http://b.io/x?q=1#f"
    # _scheme needs no _external here; _server still names the server.
    assert app.url_for("multi", _host="a.io", _scheme="https") == "https://a.io/x"
    assert app.url_for("multi", _host="a.io", _server="s.io") == "http://s.io/x"
    assert app.url_for("multi", _host=None) == "/x"
    with pytest.raises(ValueError, match=r"^Requested host \(c.io\) is not available"):
        app.url_for("multi", _host="c.io")
    with pytest.raises(ValueError, match=r"^Requested host \(a.io\) is not available"):
        app.url_for("anywhere", _host="a.io")


def test_host_of_a_websocket_route_gives_a_ws_url(app: Sanic) -> None:
    @app.websocket("/feed", host=["w.io", "v.io"])
    async def feed(request, ws):
        return None

    assert app.url_for("feed", _host="w.io") == "ws://w.io/feed"


def test_router_finds_a_view_by_its_name_with_or_without_the_app_name(app: Sanic) -> None:
    # As Sanic: plugins and apps look routes up as "bp.handler" (the app's name added when
    # the name alone is not found), a static route by its own name; the ``name`` argument
    # plays no part.
    from hurtle_app.blueprints import Blueprint

    bp = Blueprint("bp", url_prefix="/one")

    @bp.get("/hello")
    async def hello(request):
        return text("hi")

    @app.get("/top", name="topname")
    async def top(request):
        return text("top")

    app.blueprint(bp)
    app.router.finalize()
    find = app.router.find_route_by_view_name
    assert find("bp.hello").path == find(f"{app.name}.bp.hello").path == "one/hello"
    assert find("topname").path == "top"
    assert find("topname", name="other").path == "top"
    assert find("hello", name=f"{app.name}.bp") is None
    assert find("nope") is None


def test_a_route_with_a_parameter_name_twice_is_refused_before_start_up(app: Sanic) -> None:
    # As Sanic: url_for raises the error finalize() gives at start-up, not a missing value.
    from sanic_routing.exceptions import ParameterNameConflicts

    @app.route("/a/<y>/<y>")
    async def twice(request, **kw):
        return text("")

    with pytest.raises(ParameterNameConflicts, match=r"Duplicate named parameters in: a/<y>/<y>"):
        app.url_for("twice", y=1)
