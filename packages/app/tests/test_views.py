"""Class-based views: dispatch by method, decorators, URL parameters, attach."""

from __future__ import annotations

from hurtle_app import Sanic
from hurtle_app.views import HTTPMethodView
from hurtle_http.response import text


async def test_each_method_goes_to_its_function(app: Sanic, call) -> None:
    class SimpleView(HTTPMethodView):
        def get(self, request):
            return text("I am get method")

        async def post(self, request):
            return text("I am post method")

    app.add_route(SimpleView.as_view(), "/")
    assert (await call("GET", "/")).text == "I am get method"
    assert (await call("POST", "/")).text == "I am post method"
    assert (await call("PUT", "/")).status == 405


async def test_url_parameters_reach_the_method(app: Sanic, call) -> None:
    class NameView(HTTPMethodView):
        def get(self, request, name):
            return text(f"Hello {name}")

    app.add_route(NameView.as_view(), "/<name>")
    assert (await call("GET", "/world")).text == "Hello world"


async def test_decorators_wrap_the_view(app: Sanic, call) -> None:
    def shout(view):
        async def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response.headers["x-decorated"] = "yes"
            return response

        return wrapper

    class ViewWithDecorator(HTTPMethodView):
        decorators = [shout]

        def get(self, request):
            return text("Hello I have a decorator")

    app.add_route(ViewWithDecorator.as_view(), "/url")
    sent = await call("GET", "/url")
    assert sent.headers["x-decorated"] == "yes"


async def test_attach_registers_the_view(app: Sanic, call) -> None:
    class Attached(HTTPMethodView, attach=app, uri="/attached"):
        def get(self, request):
            return text("attached")

    assert (await call("GET", "/attached")).text == "attached"
    assert app.url_for("Attached") == "/attached"


async def test_stream_on_get_makes_the_view_route_streaming(app: Sanic, call) -> None:
    from hurtle_app.views import stream

    class Upload(HTTPMethodView):
        @stream
        async def get(self, request):
            data = b""
            while (chunk := await request.stream.read()) is not None:
                data += chunk
            return text(f"streamed {data!r} body={request.body!r}")

    app.add_route(Upload.as_view(), "/up")
    route = next(r for r in app.router.routes if r.name.endswith(".Upload"))
    assert route.extra.stream is True
    sent = await call("GET", "/up", body=b"abc")
    assert sent.text == "streamed b'abc' body=b''"


async def test_stream_on_head_or_options_marks_the_route(app: Sanic) -> None:
    from hurtle_app.views import stream

    class Head(HTTPMethodView):
        async def get(self, request):
            return text("g")

        @stream
        async def options(self, request):
            return text("o")

    class Plain(HTTPMethodView):
        async def get(self, request):
            return text("g")

    app.add_route(Head.as_view(), "/h")
    app.add_route(Plain.as_view(), "/p")
    streams = {r.name.rsplit(".", 1)[-1]: r.extra.stream for r in app.router.routes}
    assert streams == {"Head": True, "Plain": False}


async def test_a_view_without_methods_answers_405_with_an_empty_allow(app: Sanic, call) -> None:
    class Nothing(HTTPMethodView):
        pass

    app.add_route(Nothing.as_view(), "/n")
    sent = await call("GET", "/n")
    assert sent.status == 405
    # RFC 9110 10.2.1: an empty Allow is how a 405 says no method is allowed.
    assert sent.headers.get("allow") == ""


async def test_a_view_routed_by_app_route_reads_the_body_first(app: Sanic, call) -> None:
    from hurtle_app.views import stream

    class Upload(HTTPMethodView):
        @stream
        async def post(self, request):
            return text(f"body={request.body!r}")

    # As Sanic: only add_route (and attach) look at the view's methods for @stream.
    app.route("/r", methods=["POST"])(Upload.as_view())
    sent = await call("POST", "/r", body=b"abc")
    assert sent.text == "body=b'abc'"


def test_a_websocket_view_route_handler_has_no_view_class(app: Sanic) -> None:
    class Feed(HTTPMethodView):
        async def get(self, request, ws):
            await ws.send("hi")

    app.add_websocket_route(Feed.as_view(), "/ws")
    (route,) = app.router.routes
    # As Sanic: the websocket route's handler is a partial around the view; plugins read
    # a view_class on a route handler as an HTTP view with methods to document.
    assert route.name.endswith(".Feed")
    assert not hasattr(route.handler, "view_class")


def test_a_streaming_route_marks_its_handler(app: Sanic) -> None:
    from hurtle_app.views import stream

    class Upload(HTTPMethodView):
        @stream
        async def put(self, request):
            return text("u")

    async def raw(request):
        return text("r")

    async def plain(request):
        return text("p")

    class Holder:
        async def method(self, request):
            return text("m")

    view = Upload.as_view()
    assert not hasattr(view, "is_stream")
    app.add_route(view, "/u")
    app.add_route(raw, "/r", methods=["POST"], stream=True)
    app.add_route(plain, "/p", methods=["POST"])
    # A bound method cannot be marked; it is still registered (Sanic fails there).
    app.add_route(Holder().method, "/m", methods=["POST"], stream=True)
    # As Sanic: plugins and apps read handler.is_stream.
    assert view.is_stream is True
    assert raw.is_stream is True
    assert not hasattr(plain, "is_stream")
    assert {r.path: r.extra.stream for r in app.router.routes}["m"] is True
