"""Old Sanic idioms still found in public tutorials and projects (Sanic 0.x-21.x), each
tried in isolation under one interpreter; prints what happens (result, or exception type
and message). Run under Sanic 25.12 and Hurtle and diff:

    /tmp/st-ref/bin/python probe_legacy.py > /tmp/s.txt
    ../../../.venv/bin/python probe_legacy.py > /tmp/h.txt; diff /tmp/s.txt /tmp/h.txt
"""

from probekit import case, run
from probekit import fresh as _fresh


def fresh():
    return _fresh("L")


@case
def import_handler_from_exceptions():
    from sanic.exceptions import Handler  # noqa: F401  (0.x examples/exception_monitoring.py)


@case
def import_websocket_protocol():
    from sanic.websocket import WebSocketProtocol  # noqa: F401  (sanic<21.3 chat examples)


@case
def import_ws_protocol_new_place():
    from sanic.server.protocols.websocket_protocol import WebSocketProtocol

    return WebSocketProtocol.__name__


@case
def import_response_stream():
    from sanic.response import stream  # noqa: F401


@case
def import_log_log():
    from sanic.log import log  # noqa: F401  (insanic's error handler)


@case
def import_sanic_sanic():
    from sanic.sanic import Sanic  # noqa: F401  (SnailZSJ/wswp)


@case
def import_abort():
    from sanic.exceptions import abort  # noqa: F401


@case
def import_invalid_usage():
    from sanic.exceptions import BadRequest, InvalidUsage

    return InvalidUsage is BadRequest


@case
def import_request_file():
    from sanic.request import File, Request

    return [File.__name__, Request.__name__]


@case
def import_handlers_format_exc():
    from sanic.handlers import INTERNAL_SERVER_ERROR_HTML, format_exc  # noqa: F401


@case
def import_composition_view():
    from sanic.views import CompositionView  # noqa: F401


@case
def import_stream_decorator():
    from sanic.views import stream  # noqa: F401


@case
def sanic_without_name():
    from sanic import Sanic

    Sanic()


@case
def sanic_dunder_name():
    from sanic import Sanic

    return Sanic("__main__").name


@case
def sanic_bad_name():
    from sanic import Sanic

    Sanic("my app!")


@case
def duplicate_app_name():
    from sanic import Sanic

    Sanic("Dup")
    Sanic("Dup")


@case
def error_handler_with_sanic_kwarg():
    from sanic.handlers import ErrorHandler

    ErrorHandler(sanic=None)


@case
def error_handler_handlers_attr():
    from sanic.handlers import ErrorHandler

    return sorted(
        k for k in ("handlers", "cached_handlers", "debug", "base") if hasattr(ErrorHandler(), k)
    )


@case
def config_from_object():
    fresh().config.from_object(object())


@case
def config_from_pyfile():
    fresh().config.from_pyfile("/nonexistent.py")


@case
def config_from_envvar():
    fresh().config.from_envvar("NOPE_VAR")


@case
def config_update_config_missing_file():
    fresh().config.update_config("/nonexistent/settings.py")


@case
def config_update_config_env_in_path():
    fresh().config.update_config("${NOPE_DIR}/settings.py")


@case
def config_update_config_bad_type():
    fresh().config.update_config(42)


@case
def config_lowercase_attr():
    app = fresh()
    app.config.lower = 1
    return ["lower" in app.config, app.config.lower]


@case
def config_missing_attr():
    return fresh().config.NOT_THERE


@case
def request_raw_args():
    from sanic import Request

    return hasattr(Request, "raw_args")


@case
def app_run_protocol_kw():
    import inspect

    from sanic import Sanic

    return "protocol" in inspect.signature(Sanic.run).parameters


@case
def app_register_blueprint():
    from sanic import Blueprint

    app = fresh()
    app.register_blueprint(Blueprint("b"))


@case
def blueprint_positional_prefix():
    from sanic import Blueprint

    bp = Blueprint("b2", "/pre")
    return bp.url_prefix


@case
def blueprint_bad_name():
    from sanic import Blueprint

    Blueprint("my.bp")


@case
def route_without_slash_name():
    from sanic.response import text

    app = fresh()

    @app.route("nolead")
    async def h(r):
        return text("x")

    return (
        [r.path for r in app.router.routes]
        if app.router.routes
        else sorted(app.router.routes_all)
        if hasattr(app.router, "routes_all")
        else None
    )


@case
def add_route_methods_lower():
    from sanic.response import text

    app = fresh()
    app.add_route(lambda r: text("x"), "/x", methods=["get", "post"])
    app.router.finalize()
    return sorted(next(iter(app.router.routes)).methods)


@case
def route_handler_not_coroutine_lambda_name():
    from sanic.response import text

    app = fresh()
    app.add_route(lambda r: text("x"), "/y")
    app.router.finalize()
    return next(iter(app.router.routes)).name


@case
def websocket_route_sync_handler():
    app = fresh()

    @app.websocket("/ws")
    def ws(request, ws):
        pass

    app.router.finalize()
    return "ok"


@case
def response_json_escape_forward_slash():
    from sanic.response import json

    return json({"u": "a/b", "e": "é", "lt": "<"}).body.decode()


@case
def response_json_ensure_ascii_kw():
    from sanic.response import json

    return json({"e": "é"}, ensure_ascii=True).body.decode()


@case
def response_json_indent():
    from sanic.response import json

    return json({"a": [1, 2]}, indent=2).body.decode()


@case
def response_json_sort_keys():
    from sanic.response import json

    return json({"b": 1, "a": 2}, sort_keys=True).body.decode()


@case
def response_text_non_str():
    from sanic.response import text

    text(123)


@case
def response_html_bytes():
    from sanic.response import html

    r = html(b"<b>x</b>")
    return [r.body, r.content_type]


@case
def response_raw_content_type():
    from sanic.response import raw

    return raw(b"x").content_type


@case
def response_redirect_headers():
    from sanic.response import redirect

    r = redirect("/to", headers={"X-A": "1"}, status=301, content_type="text/plain")
    return [r.status, dict(r.headers), r.content_type]


@case
def response_status_setter():
    from sanic.response import json

    r = json({})
    r.status = "404"
    return r.status


@case
def httpresponse_body_str():
    from sanic.response import HTTPResponse

    return HTTPResponse("text body", content_type="text/plain").body


@case
def httpresponse_body_dict():
    from sanic.response import HTTPResponse

    HTTPResponse({"a": 1})


@case
def cookies_item_assignment():
    from sanic.response import text

    r = text("x")
    r.cookies["a"] = "b"
    return [str(c) for c in r.cookies.cookies] if hasattr(r.cookies, "cookies") else str(r.cookies)


@case
def cookies_item_attr():
    from sanic.response import text

    r = text("x")
    r.cookies["a"] = "b"
    r.cookies["a"]["httponly"] = True


@case
def exception_status_code_kw():
    from sanic.exceptions import SanicException

    e = SanicException("m", status_code=499)
    return [e.status_code, str(e), e.quiet]


@case
def exception_unknown_status():
    from sanic.exceptions import SanicException

    e = SanicException("m", status_code=799)
    return [e.status_code, str(e)]


@case
def exception_no_message():
    from sanic.exceptions import NotFound, SanicException, ServerError

    return [
        str(NotFound()),
        str(ServerError()),
        str(SanicException()),
        str(SanicException(status_code=418)),
    ]


@case
def exception_add_status_code_decorator():
    from sanic.exceptions import add_status_code  # noqa: F401


@case
def exception_url_build_error_import():
    from sanic.exceptions import URLBuildError

    return URLBuildError.__mro__[1].__name__


@case
def request_args_get_type_kw():
    from sanic.request import RequestParameters

    p = RequestParameters({"n": ["5"]})
    return p.get("n", type=int)


@case
def request_parameters_getlist_default():
    from sanic.request import RequestParameters

    p = RequestParameters({"n": ["5"]})
    return [p.getlist("x"), p.getlist("x", []), p.get("x", "d"), p.getlist("n")]


@case
def views_decorators_on_method_view_as_view_kwargs():
    from sanic.response import text
    from sanic.views import HTTPMethodView

    class V(HTTPMethodView):
        def __init__(self, greeting):
            self.greeting = greeting

        async def get(self, request):
            return text(self.greeting)

    app = fresh()
    app.add_route(V.as_view("hi"), "/v")
    _, r = app.test_client.get("/v")
    return [r.status, r.text]


@case
def views_attach_classmethod():
    from sanic.response import text
    from sanic.views import HTTPMethodView

    app = fresh()

    class V(HTTPMethodView, attach=app, uri="/att"):
        async def get(self, request):
            return text("attached")

    _, r = app.test_client.get("/att")
    return [r.status, r.text]


if __name__ == "__main__":
    run()
