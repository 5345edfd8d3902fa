from sanic import Sanic
from sanic.exceptions import *

app = Sanic("x1")


class NoSuper(SanicException):
    status_code = 409

    def __init__(self, data):
        self.data = data


class NoSuperNF(NotFound):
    def __init__(self, data):
        self.data = data


class NoSuperMsg(SanicException):
    message = "class msg"

    def __init__(self):
        pass


class Kw(SanicException):
    def __init__(self, *, user):
        super().__init__(f"user {user}", status_code=403, context={"user": user})


class WeirdStatus(SanicException):
    status_code = "404"


class NoneStatus(SanicException):
    status_code = None


class HdrList(SanicException):
    headers = [("x-a", "1"), ("x-b", "2")]


class CtxCls(SanicException):
    context = {"cls": "ctx"}
    extra = {"cls": "extra"}


class Quiet(ServerError):
    quiet = True


class MsgNone(SanicException):
    message = None


class StrOverride(SanicException):
    def __str__(self):
        return "custom str"


class ArgsTwo(SanicException):
    pass


M = {
    "nosuper": lambda: NoSuper({"a": 1}),
    "nosupernf": lambda: NoSuperNF("d"),
    "nosupermsg": lambda: NoSuperMsg(),
    "kw": lambda: Kw(user="bob"),
    "weird": lambda: WeirdStatus("w"),
    "nonestatus": lambda: NoneStatus("n"),
    "hdrlist": lambda: HdrList("h"),
    "ctxcls": lambda: CtxCls("c"),
    "ctxinst": lambda: CtxCls("c", context={"i": 1}),
    "quiet": lambda: Quiet("q"),
    "msgnone": lambda: MsgNone(),
    "stro": lambda: StrOverride("s"),
    "args2": lambda: ArgsTwo("a", 404, 1) if False else SanicException("a", 404),
    "statusstr": lambda: SanicException("s", status_code="418"),
    "statusfloat": lambda: SanicException("s", status_code=404.0),
    "status99": lambda: SanicException("s", status_code=99),
    "status1000": lambda: SanicException("s", status_code=1000),
    "status204": lambda: SanicException("s", status_code=204),
    "status304": lambda: SanicException("s", status_code=304),
    "status101": lambda: SanicException("s", status_code=101),
    "msgint": lambda: SanicException(123),
    "msgdict": lambda: SanicException({"a": 1}),
    "hdrbytes": lambda: SanicException("h", headers={"x-b": b"bytes"}),
    "hdrint": lambda: SanicException("h", headers={"x-i": 5}),
    "hdrnl": lambda: SanicException("h", headers={"x-n": "a\r\nb"}),
    "unauth_noscheme": lambda: Unauthorized("u", realm="r"),
    "unauth_digest": lambda: Unauthorized(
        "u",
        scheme="Digest",
        realm="r",
        qop="auth, auth-int",
        algorithm="MD5",
        opaque="zyx",
        nonce="abc",
    ),
    "unauth_hdr": lambda: Unauthorized("u", scheme="Basic", headers={"WWW-Authenticate": "Other"}),
    "range": lambda: RangeNotSatisfiable("r", content_range=type("R", (), {"total": 100})()),
    "mna": lambda: MethodNotAllowed("m", "PUT", ["GET", "POST"]),
    "mna_kw": lambda: MethodNotAllowed("m", method="PUT", allowed_methods=("GET",)),
    "fnf": lambda: FileNotFound("f", path="/etc/x", relative_url="x"),
    "pyfile": lambda: PyFileError("file.py"),
    "loadfile": lambda: LoadFileException("lf"),
    "urlbuild": lambda: URLBuildError("ub"),
    "wsclosed": lambda: WebsocketClosed("wc"),
    "invalidsig": lambda: InvalidSignal("is"),
    "killed": lambda: ServerKilled("k"),
    "cancelled": lambda: RequestCancelled("rc"),
    "hdrexp": lambda: HeaderExpectationFailed("he"),
    "hnf": lambda: HeaderNotFound("hnf"),
    "invhdr": lambda: InvalidHeader("ih"),
    "badurl": lambda: BadURL("bu"),
    "invrange": lambda: InvalidRangeType("ir"),
    "timeout": lambda: RequestTimeout("rt"),
    "svc": lambda: ServiceUnavailable("su", headers={"Retry-After": "5"}),
}


@app.get("/e/<name>")
def e(r, name):
    raise M[name]()
