"""Every ``sanic.exceptions`` class raised over HTTP, in each error format (sanic-diff app).

    .venv/bin/python tests-integration/fidelity/exceptions2/make_http.py   # /tmp/exc2.http
    sanic-diff tests-integration/fidelity/exceptions2/app_exc.py /tmp/exc2.http --json
    (app_exc_debug.py: the same with DEBUG on; app_exc_fallback.py: FALLBACK_ERROR_FORMAT)

``/x/<case>`` raises ``CASES[case]()`` from the handler (auto format); ``/j/``, ``/t/``,
``/h/`` the same with ``error_format=`` json, text, html; ``/mw/<case>`` from a request
middleware, ``/rmw/<case>`` from a response middleware, ``/sig/<case>`` from a signal
handler the route awaits, ``/task/<case>`` from a background task (the route answers).
"""

from __future__ import annotations

import asyncio
import datetime
import os
from http import HTTPStatus

from sanic import Sanic, response
from sanic import exceptions as E


class Rng:
    total = 10


class Pay(E.SanicException):
    status_code = 402
    message = "pay first"
    headers = {"X-Cls": "1"}


class Teapot(E.SanicException):
    status_code = 418
    quiet = True


class Gone(E.NotFound):
    status_code = 410


class Ctx(E.SanicException):
    status_code = 422
    context = {"cls": "ctx"}
    extra = {"cls": "extra"}


class EnumStatus(E.SanicException):
    status_code = HTTPStatus.PAYMENT_REQUIRED


class Vague(E.BadRequest, ValueError):
    pass


SHARED: dict[str, str] = {}


def _mutated() -> E.SanicException:
    h: dict[str, str] = {}
    e = E.SanicException("later", status_code=409, headers=h)
    h["X-Late"] = "added after"
    return e


def _inst_mutated() -> E.SanicException:
    e = E.NotFound("inst")
    e.headers["X-Inst"] = "1"
    return e


CASES = {
    # every class, bare
    **{
        f"bare_{n}": getattr(E, n)
        for n in (
            "SanicException",
            "HTTPException",
            "NotFound",
            "BadRequest",
            "InvalidUsage",
            "BadURL",
            "MethodNotAllowed",
            "MethodNotSupported",
            "ServerError",
            "InternalServerError",
            "ServiceUnavailable",
            "URLBuildError",
            "FileNotFound",
            "RequestTimeout",
            "PayloadTooLarge",
            "HeaderNotFound",
            "InvalidHeader",
            "RangeNotSatisfiable",
            "ContentRangeError",
            "ExpectationFailed",
            "HeaderExpectationFailed",
            "Forbidden",
            "InvalidRangeType",
            "Unauthorized",
            "LoadFileException",
            "InvalidSignal",
            "WebsocketClosed",
            "RequestCancelled",
            "ServerKilled",
        )
    },
    "pyfile": lambda: E.PyFileError("conf.py"),
    "pyfile_400": lambda: E.PyFileError("conf.py", 400),
    # status codes without and with a message
    **{
        f"st_{s}": (lambda s=s: E.SanicException(status_code=s))
        for s in (
            400,
            401,
            403,
            404,
            405,
            409,
            410,
            418,
            422,
            425,
            429,
            451,
            500,
            501,
            502,
            503,
            504,
            507,
            299,
            302,
            599,
            499,
        )
    },
    "st_m_404": lambda: E.SanicException("custom", status_code=404),
    "st_pos_409": lambda: E.SanicException("pos", 409),
    "st_bytes": lambda: E.SanicException("bytes é".encode(), 400),
    "st_empty": lambda: E.SanicException("", status_code=404),
    "quiet_500": lambda: E.SanicException("q", quiet=True),
    "ctx": lambda: E.SanicException("c", status_code=400, context={"a": 1, "n": {"x": [1, "é"]}}),
    "extra": lambda: E.SanicException("e", status_code=400, extra={"secret": "s", "f": 1.5}),
    "both": lambda: E.NotFound("b", context={"c": "<b>"}, extra={"e": "&"}),
    "ctx_empty": lambda: E.NotFound("b", context={}, extra={}),
    "ctx_500": lambda: E.ServerError("boom", context={"c": 1}, extra={"e": 2}),
    "hdr": lambda: E.SanicException("h", status_code=429, headers={"Retry-After": "30"}),
    "hdr_list": lambda: E.SanicException(
        "h", status_code=400, headers=[("X-A", "1"), ("X-B", "2")]
    ),
    "hdr_dup": lambda: E.SanicException("h", status_code=400, headers=[("X-A", "1"), ("X-A", "2")]),
    "hdr_ctype": lambda: E.BadRequest("h", headers={"content-type": "text/x-mine"}),
    "hdr_int": lambda: E.BadRequest("h", headers={"X-N": 5}),
    "hdr_mutated": _mutated,
    "hdr_inst": _inst_mutated,
    "unauth_basic": lambda: E.Unauthorized("who", scheme="Basic", realm="r"),
    "unauth_bearer": lambda: E.Unauthorized("who", "Bearer"),
    "unauth_digest": lambda: E.Unauthorized(
        "who",
        scheme="Digest",
        realm="r",
        qop="auth, auth-int",
        algorithm="MD5",
        nonce="n",
        opaque="o",
    ),
    "unauth_noscheme": lambda: E.Unauthorized("who", realm="r"),
    "unauth_hdr": lambda: E.Unauthorized("who", scheme="Basic", headers={"X-U": "1"}),
    "mna": lambda: E.MethodNotAllowed("nope", "PUT", ["GET", "POST"]),
    "mna_empty": lambda: E.MethodNotAllowed("nope", "PUT", []),
    "mna_hdr": lambda: E.MethodNotAllowed("nope", "PUT", ["GET"], headers={"X-M": "1"}),
    "range": lambda: E.RangeNotSatisfiable("r", Rng()),
    "range_cre": lambda: E.ContentRangeError("r", Rng()),
    "fnf": lambda: E.FileNotFound("no file", "/a/b", "/b"),
    "pay": Pay,
    "pay_msg": lambda: Pay("own"),
    "pay_hdr": lambda: Pay(headers={"X-I": "2"}),
    "teapot": Teapot,
    "gone": Gone,
    "ctxcls": Ctx,
    "vague": lambda: Vague("v"),
    "ctx_odd": lambda: E.SanicException(
        "odd", 400, context={"d": datetime.date(2020, 1, 2), "s": {1}, "b": b"x", "t": (1, 2)}
    ),
    "ctx_obj": lambda: E.SanicException("obj", 400, context={"o": Rng()}),
    "extra_odd": lambda: E.SanicException("odd", 400, extra={"b": b"\xff", "n": None, "f": 1e300}),
    "ctx_keys": lambda: E.SanicException("keys", 400, context={1: "int key", None: "none"}),
    "ctx_vals": lambda: E.SanicException(
        "vals", 400, context={"n": None, "t": True, "d": {"x": [1, None]}, "e": "", "f": 0.5}
    ),
    "extra_vals": lambda: E.SanicException("vals", 400, extra={"n": None, "t": False, "d": {}}),
    "ctx_list": lambda: E.SanicException("list", 400, context=["not", "a", "dict"]),
    "msg_int": lambda: E.SanicException(123, 400),
    "msg_list": lambda: E.NotFound(["a", "b"]),
    "msg_exc": lambda: E.BadRequest(ValueError("inner")),
    "msg_multiline": lambda: E.BadRequest("line one\nline two\r\nthree"),
    "msg_markup": lambda: E.BadRequest('<script>alert(1)</script> & "q"'),
    "status_str": lambda: E.SanicException("s", "404"),
    "st_enum": lambda: E.SanicException(status_code=HTTPStatus.CONFLICT),
    "st_enum_msg": lambda: E.SanicException("enum", HTTPStatus.TOO_MANY_REQUESTS),
    "enumcls": lambda: EnumStatus(),
    "valueerror": lambda: ValueError("plain"),
    "keyerror": lambda: KeyError("k"),
    "notimpl": lambda: NotImplementedError("ni"),
}


def build(name: str) -> Sanic:
    app = Sanic(name)

    def raiser(case: str) -> BaseException:
        return CASES[case]()

    @app.get("/x/<case>")
    async def x(request, case):
        raise raiser(case)

    @app.get("/j/<case>", error_format="json")
    async def j(request, case):
        raise raiser(case)

    @app.get("/t/<case>", error_format="text")
    async def t(request, case):
        raise raiser(case)

    @app.get("/h/<case>", error_format="html")
    async def h(request, case):
        raise raiser(case)

    @app.get("/mw/<case>")
    async def mw(request, case):
        return response.text("not reached")

    @app.get("/rmw/<case>")
    async def rmw(request, case):
        return response.text("reached")

    @app.on_request
    async def req_mw(request):
        if request.path.startswith("/mw/"):
            raise raiser(request.path.rsplit("/", 1)[1])

    @app.on_response
    async def resp_mw(request, resp):
        if request.path.startswith("/rmw/"):
            raise raiser(request.path.rsplit("/", 1)[1])

    @app.signal("exc2.raise.now")
    async def sig_handler(case, **_):
        raise raiser(case)

    @app.get("/sig/<case>")
    async def sig(request, case):
        await app.dispatch("exc2.raise.now", context={"case": case}, inline=True)
        return response.text("after")

    @app.get("/sigbg/<case>")
    async def sigbg(request, case):
        await app.dispatch("exc2.raise.now", context={"case": case})
        await asyncio.sleep(0.05)
        return response.text("after bg")

    @app.get("/task/<case>")
    async def task(request, case):
        async def bg():
            raise raiser(case)

        app.add_task(bg())
        await asyncio.sleep(0.05)
        return response.text("task done")

    @app.get("/abort")
    async def abort_route(request):
        from sanic import exceptions

        return response.text(str(hasattr(exceptions, "abort")))

    return app


app = build(os.environ.get("EXC2_NAME", "Exc2"))
