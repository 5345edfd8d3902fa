"""Error responses: not found, method not allowed, handler exceptions, abort, custom handlers.

The same module is reused by the ``app_errors_*`` variants, which only change config.
"""

from sanic import Sanic
from sanic.exceptions import (
    BadRequest,
    Forbidden,
    NotFound,
    SanicException,
    ServerError,
    ServiceUnavailable,
    Unauthorized,
)
from sanic.response import json, text

# Sanic 25.12 has no abort() any more (neither sanic.abort nor sanic.exceptions.abort):
# raising an exception is the way, so the fidelity app does not test it.


class Teapot(SanicException):
    status_code = 418
    message = "Short and stout"
    quiet = True
    headers = {"X-Teapot": "yes"}


class Loud(SanicException):
    status_code = 422
    message = "Loud default message"


class Handled(Exception):
    pass


def build(name: str) -> Sanic:
    app = Sanic(name)

    @app.get("/ok")
    async def ok(request):
        return text("ok")

    @app.route("/only-post", methods=["POST"])
    async def only_post(request):
        return text("posted")

    @app.route("/get-put", methods=["GET", "PUT"])
    async def get_put(request):
        return text("gp")

    @app.get("/raise")
    async def boom(request):
        raise ValueError("secret internal detail")

    @app.get("/raise-key")
    async def boom_key(request):
        return {}["missing"]

    @app.get("/sanic")
    async def plain_sanic(request):
        raise SanicException("plain sanic exception")

    @app.get("/sanic-status")
    async def sanic_status(request):
        raise SanicException("custom status", status_code=409)

    @app.get("/sanic-full")
    async def sanic_full(request):
        raise SanicException(
            "everything",
            status_code=400,
            quiet=False,
            context={"field": "name", "n": 3},
            extra={"hidden": "debug-only"},
            headers={"X-Custom": "1", "Retry-After": "5"},
        )

    @app.get("/sanic-context-quiet")
    async def sanic_context_quiet(request):
        raise SanicException("quiet one", status_code=400, quiet=True, context={"a": 1})

    @app.get("/teapot")
    async def teapot(request):
        raise Teapot()

    @app.get("/teapot-msg")
    async def teapot_msg(request):
        raise Teapot("overridden")

    @app.get("/loud")
    async def loud(request):
        raise Loud()

    @app.get("/bad-request")
    async def bad_request(request):
        raise BadRequest("you sent junk")

    @app.get("/notfound")
    async def notfound(request):
        raise NotFound()

    @app.get("/forbidden")
    async def forbidden(request):
        raise Forbidden("no entry")

    @app.get("/unauthorized")
    async def unauthorized(request):
        raise Unauthorized("Auth required.", scheme="Basic", realm="Restricted Area")

    @app.get("/unauthorized-bearer")
    async def unauthorized_bearer(request):
        raise Unauthorized("Auth required.", scheme="Bearer", realm="api", error="invalid_token")

    @app.get("/unavailable")
    async def unavailable(request):
        raise ServiceUnavailable("down for maintenance")

    @app.get("/server-error")
    async def server_error(request):
        raise ServerError("explicit server error")

    @app.get("/html-in-message")
    async def html_message(request):
        raise SanicException("<script>alert(1)</script> & more", status_code=400)

    @app.get("/unicode")
    async def unicode_message(request):
        raise SanicException("héllo ✓", status_code=400)

    @app.get("/empty-message")
    async def empty_message(request):
        raise SanicException("", status_code=400)

    @app.get("/bytes-message")
    async def bytes_message(request):
        raise SanicException(b"bytes message", status_code=400)

    @app.get("/status-only")
    async def status_only(request):
        raise SanicException(status_code=404)

    @app.get("/fmt-json", error_format="json")
    async def fmt_json(request):
        raise SanicException("route wants json", status_code=400)

    @app.get("/fmt-html", error_format="html")
    async def fmt_html(request):
        raise SanicException("route wants html", status_code=400)

    @app.get("/fmt-text", error_format="text")
    async def fmt_text(request):
        raise SanicException("route wants text", status_code=400)

    @app.get("/fmt-json-500", error_format="json")
    async def fmt_json_500(request):
        raise RuntimeError("hidden")

    @app.get("/handled")
    async def handled(request):
        raise Handled("caught by @app.exception")

    @app.exception(Handled)
    async def on_handled(request, exception):
        return json({"handled": str(exception)}, status=299)

    @app.get("/handler-raises")
    async def handler_raises(request):
        raise KeyError("k")

    @app.exception(KeyError)
    async def on_key_error(request, exception):
        raise RuntimeError("error inside error handler")

    @app.get("/mw-request")
    async def mw_request(request):
        return text("unreachable")

    @app.get("/mw-response")
    async def mw_response(request):
        return text("reached handler")

    @app.get("/mw-request-sanic")
    async def mw_request_sanic(request):
        return text("unreachable")

    @app.on_request
    async def request_mw(request):
        if request.path == "/mw-request":
            raise RuntimeError("request middleware failed")
        if request.path == "/mw-request-sanic":
            raise Forbidden("middleware said no")

    @app.on_response
    async def response_mw(request, response):
        if request.path == "/mw-response":
            raise RuntimeError("response middleware failed")

    @app.get("/return-none")
    async def return_none(request):
        return None

    @app.get("/return-str")
    async def return_str(request):
        return "a plain string"

    @app.get("/return-dict")
    async def return_dict(request):
        return {"a": 1}

    @app.get("/sync-raise")
    def sync_raise(request):
        raise ValueError("sync")

    @app.get("/typed/<n:int>")
    async def typed(request, n: int):
        return text(str(n))

    @app.get("/status/<code:int>")
    async def status_code(request, code: int):
        return text("with status", status=code)

    @app.get("/raise-status/<code:int>")
    async def raise_status(request, code: int):
        raise SanicException(status_code=code)

    return app


app = build("FidelityErrors")
