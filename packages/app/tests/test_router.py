"""The framework router: Sanic's errors and messages, versions, hosts, static-route cache."""

from __future__ import annotations

import pytest

from hurtle_app.router import Router
from hurtle_http.exceptions import MethodNotAllowed, NotFound
from hurtle_http.response import text


def handler(request):
    return None


def _router(**routes) -> Router:
    router = Router()
    for path, options in routes.items():
        router.add(handler=handler, name=path, **options)
    router.finalize()
    return router


def test_not_found_names_the_normalised_path() -> None:
    router = _router(s={"uri": "/s", "methods": ["GET"], "strict_slashes": True})
    with pytest.raises(NotFound, match="Requested URL /s not found"):
        router.get("/s/", "GET", None)
    with pytest.raises(NotFound, match="Requested URL /nope not found"):
        router.get("/nope", "GET", None)


def test_not_found_for_another_host_or_extension_names_the_path_as_sanic_does() -> None:
    """A path that exists on another virtual host, or whose extension the route refuses,
    gives the message Sanic 25.12's 404 page shows: no path for a host, ``None`` for an
    extension (what its router reports), not the requested path."""
    router = _router(
        vhost={"uri": "/", "methods": ["GET"], "host": "example.com"},
        ext={"uri": "/f/<name:ext=txt>", "methods": ["GET"]},
    )
    assert router.get("/", "GET", "example.com")[0].name == "vhost"
    with pytest.raises(NotFound) as caught:
        router.get("/", "GET", "other.com")
    assert str(caught.value) == "Requested URL  not found"
    with pytest.raises(NotFound) as caught:
        router.get("/f/a.jpg", "GET", None)
    assert str(caught.value) == "Requested URL None not found"


def test_an_extension_route_on_a_host_refuses_extensions_only_for_its_host() -> None:
    """A request from another host (or with a method the route does not take) that would
    fit a host-bound ``ext`` route but for its extension is a plain 404 naming the path,
    as in Sanic 25.12; only the host's own request gets the refused-extension 404
    (``None``), by the rules of the route picked for that host."""
    router = _router(
        a={"uri": "/r/<p:ext=txt|md>", "methods": ["GET"], "host": "a.test"},
        b={"uri": "/r/<p:ext=txt>", "methods": ["GET"], "host": "b.test"},
        post={"uri": "/s/<p:ext=txt>", "methods": ["POST"], "host": "a.test"},
    )
    for path, host, message in [
        ("/r/1.5", "c.test", "Requested URL /r/1.5 not found"),
        ("/r/1.5/", None, "Requested URL /r/1.5 not found"),
        ("/r/x.md", "c.test", "Requested URL /r/x.md not found"),
        ("/s/x.md", "a.test", "Requested URL /s/x.md not found"),
        ("/r/1.5", "a.test", "Requested URL None not found"),
        ("/r/x.md", "b.test", "Requested URL None not found"),
    ]:
        with pytest.raises(NotFound) as caught:
            router.get(path, "GET", host)
        assert str(caught.value) == message, (path, host)
    assert router.get("/r/x.md", "GET", "a.test")[2] == {"p": "x", "ext": "md"}


def test_wrong_method_lists_the_allowed_ones() -> None:
    router = _router(m={"uri": "/m", "methods": ["GET", "POST"]})
    with pytest.raises(MethodNotAllowed, match="Method PUT not allowed for URL /m") as info:
        router.get("/m", "PUT", None)
    assert info.value.headers["Allow"] == "GET, POST"


def test_version_and_prefix() -> None:
    router = Router()
    route = router.add("/x", ["GET"], handler, version="v2", version_prefix="/api/v", name="x")
    assert route.path == "api/v2/x"


def test_hosts_list_returns_one_route_per_host() -> None:
    router = Router()
    routes = router.add("/", ["GET"], handler, host=["a.com", "b.com"], name="h")
    assert [r.extra.ident for r in routes] == ["h_a_com", "h_b_com"]
    router.finalize()
    assert router.get("/", "GET", "b.com")[0].requirements == {"host": "b.com"}


def test_one_host_keeps_the_route_name_as_ident() -> None:
    # Sanic adds the host to route.extra.ident only when a route has several hosts.
    router = Router()
    one = router.add("/a", ["GET"], handler, host="a.com:8000", name="one")
    listed = router.add("/b", ["GET"], handler, host=["b.com"], name="listed")
    assert [one.extra.ident, listed.extra.ident] == ["one", "listed"]


def test_repeated_static_lookups_give_fresh_params() -> None:
    router = _router(s={"uri": "/s", "methods": ["GET"]})
    first = router.get("/s", "GET", None)
    second = router.get("/s", "GET", None)
    assert first[0] is second[0]
    first[2]["mutated"] = True
    assert router.get("/s", "GET", None)[2] == {}


def test_router_without_routes_answers_404() -> None:
    router = Router()
    router.finalize()
    with pytest.raises(NotFound):
        router.get("/", "GET", None)


def test_repeated_dynamic_lookups_give_fresh_converted_params() -> None:
    router = _router(u={"uri": "/u/<n:int>", "methods": ["GET"]})
    first = router.get("/u/5", "GET", None)
    first[2]["n"] = "changed"
    assert router.get("/u/5", "GET", None)[2] == {"n": 5}
    assert router.get("/u/6", "GET", None)[2] == {"n": 6}


async def test_long_paths_are_answered_but_not_remembered(app, call) -> None:
    """Resolved paths and raw targets are remembered for repeats, but only short ones:
    clients choose them, and 4,096 remembered 8 KB paths (with their parameters) held
    tens of megabytes per method. Longer ones are routed every time, correctly."""

    @app.get("/u/<x>")
    async def show(request, x):
        return text(str(len(x)))

    for i in range(20):
        long_path = f"/u/{i:04d}" + "x" * 4000
        for _ in range(2):
            assert (await call("GET", long_path)).text == "4004"
    assert (await call("GET", "/u/short")).text == "5"
    assert (await call("GET", "/u/short")).text == "5"
    remembered = [key[0] for key in app.router._resolved]
    targets = [raw for by_method in app.router._by_target.values() for raw in by_method]
    longest = max(len(path) for path in remembered), max(len(raw) for raw in targets)
    assert longest <= (256, 256)
    assert "/u/short" in remembered and b"/u/short" in targets


def test_allowed_methods_are_the_http_method_members() -> None:
    # As Sanic: a plugin reading (or extending) ``app.router.ALLOWED_METHODS`` gets the
    # ``HTTPMethod`` members, and the router's own refusal names them as Sanic's does.
    from hurtle_http.constants import HTTPMethod
    from sanic_routing.exceptions import BadMethod

    assert Router.ALLOWED_METHODS == tuple(HTTPMethod.__members__.values())
    assert all(type(m) is HTTPMethod for m in Router.ALLOWED_METHODS)
    with pytest.raises(BadMethod) as info:
        Router().add("/x", ["BAR"], lambda request: None)
    assert str(info.value).endswith(
        "Must be one of: (<HTTPMethod.GET: 'GET'>, "
        "<HTTPMethod.POST: 'POST'>, <HTTPMethod.PUT: 'PUT'>, <HTTPMethod.HEAD: 'HEAD'>, "
        "<HTTPMethod.OPTIONS: 'OPTIONS'>, <HTTPMethod.PATCH: 'PATCH'>, "
        "<HTTPMethod.DELETE: 'DELETE'>)"
    )


async def test_a_percent_encoded_unreserved_character_is_the_character(app, call) -> None:
    """RFC 9110 4.2.3 and RFC 3986 6.2.2.2: `/ech%6F` and `/echo` are the same URI (an
    unreserved character and its percent-encoding are equivalent); Sanic answers 404.
    Reserved characters stay encoded (`/a%2Fb` is no `/a/b`), and the app still sees the
    path as sent."""

    @app.route("/echo", methods=["GET"])
    async def echo(request):
        return text(request.path)

    @app.get("/a/b")
    async def a_b(request):
        return text("a/b")

    for target in ("/ech%6F", "/ech%6f", "/%65%63%68%6F"):
        sent = await call("GET", target)
        assert (sent.status, sent.text) == (200, target)
    assert (await call("POST", "/ech%6F")).status == 405
    assert (await call("GET", "/a%2Fb")).status == 404
    assert (await call("GET", "/ech%%36F")).status == 404  # decoded once, never twice
    missing = await call("GET", "/ech%6F%20")
    assert missing.status == 404 and "/ech%6F%20 not found" in missing.text


async def test_the_hex_digits_of_an_escape_are_case_insensitive(app, call) -> None:
    """RFC 3986 6.2.2.1 and RFC 9110 4.2.3: `%c3%a9` and `%C3%A9` are the same escape, so
    `/caf%c3%a9` is the `/café` route as `/caf%C3%A9` is; Sanic answers 404 to the
    lower-case form. The app sees the path as sent, and `%2f` is still no `/`."""

    @app.get("/café")
    async def cafe(request):
        return text(request.path)

    @app.get("/a/b")
    async def a_b(request):
        return text("a/b")

    for target in ("/caf%C3%A9", "/caf%c3%a9", "/caf%C3%a9", "/ca%66%c3%a9"):
        sent = await call("GET", target)
        assert (sent.status, sent.text) == (200, target)
    assert (await call("GET", "/a%2fb")).status == 404


async def test_a_connect_target_that_is_not_host_and_port_is_a_bad_request(app, call) -> None:
    """RFC 9112 3.2.3: CONNECT takes the authority-form `host:port`. Such a target no
    route serves is a 404, as before, and so is a path (as in Sanic); a target that is
    neither is a 400 (it was a 404 naming the target; Sanic never answers it)."""

    @app.get("/")
    async def index(request):
        return text("index")

    for target in ("a.example", "a.example:", "a.example:x", "a@b:443", "[::1", "*x"):
        sent = await call("CONNECT", target)
        assert sent.status == 400, target
        assert "host:port" in sent.text
    for target in ("a.example:443", "127.0.0.1:8080", "[::1]:443", "/nope"):
        assert (await call("CONNECT", target)).status == 404, target
    assert (await call("CONNECT", "/")).status == 405


async def test_the_asterisk_form_target_is_for_options_only(app, call) -> None:
    """RFC 9112 3.2.4: `*` is the target of a server-wide OPTIONS only; `GET *` was
    served by the `/` route (as in Sanic). Now a 400, on every such request."""

    @app.route("/", methods=["GET", "POST", "OPTIONS"])
    async def index(request):
        return text(f"index {request.method}")

    for _ in range(2):
        for method in ("GET", "POST", "HEAD"):
            sent = await call(method, "*")
            assert sent.status == 400
    assert (await call("GET", "/")).text == "index GET"
    assert (await call("OPTIONS", "*")).status == 200
