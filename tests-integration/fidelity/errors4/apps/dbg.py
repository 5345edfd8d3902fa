from sanic import Sanic
from sanic.exceptions import *

app = Sanic("dbg")
app.config.DEBUG = True


def inner():
    raise KeyError("inner")


@app.get("/chain")
def chain(r):
    try:
        inner()
    except KeyError as e:
        raise ValueError("outer") from e


@app.get("/ctx")
def ctx(r):
    try:
        inner()
    except KeyError:
        raise BadRequest("outer br", context={"a": 1}, extra={"b": [1, 2]})


@app.get("/suppress")
def sup(r):
    try:
        inner()
    except KeyError:
        raise ServerError("sup") from None


@app.get("/quiet")
def q(r):
    raise NotFound("q", extra={"x": 1})


@app.get("/noisy")
def n(r):
    raise NotFound("q", extra={"x": 1}, quiet=False)


@app.get("/eg")
def eg(r):
    raise ExceptionGroup("group", [ValueError("a"), KeyError("b")])
