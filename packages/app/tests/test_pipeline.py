"""handle_request: routing, middleware order and short-circuits, errors, bodies."""

from __future__ import annotations

import pytest

from hurtle_app import Blueprint, Sanic
from hurtle_http.exceptions import NotFound, ServiceUnavailable
from hurtle_http.response import json, text


async def test_hello(app: Sanic, call) -> None:
    @app.get("/")
    async def hello(request):
        return text("Hello, world.")

    sent = await call("GET", "/")
    assert (sent.status, sent.text) == (200, "Hello, world.")


async def test_params_are_converted_and_passed(app: Sanic, call) -> None:
    @app.get("/users/<user_id:int>")
    async def user(request, user_id):
        return json(
            {"id": user_id, "type": type(user_id).__name__, "match_info": request.match_info}
        )

    sent = await call("GET", "/users/42")
    assert sent.text == '{"id":42,"type":"int","match_info":{"user_id":42}}'


async def test_sync_handler(app: Sanic, call) -> None:
    @app.get("/")
    def hello(request):
        return text("sync")

    assert (await call("GET", "/")).text == "sync"


async def test_missing_route_is_404_and_wrong_method_405(app: Sanic, call) -> None:
    @app.get("/only-get")
    async def only_get(request):
        return text("x")

    missing = await call("GET", "/nope")
    wrong = await call("POST", "/only-get")
    assert missing.status == 404
    assert wrong.status == 405
    assert wrong.headers["allow"] == "GET"


async def test_a_405_of_a_path_served_by_several_routes_has_allow(app: Sanic, call) -> None:
    # RFC 9110 15.5.6 (a 405 MUST carry Allow); Sanic sends none for such a path.
    @app.put("/d/<a:int>")
    async def put(request, a):
        return text("put")

    @app.get("/d/<b:int>")
    async def get(request, b):
        return text("get")

    wrong = await call("DELETE", "/d/1")
    assert (wrong.status, wrong.headers.get("allow")) == (405, "GET, PUT")


async def test_middleware_order_request_then_response_reversed(app: Sanic, call) -> None:
    order: list[str] = []

    @app.on_request
    async def a1(request):
        order.append("a1")

    @app.middleware("request")
    def a2(request):
        order.append("a2")

    @app.on_response
    async def r1(request, response):
        order.append("r1")

    @app.middleware("response")
    async def r2(request, response):
        order.append("r2")

    @app.get("/")
    async def handler(request):
        order.append("handler")
        return text("x")

    await call("GET", "/")
    assert order == ["a1", "a2", "handler", "r2", "r1"]


async def test_priority_and_blueprint_definition_order(app: Sanic, call) -> None:
    order: list[str] = []
    bp = Blueprint("bp")

    @bp.on_request
    async def bp_req(request):
        order.append("bp_req")

    @bp.on_response
    async def bp_res(request, response):
        order.append("bp_res")

    @app.on_request
    async def a1(request):
        order.append("a1")

    @app.on_request(priority=5)
    async def a2(request):
        order.append("a2p5")

    @app.on_response
    async def r1(request, response):
        order.append("r1")

    @app.on_response(priority=5)
    async def r2(request, response):
        order.append("r2p5")

    @app.on_response
    async def r3(request, response):
        order.append("r3")

    @bp.get("/")
    async def h(request):
        order.append("handler")
        return text("x")

    app.blueprint(bp)

    @app.on_request
    async def a3(request):
        order.append("a3")

    await call("GET", "/")
    assert order == [
        "a2p5",
        "bp_req",
        "a1",
        "a3",
        "handler",
        "r3",
        "r1",
        "bp_res",
        "r2p5",
    ]


async def test_blueprint_middleware_only_runs_on_its_routes(app: Sanic, call) -> None:
    seen: list[str] = []
    bp = Blueprint("bp", url_prefix="/bp")

    @bp.middleware
    async def spy(request):
        seen.append(request.path)

    @bp.get("/")
    async def inside(request):
        return text("in")

    @app.get("/out")
    async def outside(request):
        return text("out")

    app.blueprint(bp)
    await call("GET", "/bp")
    await call("GET", "/out")
    assert seen == ["/bp"]


async def test_request_middleware_response_short_circuits(app: Sanic, call) -> None:
    order: list[str] = []

    @app.on_request
    async def halt(request):
        order.append("halt")
        return text("I halted the request")

    @app.on_request
    async def never(request):
        order.append("never")

    @app.on_response
    async def after(request, response):
        order.append("after")

    @app.get("/")
    async def handler(request):
        order.append("handler")
        return text("x")

    sent = await call("GET", "/")
    assert sent.text == "I halted the request"
    assert order == ["halt", "after"]


async def test_response_middleware_can_replace_the_response(app: Sanic, call) -> None:
    order: list[str] = []

    @app.on_response
    async def first_defined(request, response):
        order.append("first_defined")

    @app.on_response
    async def replace(request, response):
        order.append("replace")
        return text("I halted the response")

    @app.get("/")
    async def handler(request):
        return text("x")

    sent = await call("GET", "/")
    assert sent.text == "I halted the response"
    assert order == ["replace"]


async def test_response_middleware_can_modify_headers(app: Sanic, call) -> None:
    @app.middleware("response")
    async def custom_banner(request, response):
        response.headers["Server"] = "Fake-Server"

    @app.get("/")
    async def handler(request):
        return text("x")

    assert (await call("GET", "/")).headers["server"] == "Fake-Server"


async def test_only_app_wide_middleware_runs_without_a_route(app: Sanic, call) -> None:
    seen: list[str] = []
    bp = Blueprint("bp")

    @app.on_request
    async def spy(request):
        seen.append("request")

    @app.on_response
    async def spy_response(request, response):
        seen.append(f"response {response.status}")

    @bp.on_request
    async def bp_spy(request):
        seen.append("bp")

    @bp.get("/only-get")
    async def only_get(request):
        return text("x")

    app.blueprint(bp)
    assert (await call("GET", "/missing")).status == 404
    assert (await call("POST", "/only-get")).status == 405
    assert seen == ["request", "response 404", "request", "response 405"]


async def test_handler_error_is_500_and_response_middleware_still_runs(app: Sanic, call) -> None:
    seen: list[str] = []

    @app.on_response
    async def spy(request, response):
        seen.append(str(response.status))

    @app.get("/err")
    async def broken(request):
        raise ValueError("boom")

    sent = await call("GET", "/err")
    assert sent.status == 500
    assert seen == ["500"]


async def test_exception_handler_answers(app: Sanic, call) -> None:
    @app.exception(NotFound)
    def ignore_404s(request, exception):
        return text(f"Yep, I totally found the page: {request.path}")

    sent = await call("GET", "/where")
    assert (sent.status, sent.text) == (200, "Yep, I totally found the page: /where")


async def test_non_response_return_is_a_500_naming_the_value(app: Sanic, call) -> None:
    @app.get("/none")
    async def none(request):
        return None

    @app.get("/str")
    async def string(request):
        return "hello"

    none_sent = await call("GET", "/none", headers={"accept": "text/plain"})
    str_sent = await call("GET", "/str", headers={"accept": "text/plain"})
    assert none_sent.status == str_sent.status == 500


async def test_body_is_read_before_the_handler(app: Sanic, call) -> None:
    @app.post("/echo")
    async def echo(request):
        return text(request.body.decode())

    assert (await call("POST", "/echo", body=b"ping")).text == "ping"


async def test_stream_route_reads_the_body_itself(app: Sanic, call) -> None:
    @app.post("/up", stream=True)
    async def upload(request):
        chunks = [chunk async for chunk in request.stream]
        return text(b"".join(chunks).decode())

    assert (await call("POST", "/up", body=b"streamed")).text == "streamed"


async def test_request_knows_its_route_name_and_app(app: Sanic, call) -> None:
    @app.get("/<name>")
    async def who(request, name):
        return text(f"{request.app.name} {request.route.name} {request.name}")

    assert (await call("GET", "/x")).text == "TestApp TestApp.who TestApp.who"


async def test_host_routing_picks_by_host_header(app: Sanic, call) -> None:
    @app.get("/get", host="example.org")
    async def special(request):
        return text("org")

    @app.get("/get", host=["example.com", "example.net"])
    async def other(request):
        return text("com/net")

    assert (await call("GET", "/get", headers={"host": "example.org"})).text == "org"
    assert (await call("GET", "/get", headers={"host": "example.net"})).text == "com/net"
    assert (await call("GET", "/get", headers={"host": "other.org"})).status == 404


async def test_host_routing_compares_hosts_as_rfc_9110_does(app: Sanic, call) -> None:
    # RFC 9110 4.2.3: a host name in any case, and the default port, name the same host;
    # Sanic answers 404 for `Host: A.EXAMPLE` or `a.example:80`. request.host stays as sent.
    @app.get("/get", host="a.example")
    async def on_a(request):
        return text(f"a {request.host}")

    @app.get("/get", host="B.example:8080")
    async def on_b(request):
        return text(f"b {request.host}")

    for sent, answer in [
        ("a.example", "a a.example"),
        ("A.EXAMPLE", "a A.EXAMPLE"),
        ("a.example:80", "a a.example:80"),
        ("b.example:8080", "b b.example:8080"),
    ]:
        for _ in range(2):  # (the second from the router's cache)
            assert (await call("GET", "/get", headers={"host": sent})).text == answer
    # 443 is the default port of https only: over http `a.example:443` is another host.
    for other in ("a.example:8080", "b.example", "b.example:80", "a.example.org",
                  "A.Example:443"):
        assert (await call("GET", "/get", headers={"host": other})).status == 404
    # (a method a host's route does not take is a 404 there, as Sanic's, in any case)
    assert (await call("POST", "/get", headers={"host": "A.example"})).status == 404


async def test_host_routing_drops_only_the_default_port_of_the_requests_scheme(
    app: Sanic, call
) -> None:
    # RFC 9110 4.2.3: `a.example:443` is `a.example` for https, and `a.example:80` is not
    # (nor the reverse over http). The scheme here comes from a trusted proxy.
    app.config.PROXIES_COUNT = 1

    @app.get("/get", host="a.example")
    async def on_a(request):
        return text(f"a {request.scheme}")

    @app.get("/get", host="c.example:443")
    async def on_c(request):
        return text(f"c {request.scheme}")

    https = {"x-forwarded-proto": "https", "x-forwarded-for": "10.0.0.1"}
    for _ in range(2):  # (the second after the first answer was cached)
        for host, headers, answer in [
            ("A.Example:443", https, "a https"),
            ("c.example", https, "c https"),
            ("C.example:443", {}, "c http"),
        ]:
            sent = await call("GET", "/get", headers={"host": host, **headers})
            assert (sent.status, sent.text) == (200, answer), host
        for host, headers in [
            ("a.example:443", {}),
            ("a.example:80", https),
            ("c.example", {}),
            ("c.example:80", {}),
        ]:
            sent = await call("GET", "/get", headers={"host": host, **headers})
            assert sent.status == 404, (host, headers)


async def test_host_routing_ignores_server_name(app: Sanic, call) -> None:
    # As Sanic: routes match the host the client sent; SERVER_NAME is what request.host
    # and url_for show (every host route was a 404 with it set).
    app.config.SERVER_NAME = "https://public.example:8443"

    @app.get("/get", host="example.org")
    async def special(request):
        return text(request.host)

    @app.get("/signalled", host="example.org")
    async def signalled(request):
        return text("signalled")

    @app.signal("http.routing.after")
    async def routed(request, route, kwargs, handler):
        return None

    assert (await call("GET", "/get", headers={"host": "example.org"})).text == (
        "public.example:8443"
    )
    assert (await call("GET", "/signalled", headers={"host": "example.org"})).status == 200
    assert (await call("GET", "/get", headers={"host": "public.example:8443"})).status == 404


async def test_http_signals_fire_only_when_registered(app: Sanic, call) -> None:
    seen: list[str] = []

    @app.signal("http.routing.after")
    async def routed(request, route, kwargs, handler):
        seen.append(route.name)

    @app.signal("http.handler.before")
    async def before(request):
        seen.append("before")

    @app.get("/")
    async def index(request):
        return text("x")

    await call("GET", "/")
    assert seen == ["TestApp.index", "before"]


async def test_lifecycle_signals_fire_in_order(app: Sanic, call) -> None:
    seen: list[str] = []
    for event in (
        "http.lifecycle.begin",
        "http.lifecycle.request",
        "http.lifecycle.handle",
        "http.lifecycle.response",
        "http.lifecycle.complete",
    ):

        def recorder(event=event):
            async def record(**context):
                seen.append(event.rsplit(".", 1)[1])

            return record

        app.signal(event)(recorder())

    @app.get("/")
    async def index(request):
        seen.append("handler")
        return text("x")

    await call("GET", "/")
    assert seen[:5] == ["begin", "request", "handle", "handler", "response"]


async def test_request_middleware_answering_an_unrouted_request_is_announced(
    app: Sanic, call
) -> None:
    # As Sanic: when no route matches (404/405) and a request middleware answers, the
    # http.lifecycle.response handlers see that answer as they see a handler's.
    @app.on_request
    async def stop(request):
        if request.args.get("stop"):
            return text("stopped", status=203)

    @app.signal("http.lifecycle.response")
    async def mark(request, response):
        response.headers["x-sig"] = "seen"

    @app.get("/d")
    async def d(request):
        return text("d")

    for method, target in (("DELETE", "/d?stop=1"), ("GET", "/nope?stop=1"), ("GET", "/d?stop=1")):
        sent = await call(method, target)
        assert (sent.status, sent.text) == (203, "stopped")
        assert sent.headers.get("x-sig") == "seen", target
    sent = await call("DELETE", "/d")
    assert (sent.status, sent.headers.get("x-sig")) == (405, "seen")


async def test_failing_response_middleware_keeps_the_response(
    app: Sanic, call, caplog
) -> None:
    # Observed on Sanic 25.12: the error is logged, the middleware registered before the
    # failing one (run after it) is skipped and the handler's response goes out unchanged.
    @app.get("/")
    async def handler(request):
        return text("from handler")

    @app.on_response
    async def first(request, response):
        response.headers["x-first"] = "1"

    @app.on_response
    async def broken(request, response):
        raise RuntimeError("response middleware failed")

    @app.on_response
    async def last(request, response):
        response.headers["x-last"] = "1"

    sent = await call("GET", "/")
    assert (sent.status, sent.text) == (200, "from handler")
    assert sent.headers.get("x-last") == "1"
    assert "x-first" not in sent.headers
    assert "response middleware failed" in caplog.text


async def test_route_returning_text_answers_errors_in_text_under_json_fallback(
    app: Sanic, call
) -> None:
    # Observed on Sanic 25.12: the handler's own response type beats a fixed
    # FALLBACK_ERROR_FORMAT; a handler with no recognisable response type gets the config's.
    app.config.FALLBACK_ERROR_FORMAT = "json"

    @app.on_request
    async def fail(request):
        if request.args.get("fail"):
            raise RuntimeError("middleware")

    @app.get("/text")
    async def text_route(request):
        return text("x")

    @app.get("/raises")
    async def raises(request):
        raise RuntimeError("handler")

    as_text = await call("GET", "/text?fail=1", headers={"accept": "application/json"})
    as_json = await call("GET", "/raises")
    assert (as_text.status, as_text.headers["content-type"]) == (500, "text/plain; charset=utf-8")
    assert (as_json.status, as_json.headers["content-type"]) == (500, "application/json")


async def test_handler_that_streamed_and_returned_a_response_finishes_the_stream(
    app: Sanic, call
) -> None:
    # Observed on Sanic 25.12: the returned response is ignored, the stream is ended
    # properly (last chunk sent) instead of the connection being cut.
    @app.get("/")
    async def handler(request):
        response = await request.respond()
        await response.send("partial")
        return text("ignored")

    sent = await call("GET", "/")
    assert (sent.status, sent.text) == (200, "partial")
    assert sent.headers["transfer-encoding"] == "chunked"


async def test_error_handler_returning_none_is_a_500_naming_the_problem(
    app: Sanic, call
) -> None:
    # Observed on Sanic 25.12: the message of the 500 says what the handler returned.
    @app.get("/")
    async def handler(request):
        return 1 / 0

    @app.exception(ZeroDivisionError)
    async def returns_nothing(request, exception):
        return None

    sent = await call("GET", "/", headers={"accept": "application/json"})
    assert sent.status == 500
    assert '"message":"Invalid response type None (need HTTPResponse)"' in sent.text


async def test_error_page_replacing_a_1xx_response_skips_the_response_middleware(
    app: Sanic, call
) -> None:
    # Sanic: the middleware ran on the handler's 1xx response; the error page (here from
    # the app's own handler for the RuntimeError) that replaces it is sent as it is.
    seen: list[tuple[str, int]] = []

    @app.on_response
    async def mark(request, response):
        seen.append(("mw", response.status))
        response.headers["x-mw"] = "1"

    @app.exception(RuntimeError)
    async def on_runtime_error(request, exception):
        seen.append(("handler", 0))
        return text(f"custom {exception}", status=418)

    @app.get("/informational")
    async def informational(request):
        return text("x", status=103)

    sent = await call("GET", "/informational")
    assert (sent.status, sent.text) == (418, "custom Invalid response status 103")
    assert "x-mw" not in sent.headers
    assert seen == [("mw", 103), ("handler", 0)]


@pytest.mark.parametrize("status", ["200", "abc", None, [200], 200.0, 404.0, 201.5])
@pytest.mark.parametrize("how", ["plain", "fields", "streamed"])
async def test_a_status_that_is_no_number_is_an_invalid_status_error(
    app: Sanic, call, status: object, how: str
) -> None:
    # As Sanic: a status that is no number ("200" from a form, None) is answered by the
    # error page for "Invalid response status '200'" (the value's repr), the same error a
    # 1xx gets; Hurtle's was a TypeError from comparing it with 200.
    caught: list[BaseException] = []

    @app.exception(RuntimeError, TypeError)
    async def on_error(request, exception):
        caught.append(exception)
        return text(f"caught {exception}", status=500)

    @app.get("/odd")
    async def odd(request):
        if how == "streamed":
            response = await request.respond(status=status)
            await response.send("x", end_stream=True)
            return None
        return text("x", status=status, headers={"x-a": "1"} if how == "fields" else None)

    sent = await call("GET", "/odd")
    assert (sent.status, sent.text) == (500, f"caught Invalid response status {status!r}")
    assert [type(e) for e in caught] == [RuntimeError]


async def test_a_float_status_is_refused_after_the_same_int_status_was_sent(
    app: Sanic, call
) -> None:
    # As Sanic: 200.0 is an invalid status (a 500), also once the head of a 200 of the
    # same type and size is cached (200.0 == 200 found it: the float went out as a 200).
    @app.get("/<how>")
    async def answer(request, how: str):
        return text("x", status=200.0 if how == "float" else 200)

    assert (await call("GET", "/int")).status == 200
    assert (await call("GET", "/float")).status == 500
    assert (await call("GET", "/int")).status == 200


@pytest.mark.parametrize("how", ["send", "eof", "stream"])
async def test_a_streamed_1xx_response_gets_the_error_page_and_keeps_the_connection(
    app: Sanic, how: str, caplog: pytest.LogCaptureFixture
) -> None:
    # As Sanic: request.respond(status=103) fails at its first send (or eof) with
    # RuntimeError, answered by the error page on a connection that serves the next
    # request; Hurtle sent a plain "Internal Server Error" and closed.
    from hurtle_http.response import ResponseStream
    from hurtle_http.testing import FakeConnection, parse_responses

    @app.get("/early")
    async def early(request):
        if how == "stream":

            async def write(response):
                await response.write("ab")

            return ResponseStream(write, status=103, content_type="text/plain")
        response = await request.respond(status=103, content_type="text/plain")
        if how == "send":
            await response.send("ab")
        await response.eof()

    @app.get("/next")
    async def after(request):
        return text("next")

    await app._startup()
    conn = FakeConnection(app)
    conn.receive(b"GET /early HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n")
    for _ in range(20):
        await conn.settle()
    first, second = parse_responses(conn.take())
    assert first.status == 500 and first.header("connection") == "keep-alive"
    assert "The application encountered an unexpected error" in first.body.decode()
    assert (second.status, second.body) == (200, b"next")
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "Invalid response status 103" in str(errors[0].exc_info[1])


@pytest.mark.parametrize("chunked", [False, True])
async def test_a_streaming_route_reads_a_body_over_request_max_size(
    app: Sanic, call, chunked: bool
) -> None:
    # Sanic applies REQUEST_MAX_SIZE to bodies it reads for the handler, not to routes
    # that stream theirs (an upload of any size); other routes still answer 413.
    app.config.REQUEST_MAX_SIZE = 100

    @app.post("/upload", stream=True)
    async def upload(request):
        total = 0
        async for chunk in request.stream:
            total += len(chunk)
        return text(f"streamed {total}")

    @app.post("/plain")
    async def plain(request):
        return text("never")

    body = b"x" * 250
    if chunked:
        headers, payload = {"transfer-encoding": "chunked"}, b"fa\r\n" + body + b"\r\n0\r\n\r\n"
    else:
        headers, payload = {"content-length": "250"}, body
    sent = await call("POST", "/upload", headers=headers, body=payload)
    assert (sent.status, sent.text) == (200, "streamed 250")
    refused = await call("POST", "/plain", headers=headers, body=payload)
    assert refused.status == 413


async def test_a_head_over_request_max_size_goes_to_the_apps_payload_too_large_handler(
    app: Sanic, call
) -> None:
    # As Sanic: REQUEST_MAX_SIZE bounds the head too (a 413 saying so), and the app's
    # handler for PayloadTooLarge answers it.
    from hurtle_http.exceptions import PayloadTooLarge

    app.config.REQUEST_MAX_SIZE = 60
    seen: list[str] = []

    @app.get("/")
    async def index(request):
        return text("never")

    @app.exception(PayloadTooLarge)
    async def too_large(request, exception):
        seen.append(str(exception))
        return text("custom 413", status=413)

    assert (await call("GET", "/")).text == "never"
    sent = await call("GET", "/", headers={"x-pad": "a" * 60})
    assert (sent.status, sent.text) == (413, "custom 413")
    assert seen == ["Request header exceeds the size limit"]


async def test_a_body_that_cannot_be_read_is_answered_as_its_route_answers_errors(
    app: Sanic, call
) -> None:
    # As Sanic, a request is routed once its head is in: a broken chunked body or one
    # over REQUEST_MAX_SIZE gets the error page of its route (a route returning JSON
    # answers in JSON), its blueprint's exception handler, and a path no route takes
    # is a 404 (a method it does not take a 405) rather than the body's error.
    from hurtle_app import Blueprint
    from hurtle_http.exceptions import BadRequest
    from hurtle_http.response import json

    app.config.REQUEST_MAX_SIZE = 100

    @app.post("/api")
    async def api(request):
        return json({"ok": True})

    bp = Blueprint("shop", url_prefix="/shop")

    @bp.exception(BadRequest)
    async def shop_bad_request(request, exception):
        return text(f"shop: {exception} on {request.route.name}", status=422)

    @bp.post("/cart")
    async def cart(request):
        return text("never")

    app.blueprint(bp)
    broken = {"transfer-encoding": "chunked"}, b"zz\r\nhello\r\n0\r\n\r\n"

    sent = await call("POST", "/api", headers=broken[0], body=broken[1])
    assert (sent.status, sent.headers["content-type"]) == (400, "application/json")
    assert '"message":"Bad chunked encoding"' in sent.text
    too_big = await call("POST", "/api", headers={"content-length": "500"}, body=b"x" * 500)
    assert (too_big.status, too_big.headers["content-type"]) == (413, "application/json")
    handled = await call("POST", "/shop/cart", headers=broken[0], body=broken[1])
    assert (handled.status, handled.text) == (
        422, "shop: Bad chunked encoding on TestApp.shop.cart"
    )  # fmt: skip
    assert (await call("POST", "/nowhere", headers=broken[0], body=broken[1])).status == 404
    assert (await call("PUT", "/api", headers=broken[0], body=broken[1])).status == 405


async def test_a_header_with_cr_or_lf_is_a_500_saying_so(app: Sanic, call) -> None:
    # RFC 9110 5.5: the field is never written (Sanic writes it out: response splitting).
    # The 500 names the problem; it said "Invalid response type None" (the response had
    # been bound to the connection by the fast path that refused it, and was then
    # taken as already sent).
    @app.get("/")
    async def bad(request):
        return text("x", headers={"X-Injected": "a\r\nSet-Cookie: evil=1"})

    sent = await call("GET", "/")
    assert sent.status == 500
    assert "Response header field contains CR or LF" in sent.text
    assert "set-cookie" not in sent.headers


@pytest.mark.parametrize("with_signals", [False, True])
async def test_a_route_without_a_handler_is_a_500_saying_so(
    app: Sanic, call, with_signals: bool
) -> None:
    # a router (or a plugin's) that resolves a route but gives no handler: Sanic's 500
    # names the problem, where calling None said "unexpected error"
    @app.get("/x")
    async def handler(request):
        return text("x")

    if with_signals:

        @app.signal("http.routing.after")
        async def routed(**_) -> None:
            return None

    real_get = app.router.get

    def handlerless(*args, **kwargs):
        route, _handler, params = real_get(*args, **kwargs)
        return route, None, params

    app.router.get = handlerless  # type: ignore[method-assign]
    sent = await call("GET", "/x", headers={"accept": "application/json"})
    assert sent.status == 500
    assert "'None' was returned while requesting a handler from the router" in sent.text


# A remembered route whose handler takes its one path parameter second gets it by position
# (pipeline.remember_target); every other handler keeps getting keywords. Each case is
# asked three times: routed the first time, remembered by its target afterwards.


async def test_a_path_parameter_reaches_plain_handlers_by_position_or_keyword(
    app: Sanic, call
) -> None:
    @app.get("/a/<id:int>")
    async def by_name(request, id):
        return text(f"{id!r} {request.match_info}")

    @app.get("/s/<id:int>")
    def sync_by_name(request, id, extra="d"):
        return text(f"{id!r} {extra}")

    @app.get("/k/<id:int>")
    async def keyword_only(request, *, id):
        return text(repr(id))

    @app.get("/other/<id:int>")
    async def other_name(request, ident="none", **kwargs):
        return text(f"{ident} {kwargs}")

    for _ in range(3):
        assert (await call("GET", "/a/7")).text == "7 {'id': 7}"
        assert (await call("GET", "/s/8")).text == "8 d"
        assert (await call("GET", "/k/9")).text == "9"
        assert (await call("GET", "/other/5")).text == "none {'id': 5}"


async def test_handlers_that_must_see_keywords_keep_seeing_them(app: Sanic, call) -> None:
    import functools

    def wrapped(func):
        @functools.wraps(func)  # the signature seen through __wrapped__ is not the call's
        async def wrapper(*args, **kwargs):
            return text(f"{len(args)} {sorted(kwargs)} {(await func(*args, **kwargs)).body!r}")

        return wrapper

    @app.get("/w/<id:int>")
    @wrapped
    async def decorated(request, id):
        return text(str(id))

    @app.get("/p/<id:int>")
    async def positional_only(request, id, /):  # Sanic's keyword call fails: a 500
        return text(str(id))

    for _ in range(3):
        assert (await call("GET", "/w/3")).text == "1 ['id'] b'3'"
        assert (await call("GET", "/p/3")).status == 500


async def test_a_request_middleware_changing_match_info_reaches_the_handler(
    app: Sanic, call
) -> None:
    bp = Blueprint("bp", url_prefix="/bp")

    @bp.on_request
    async def double(request):
        request.match_info["id"] *= 2

    @bp.get("/<id:int>")
    async def show(request, id):
        return text(str(id))

    app.blueprint(bp)
    for _ in range(3):
        assert (await call("GET", "/bp/21")).text == "42"


async def test_an_error_in_routing_after_runs_the_routes_request_middleware(
    app: Sanic, call
) -> None:
    # As Sanic: an http.routing.after handler that raises comes after the route is
    # found, so the route's request middleware (the blueprint's too) runs before the
    # error page, and an error it raises is the one answered.
    bp = Blueprint("bp", url_prefix="/bp")

    @app.signal("http.routing.after")
    async def check(request, **kw):
        raise NotFound("from the signal")

    @bp.on_request
    async def bp_mw(request):
        request.ctx.bp = "ran"
        if request.args.get("deny"):
            return text("denied by the blueprint", status=403)

    @app.on_response
    async def show(request, response):
        response.headers["x-bp"] = getattr(request.ctx, "bp", "-")

    @bp.get("/a")
    async def a(request):
        return text("a")

    app.blueprint(bp)
    sent = await call("GET", "/bp/a")
    assert (sent.status, sent.headers.get("x-bp")) == (404, "ran")
    sent = await call("GET", "/bp/a?deny=1")
    assert (sent.status, sent.text) == (403, "denied by the blueprint")


@pytest.mark.parametrize("event", ["http.lifecycle.request", "http.lifecycle.handle"])
@pytest.mark.parametrize(
    ("error", "middleware"), [(ServiceUnavailable, "-"), (NotFound, "ran"), (ValueError, "ran")]
)
async def test_a_service_unavailable_from_a_lifecycle_signal_skips_request_middleware(
    app: Sanic, call, event: str, error: type[Exception], middleware: str
) -> None:
    # As Sanic: these handlers run before routing; a request they fail goes through the
    # app's request middleware before the error page, except for ServiceUnavailable (the
    # class of Sanic's response timeout), answered without it.
    @app.signal(event)
    async def check(request, **kw):
        raise error("from the signal")

    @app.on_request
    async def mw(request):
        request.ctx.mw = "ran"

    @app.on_response
    async def show(request, response):
        response.headers["x-mw"] = getattr(request.ctx, "mw", "-")

    @app.get("/a")
    async def a(request):
        return text("a")

    sent = await call("GET", "/a")
    assert sent.headers.get("x-mw") == middleware
