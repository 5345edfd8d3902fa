"""App for the seventh RFC round (``probes.http``): preconditions on missing files and
non-2xx answers, the fields a 206 and a 304 carry, HTTP-date forms, cache fields written
by ``file()``, the 101/426/400 of websocket handshakes, PUT with Content-Range,
multipart part heads and cookies."""

import os
import sys
from pathlib import Path

from sanic import Sanic
from sanic.response import empty, file, json, redirect, text

# The 11-byte file of the second round, modified Wed, 01 Jan 2020 00:00:00 GMT.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "rfc_checklist"))
from app_cond import A_TXT, FILES, _range

app = Sanic("RfcRound7")
app.config.KEEP_ALIVE_TIMEOUT = 2
app.static("/s", FILES, use_content_range=True)
app.static("/one", A_TXT, name="one")
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"]
FIELDS = {"ETag": '"v1"', "Vary": "Accept-Encoding", "Content-Location": "/fields"}


@app.route("/fields", methods=METHODS)
async def fields(request):
    return await file(A_TXT, request_headers=request.headers, headers=dict(FIELDS), max_age=60)


@app.route("/frange", methods=["GET", "HEAD"])
async def frange(request):
    return await file(A_TXT, headers=dict(FIELDS), max_age=60, _range=_range(request))


@app.route("/nostore")
async def nostore(request):
    return await file(A_TXT, no_store=True)


@app.route("/missing")
async def missing(request):
    return await file(os.path.join(FILES, "nope.txt"), request_headers=request.headers)


@app.route("/put", methods=["PUT"])
async def put(request):
    return text(f"stored {len(request.body)}", status=201, headers={"Location": "/put/1"})


@app.route("/created", methods=["POST"])
async def created(request):
    return json({"id": 1}, status=201, headers={"Location": "/created/1"})


@app.route("/r/<status:int>")
async def redir(request, status):
    return redirect("/target", status=status)


@app.route("/form", methods=["POST"])
async def form(request):
    return json(
        {
            "form": {k: v for k, v in request.form.items()},
            "files": {
                k: [[f.name, f.type, f.body.decode("latin-1")] for f in v]
                for k, v in request.files.items()
            },
        }
    )


@app.route("/cookie/<case>")
async def cookie(request, case):
    resp = text("c")
    if case == "two":
        resp.add_cookie("a", "1")
        resp.add_cookie("b", "2")
    elif case == "maxage":
        resp.add_cookie("a", "1", max_age=60)
    elif case == "delete":
        resp.delete_cookie("a")
    elif case == "nosecure":
        resp.add_cookie("a", "1", secure=False, samesite=None)
    return resp


@app.route("/s304", methods=["GET", "HEAD"])
async def s304(request):
    return empty(status=304, headers={"ETag": '"v1"'})


@app.websocket("/ws")
async def ws(request, ws):
    await ws.send("hi")
    await ws.close()


@app.route("/notfound", methods=["GET", "HEAD"])
async def notfound(request):
    # A custom 404 page read from a file, the request's preconditions passed along.
    return await file(A_TXT, status=404, request_headers=request.headers)


@app.get("/advertise")
async def advertise(request):
    # RFC 9110 7.8: Upgrade MAY advertise a protocol in any response; the sender MUST
    # name it in Connection too.
    return text("x", headers={"Upgrade": "foo/2", "Connection": "Upgrade"})


@app.get("/closes")
async def closes(request):
    return text("x", headers={"Connection": "upgrade, close", "Upgrade": "foo/2"})


@app.get("/age/<value>")
async def age(request, value):
    return await file(A_TXT, max_age=float(value) if "." in value else int(value))
