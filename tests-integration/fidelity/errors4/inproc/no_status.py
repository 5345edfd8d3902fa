from sanic import Sanic
from sanic.exceptions import *

app = Sanic("p10")
import json as J


class N(SanicException):
    status_code = None


class Z(SanicException):
    status_code = 0


class F(SanicException):
    status_code = False


class S(SanicException):
    status_code = "404"


class NF(NotFound):
    status_code = None


class Q(SanicException):
    status_code = None
    quiet = True


def inst_none():
    e = SanicException("inst")
    e.status_code = None
    return e


def inst_str():
    e = SanicException("inst")
    e.status_code = "503"
    return e


M = {
    "N": lambda: N("n"),
    "Z": lambda: Z("z"),
    "F": lambda: F("f"),
    "S": lambda: S("s"),
    "NF": lambda: NF("nf"),
    "Q": lambda: Q("q"),
    "inst_none": inst_none,
    "inst_str": inst_str,
}


@app.get("/<n>")
def h(r, n):
    raise M[n]()


for n in M:
    for d in (False, True):
        app.config.DEBUG = d
        _, r = app.test_client.get("/" + n, headers={"accept": "application/json"})
        try:
            b = J.loads(r.text)
            b.pop("path", None)
            b.pop("exceptions", None)
            b.pop("args", None)
        except Exception:
            b = r.text[:100]
        print(n, d, r.status, b)
