"""otrabalhador/sanic-oop (app/sanic_app.py, app/setup.py, routes/v1/routes.py,
api_resources/basic.py and stream.py, error_handler/*, middlewares/*, tasks/*), condensed:
`Sanic(error_handler=ErrorHandlerCollection())`, an `ErrorHandler` subclass whose
`__init__` builds an old-style `self.handlers` list of (exception, method) pairs from
`CustomErrorHandler`s that call `self.log(...)` and answer HTML (a 404 page and a 500 page);
routes added with `add_route(..., version="v1")`, one named `post`, another with
`strict_slashes=True`; `url_for("post", post_id=5, arg=123, arg_2=[...])` redirected to;
`response.stream(fn, headers=...)` whose callback calls `response.write(line)` without
awaiting; `file_stream` of a file with a `Content-Disposition` header; `app.static`; a request
middleware raising `InvalidUsage` on any query string and a sync response middleware that
prints; a task added before the run; sync listeners. Stand-ins: CORS (left out); the
million-line stream is 5 lines; the 10 s task sleeps 0.1 s; the static folder is
``oop_static``."""

import asyncio
import os

from sanic import Sanic, exceptions, response
from sanic.exceptions import InvalidUsage
from sanic.handlers import ErrorHandler
from sanic.response import json, redirect, text

HERE = os.path.dirname(os.path.abspath(__file__))


class CustomErrorHandler(ErrorHandler):
    def __init__(self, exceptions, html_str, status_code, headers):
        self.exceptions = exceptions
        self.html_str = html_str
        self.status_code = status_code
        self.headers = headers
        super().__init__()

    def handler(self, request, exception) -> response.html:
        self.log("""\
Handling exception: %r
for request url: %s\
""" % (exception, request.url))
        return response.html(self.html_str, self.status_code, self.headers)

    def get_error_handlers(self) -> list:
        if isinstance(self.exceptions, list):
            return [(exception, self.handler) for exception in self.exceptions]
        return [(self.exceptions, self.handler)]


class Error404Handler(CustomErrorHandler):
    def __init__(self):
        super().__init__(exceptions.NotFound, "<body><h1>404 Error!!</h1></body>", 404, None)


class ServerErrorHander(CustomErrorHandler):
    def __init__(self):
        super().__init__([exceptions.ServerError, ZeroDivisionError],
                         "<body><h1>500 Error!!</h1></body>", 500, {"X-Error": "yes"})


class ErrorHandlerCollection(ErrorHandler):
    def __init__(self):
        super().__init__()
        self.handlers_obj = [Error404Handler, ServerErrorHander]
        self.handlers = self._get_handlers()

    def _get_handlers(self):
        handlers = []
        for handler_obj in self.handlers_obj:
            handlers.extend(handler_obj().get_error_handlers())
        return handlers


app = Sanic("sanic_oop", error_handler=ErrorHandlerCollection())


async def index(request):
    return json({"hello": "world"})


async def redirect_url(request):
    url = app.url_for("post", post_id=5, arg=123, arg_2=[12312312, 12312])
    return redirect(url)


async def post_handler(request, post_id):
    return text("Post - {}".format(post_id))


async def internal_server_error(request):
    return 1 / 0


async def stream(request):
    async def streaming_response(response):
        for i in range(1, 6):
            response.write("Line {}\n".format(i))

    headers = {"Content-Disposition": "attachment; filename = big_file.txt"}
    return response.stream(streaming_response, headers=headers)


async def stream_from_file(request):
    headers = {"Content-Disposition": "attachment; filename = big_file.txt"}
    return await response.file_stream(os.path.join(HERE, "oop_static/big_file.txt"), headers=headers)


version = "v1"
app.add_route(index, "/", version=version)
app.add_route(redirect_url, "/redirect", strict_slashes=True, version=version)
app.add_route(post_handler, "/posts/<post_id>", name="post", version=version)
app.add_route(internal_server_error, "/error", version=version)
app.add_route(stream, "/stream", version=version)
app.add_route(stream_from_file, "/stream_from_file", version=version)
app.static("/static", os.path.join(HERE, "oop_static"))


def _forbidden_query_string(request):
    if request.args != {}:
        raise InvalidUsage("Query string are forbidden. User has passed %r" % request.args)


def _sniff_response(request, response):
    print("Returning status code %d" % response.status)


app.register_middleware(_forbidden_query_string, "request")
app.register_middleware(_sniff_response, "response")


def before_start(app, loop):
    print("before_server_start listener (sync)")


app.register_listener(before_start, "before_server_start")


async def _notify_server_started_after_five_seconds():
    await asyncio.sleep(0.1)
    print("Rubinho Barrichello says: Server successfully started")


app.add_task(_notify_server_started_after_five_seconds)
