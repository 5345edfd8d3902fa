"""App for the eighth RFC round (``probes.http``, ``ws_checks.py``): what the request
reads of trailer fields, Max-Forwards and Via; OPTIONS answers; Set-Cookie on every kind
of response (stream, file, redirect, 304, error page, HEAD); the fields of the websocket
101; the sizes of the frames the server writes (length encoding, control frames); the
challenge ``Unauthorized`` writes; byte ranges whose range-set has empty elements."""

import os
import sys
from pathlib import Path

from sanic import Sanic
from sanic.exceptions import SanicException, Unauthorized
from sanic.handlers import ContentRangeHandler
from sanic.response import empty, file, json, redirect, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "rfc_checklist"))
from app_cond import A_TXT, FILES

app = Sanic("RfcRound8")
app.config.KEEP_ALIVE_TIMEOUT = 2
app.static("/s", FILES, use_content_range=True)


@app.route("/echo", methods=["GET", "POST", "PUT", "OPTIONS", "DELETE"])
async def echo(request):
    return json(
        {
            "method": request.method,
            "body": request.body.decode("latin-1"),
            "headers": sorted([k.lower(), v] for k, v in request.headers.items()),
        }
    )


@app.route("/opt", methods=["GET", "OPTIONS"])
async def opt(request):
    if request.method == "OPTIONS":
        return empty(status=200, headers={"Allow": "GET, OPTIONS"})
    return text("got")


@app.route("/opt204", methods=["GET", "OPTIONS"])
async def opt204(request):
    return empty(headers={"Allow": "GET, OPTIONS"})


def _cookies(response):
    response.add_cookie("a", "1")
    response.add_cookie("b", "2", secure=False, samesite=None)
    return response


@app.route("/ck/text", methods=["GET", "HEAD"])
async def ck_text(request):
    return _cookies(text("ok"))


@app.route("/ck/added")
async def ck_added(request):
    response = text("ok")
    response.headers.add("Set-Cookie", "x=9")
    return _cookies(response)


@app.route("/ck/stream")
async def ck_stream(request):
    response = await request.respond(content_type="text/plain")
    await response.send("part")
    await response.eof()


@app.on_response
async def cookies_on_streams(request, response):
    if request.path in ("/ck/stream", "/ck/error"):
        _cookies(response)


@app.route("/ck/file", methods=["GET", "HEAD"])
async def ck_file(request):
    return _cookies(await file(A_TXT, request_headers=request.headers))


@app.route("/ck/redirect")
async def ck_redirect(request):
    return _cookies(redirect("/echo"))


@app.route("/ck/304")
async def ck_304(request):
    return _cookies(empty(status=304))


@app.route("/ck/error")
async def ck_error(request):
    raise SanicException("nope", status_code=403)


@app.route("/ck/raised")
async def ck_raised(request):
    raise SanicException("nope", status_code=401, headers={"Set-Cookie": "c=3"})


@app.websocket("/ws")
async def ws(request, ws):
    async for msg in ws:
        if msg.startswith("size "):
            await ws.send("x" * int(msg[5:]))
        elif msg.startswith("bytes "):
            await ws.send(b"y" * int(msg[6:]))
        elif msg.startswith("ping "):
            try:
                await ws.ping(b"p" * int(msg[5:]))
                await ws.send("pinged")
            except Exception as exc:
                await ws.send(f"ping refused: {type(exc).__name__}")
        elif msg == "url":
            await ws.send(f"{request.scheme} {request.url}")
        elif msg.startswith("close "):
            try:
                await ws.close(1000, "r" * int(msg[6:]))
            except Exception as exc:
                await ws.send(f"close refused: {type(exc).__name__}")
        else:
            await ws.send(msg)


@app.post("/stream", stream=True)
async def stream(request):
    body = b""
    while True:
        part = await request.stream.read()
        if part is None:
            break
        body += part
    return json(
        {
            "body": body.decode("latin-1"),
            "headers": sorted([k.lower(), v] for k, v in request.headers.items()),
        }
    )


@app.route("/optstream", methods=["OPTIONS"])
async def optstream(request):
    response = await request.respond(headers={"Allow": "OPTIONS"})
    await response.eof()


@app.route("/optnone", methods=["OPTIONS"])
async def optnone(request):
    return text("", headers={"Allow": "OPTIONS"})


CHALLENGES = {
    "plain": {"realm": "r"},
    "quote": {"realm": 'a"b'},
    "backslash": {"realm": "a\\b"},
    "bearer": {"error": "invalid_token", "error_description": 'bad "sig"'},
}


@app.route("/auth/<case>")
async def auth(request, case):
    scheme = "Bearer" if case == "bearer" else "Basic"
    raise Unauthorized("no", scheme=scheme, **CHALLENGES[case])


@app.route("/frange")
async def frange(request):
    # (every probe of this route sends a Range: the handler refuses a request without one)
    return await file(A_TXT, _range=ContentRangeHandler(request, os.stat(A_TXT)))
