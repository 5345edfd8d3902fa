"""sanic.exceptions: class attributes, constructors, and the error responses they make."""

import inspect

from _probe import new_app, req, show

import sanic.exceptions as E
from sanic import response

names = sorted(n for n, v in vars(E).items() if inspect.isclass(v) and issubclass(v, BaseException))
print("exception names:", names)
for name in names:
    cls = getattr(E, name)
    show(f"{name} mro", lambda c=cls: [k.__name__ for k in c.__mro__ if k is not object])
    show(f"{name} status_code", lambda c=cls: getattr(c, "status_code", None))
    show(f"{name} quiet", lambda c=cls: getattr(c, "quiet", None))
    show(f"{name} message attr", lambda c=cls: getattr(c, "message", None))
    show(f"{name} headers attr", lambda c=cls: getattr(c, "headers", None))
    show(f"{name}() str", lambda c=cls: str(c()))
    show(f"{name}() args", lambda c=cls: c().args)
    show(f"{name}('m') str", lambda c=cls: str(c("m")))
    show(f"{name}() .message", lambda c=cls: getattr(c(), "message", None))
    show(f"{name}() .status_code", lambda c=cls: getattr(c(), "status_code", None))
    show(f"{name}() .quiet", lambda c=cls: getattr(c(), "quiet", None))
    show(f"{name}() .context", lambda c=cls: getattr(c(), "context", None))
    show(f"{name}() .extra", lambda c=cls: getattr(c(), "extra", None))
    show(f"{name}() .headers", lambda c=cls: dict(getattr(c(), "headers", {}) or {}))

show(
    "aliases",
    lambda: [
        (a, getattr(E, a).__name__)
        for a in (
            "InvalidUsage",
            "NotFound",
            "ServerError",
            "MethodNotSupported",
            "ContentRangeError",
            "HeaderNotFound",
            "InvalidHeader",
            "RequestTimeout",
            "PayloadTooLarge",
            "LoadFileException",
            "URLBuildError",
            "Forbidden",
            "Unauthorized",
            "ServiceUnavailable",
            "FileNotFound",
            "BadURL",
            "HeaderExpectationFailed",
            "InvalidRangeType",
            "RangeNotSatisfiable",
            "ExpectationFailed",
            "MethodNotAllowed",
            "BadRequest",
            "SanicException",
        )
        if hasattr(E, a)
    ],
)
show(
    "SanicException kwargs",
    lambda: (lambda e: (str(e), e.status_code, e.quiet, e.context, e.extra, dict(e.headers)))(
        E.SanicException(
            "msg",
            status_code=418,
            quiet=True,
            context={"a": 1},
            extra={"b": 2},
            headers={"x-h": "1"},
        )
    ),
)
show("SanicException status 404 via arg", lambda: E.SanicException("x", 404).status_code)
show("SanicException quiet default 500", lambda: E.SanicException("x").quiet)
show("SanicException quiet default 404", lambda: E.SanicException("x", status_code=404).quiet)
show("NotFound quiet", lambda: E.NotFound().quiet)
show(
    "MethodNotAllowed args",
    lambda: (lambda e: (str(e), dict(e.headers)))(E.MethodNotAllowed("m", "POST", ["GET", "HEAD"])),
)
show(
    "Unauthorized basic",
    lambda: dict(E.Unauthorized("Auth required", scheme="Basic", realm="Restricted").headers),
)
show(
    "Unauthorized digest",
    lambda: dict(
        E.Unauthorized(
            "Auth",
            scheme="Digest",
            realm="r",
            qop="auth, auth-int",
            algorithm="MD5",
            nonce="abc",
            opaque="zyx",
        ).headers
    ),
)
show("Unauthorized bearer", lambda: dict(E.Unauthorized("Auth", scheme="Bearer").headers))
show(
    "Unauthorized bearer realm",
    lambda: dict(E.Unauthorized("Auth", scheme="Bearer", realm="r").headers),
)
show("Unauthorized no scheme", lambda: dict(E.Unauthorized("Auth").headers))
show(
    "RangeNotSatisfiable",
    lambda: (lambda e: dict(e.headers))(
        E.RangeNotSatisfiable("bad", type("CR", (), {"total": 99})())
    ),
)
show(
    "InvalidRangeType",
    lambda: (lambda e: (e.status_code, dict(e.headers)))(
        E.InvalidRangeType("bad", type("CR", (), {"total": 10})())
    ),
)
show("ServerError status", lambda: E.ServerError().status_code)
show(
    "subclass status_code kw",
    lambda: type("Teapot", (E.SanicException,), {"status_code": 418})().status_code,
)
show(
    "subclass message attr",
    lambda: str(type("Msg", (E.SanicException,), {"message": "class msg"})()),
)
show("SanicException message= kw", lambda: str(E.SanicException(message="kw msg")))
show("PyFileError", lambda: (str(E.PyFileError("f.py")), E.PyFileError("f.py").args))
show("WebsocketClosed", lambda: (E.WebsocketClosed.__mro__[1].__name__, str(E.WebsocketClosed())))
show("InvalidSignal", lambda: E.InvalidSignal.__mro__[1].__name__)

app = new_app("excapp")
RAISE = {
    "sanic": lambda: E.SanicException("plain sanic"),
    "sanic418": lambda: E.SanicException("teapot", status_code=418),
    "notfound": lambda: E.NotFound("no thing"),
    "notfound_default": lambda: E.NotFound(),
    "badrequest": lambda: E.BadRequest("bad one"),
    "forbidden": lambda: E.Forbidden("nope"),
    "unauth": lambda: E.Unauthorized("who", scheme="Basic", realm="R"),
    "methodnot": lambda: E.MethodNotAllowed("mna", "POST", ["GET"]),
    "servererror": lambda: E.ServerError("srv"),
    "unavailable": lambda: E.ServiceUnavailable("later"),
    "timeout": lambda: E.RequestTimeout("slow"),
    "toolarge": lambda: E.PayloadTooLarge("big"),
    "expectation": lambda: E.ExpectationFailed("exp"),
    "context": lambda: E.SanicException(
        "with ctx", status_code=400, context={"field": "x"}, extra={"secret": 1}
    ),
    "headers": lambda: E.SanicException("with hdr", status_code=400, headers={"x-err": "1"}),
    "valueerror": lambda: ValueError("plain python"),
    "keyerror": lambda: KeyError("k"),
    "quiet500": lambda: E.SanicException("q", quiet=True),
    "urlbuild": lambda: E.URLBuildError("ub"),
    "headernotfound": lambda: E.HeaderNotFound("hnf"),
    "filenotfound": lambda: E.FileNotFound("fnf", "/p", "rel"),
    "invalidheader": lambda: E.InvalidHeader("ih"),
    "badurl": lambda: E.BadURL("bu"),
    "loadfile": lambda: E.LoadFileException("lf"),
    "emptymsg": lambda: E.SanicException(""),
    "html_in_msg": lambda: E.BadRequest("<b>bold</b> & stuff"),
}


@app.get("/raise/<kind>")
async def raiser(request, kind):
    raise RAISE[kind]()


@app.get("/json/<kind>", error_format="json")
async def raiser_json(request, kind):
    raise RAISE[kind]()


@app.get("/text/<kind>", error_format="text")
async def raiser_text(request, kind):
    raise RAISE[kind]()


@app.get("/ret_json")
async def ret_json(request):
    raise E.BadRequest("auto from json")
    return response.json({})


HDRS = ("content-type", "www-authenticate", "allow", "x-err", "content-range")
for kind in RAISE:
    req(app, f"text {kind}", "GET", f"/text/{kind}", headers=HDRS)
    req(app, f"json {kind}", "GET", f"/json/{kind}", headers=HDRS)
for kind in ["sanic", "notfound", "context", "valueerror", "unauth"]:
    req(app, f"auto {kind}", "GET", f"/raise/{kind}", headers=HDRS)
    req(
        app,
        f"auto accept json {kind}",
        "GET",
        f"/raise/{kind}",
        headers=HDRS,
        headers_={"accept": "application/json"},
    ) if False else None
req(app, "auto from json source", "GET", "/ret_json", headers=HDRS)
