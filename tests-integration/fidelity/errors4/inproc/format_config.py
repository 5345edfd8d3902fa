import os

from sanic import Sanic, text
from sanic.exceptions import *
from sanic.handlers import ErrorHandler


def t(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "RAISES", type(e).__name__, str(e)[:150])


Sanic.test_mode = True
t("eh not ErrorHandler", lambda: type(Sanic("a1", error_handler=object()).error_handler).__name__)
t("eh class", lambda: type(Sanic("a2", error_handler=ErrorHandler).error_handler).__name__)
app = Sanic("a3")
t(
    "fmt bogus config set",
    lambda: (
        setattr(app.config, "FALLBACK_ERROR_FORMAT", "bogus") or app.config.FALLBACK_ERROR_FORMAT
    ),
)
t(
    "fmt update_config",
    lambda: app.update_config({"FALLBACK_ERROR_FORMAT": "xml"}) or app.config.FALLBACK_ERROR_FORMAT,
)
t(
    "fmt JSON upper",
    lambda: (
        setattr(app.config, "FALLBACK_ERROR_FORMAT", "JSON") or app.config.FALLBACK_ERROR_FORMAT
    ),
)
t(
    "fmt None",
    lambda: setattr(app.config, "FALLBACK_ERROR_FORMAT", None) or app.config.FALLBACK_ERROR_FORMAT,
)
os.environ["SANIC_FALLBACK_ERROR_FORMAT"] = "json"
app4 = Sanic("a4")
print("env fmt", app4.config.FALLBACK_ERROR_FORMAT)


@app4.get("/v")
def v(r):
    raise ValueError("x")


@app4.get("/t", error_format="text")
def tt(r):
    raise ValueError("x")


_, r = app4.test_client.get("/v")
print("v", r.status, r.content_type)
_, r = app4.test_client.get("/t")
print("t", r.status, r.content_type)
_, r = app4.test_client.get("/nope")
print("nope", r.status, r.content_type)
app5 = Sanic("a5")


@app5.get("/n", name="named")
def n(r):
    raise IndexError("i")


app5.error_handler.add(IndexError, lambda r, e: text("short name matched"), route_names=["named"])
_, r = app5.test_client.get("/n")
print("short name", r.status, r.text[:60])
print(
    app5.router.routes_all[("n",)].name
    if ("n",) in app5.router.routes_all
    else [x.name for x in app5.router.routes]
)
