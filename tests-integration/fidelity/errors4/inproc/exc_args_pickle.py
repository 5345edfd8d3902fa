import copy
import pickle

from sanic.exceptions import *


class R:
    total = 50

    def __repr__(self):
        return "R"


cases = {
    "unauth": lambda: Unauthorized("u", scheme="Basic", realm="Restricted"),
    "unauth2": lambda: Unauthorized(
        "u", scheme="Digest", realm="r", qop="auth", nonce="n", opaque="o"
    ),
    "unauth3": lambda: Unauthorized("u", scheme="Bearer"),
    "unauth4": lambda: Unauthorized("u", scheme="Bearer", realm="r", error="invalid_token"),
    "unauth5": lambda: Unauthorized("u"),
    "unauth6": lambda: Unauthorized("u", scheme="Basic", headers={"x": "y"}),
    "unauth7": lambda: Unauthorized("u", None, "Basic", realm="x"),
    "mna": lambda: MethodNotAllowed("m", "PUT", ["GET", "POST"]),
    "mna2": lambda: MethodNotAllowed("m", "PUT", ("GET",), headers={"x": "y"}),
    "mna3": lambda: MethodNotAllowed("m", "PUT", None),
    "mna4": lambda: MethodNotAllowed(),
    "range": lambda: RangeNotSatisfiable("r", R()),
    "range2": lambda: RangeNotSatisfiable("r", R(), headers={"x": "y"}),
    "range3": lambda: ContentRangeError("r", R()),
    "range4": lambda: RangeNotSatisfiable(),
    "fnf": lambda: FileNotFound("f", "/p", "rel"),
    "fnf2": lambda: FileNotFound(),
    "pyf": lambda: PyFileError("f.py"),
    "pyf2": lambda: PyFileError("f.py", "extra"),
    "se": lambda: SanicException(
        "m", 404, quiet=True, context={"a": 1}, extra={"b": 2}, headers={"h": "v"}
    ),
    "invrange": lambda: InvalidRangeType("r", R()),
    "hdrexp": lambda: HeaderExpectationFailed("x"),
    "ptl": lambda: PayloadTooLarge("big"),
    "rt": lambda: RequestTimeout(),
    "su": lambda: ServiceUnavailable(),
    "ws": lambda: WebsocketClosed(),
    "lfe": lambda: LoadFileException("x", status_code=401) if False else LoadFileException("x"),
    "ube": lambda: URLBuildError("x"),
}
for n, f in cases.items():
    try:
        e = f()
    except Exception as ex:
        print(n, "CTOR RAISES", type(ex).__name__, ex)
        continue
    attrs = {
        a: getattr(e, a, "<none>")
        for a in (
            "status_code",
            "message",
            "quiet",
            "headers",
            "context",
            "extra",
            "args",
            "method",
            "allowed_methods",
            "path",
            "relative_url",
            "content_range",
        )
    }
    attrs["content_range"] = repr(attrs["content_range"])
    print(n, repr(e), str(e), attrs)
    try:
        e2 = pickle.loads(pickle.dumps(e))
        print(
            "   pickle",
            type(e2).__name__,
            str(e2),
            getattr(e2, "status_code", None),
            getattr(e2, "headers", None),
            getattr(e2, "quiet", None),
        )
    except Exception as ex:
        print("   pickle fails", type(ex).__name__, str(ex)[:100])
    try:
        e3 = copy.copy(e)
        print(
            "   copy",
            type(e3).__name__,
            str(e3),
            getattr(e3, "status_code", None),
            getattr(e3, "headers", None),
        )
    except Exception as ex:
        print("   copy fails", type(ex).__name__, str(ex)[:100])
