import sys

from capture import recs

from sanic import Sanic, text
from sanic.exceptions import *

app = Sanic("p9")
seen = []


@app.report_exception
async def rep(app, exc):
    seen.append(("report", type(exc).__name__, str(exc)[:50]))


@app.signal("websocket.handler.exception")
async def wse(request, websocket, exception):
    seen.append(("ws.exc", type(exception).__name__))


@app.signal("http.lifecycle.exception")
async def hle(request, exception):
    seen.append(("lifecycle.exc", type(exception).__name__))


class A(Exception):
    pass


@app.exception(A)
def ah(r, e):
    seen.append(("handler", type(e).__name__))
    return text("A handled")


@app.exception(NotFound)
def nfh(r, e):
    seen.append(("nfhandler", type(e).__name__))
    return text("nf handled", status=404)


@app.websocket("/ws")
async def ws(r, w):
    m = r.args.get("m")
    if m == "recv":
        await w.recv()
    if m == "send":
        await w.send("hi")
    if m == "nf":
        raise NotFound("ws nf")
    raise A("ws a")


@app.on_request
def mw(r):
    if r.args.get("mw"):
        raise A("mw")


async def main(p):
    pass


for p in sys.argv[1:]:
    seen.clear()
    recs.clear()
    try:
        import socket

        so = socket.socket()
        so.bind(("127.0.0.1", 0))
        port = so.getsockname()[1]
        so.close()
        from sanic_testing.testing import SanicTestClient

        _, r = SanicTestClient(app, port=port).websocket(p)
        st = (
            getattr(r, "status", None),
            getattr(r, "ws_close", None)
            or [type(x).__name__ for x in getattr(r, "client_received", [])],
        )
    except Exception as ex:
        st = ("EXC", type(ex).__name__, str(ex)[:120])
    print("==", p, st)
    for x in recs:
        print("   log", x)
    for s in seen:
        print("   seen", s)
