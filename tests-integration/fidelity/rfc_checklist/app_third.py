"""App of the third RFC checklist round: websockets that report what the handler saw,
forms and cookies echoed as JSON, and Set-Cookie fields built from a named case."""

from datetime import datetime, timedelta, timezone

from sanic import Sanic
from sanic.response import json, text

app = Sanic("RfcChecklist3")
app.config.KEEP_ALIVE_TIMEOUT = 2
app.config.REQUEST_TIMEOUT = 3
app.config.WEBSOCKET_MAX_SIZE = 1024
SEEN: dict[str, list] = {}


def _msg(m):
    return [type(m).__name__, m if isinstance(m, str) else m.decode("latin-1")]


def _end(ws, events):
    proto = getattr(ws, "ws_proto", None)
    rcvd = getattr(proto, "close_rcvd", None)
    sent = getattr(proto, "close_sent", None)
    events.append(
        {
            "rcvd": rcvd and [rcvd.code, rcvd.reason],
            "sent": sent and [sent.code, sent.reason],
        }
    )


@app.websocket("/wsi/<tag>")
async def ws_iter(request, ws, tag):
    """Echo with `async for`; what ends the loop is recorded under `tag`."""
    events = SEEN.setdefault(tag, [])
    try:
        async for msg in ws:
            events.append(_msg(msg))
            await ws.send(msg)
        events.append("loop ended")
    except BaseException as e:
        events.append([type(e).__name__, str(e)])
        raise
    finally:
        _end(ws, events)


@app.websocket("/wsv/<tag>")
async def ws_recv(request, ws, tag):
    """Echo with `recv()` until it returns None or raises."""
    events = SEEN.setdefault(tag, [])
    try:
        for _ in range(50):
            msg = await ws.recv()
            if msg is None:
                events.append("recv None")
                break
            events.append(_msg(msg))
            await ws.send(msg)
    except BaseException as e:
        events.append([type(e).__name__, str(e)])
        raise
    finally:
        _end(ws, events)


@app.websocket("/wsc/<code:int>")
async def ws_closer(request, ws, code):
    """Close from the server side with `code` and a reason (what it raises: `/seen/close<code>`)."""
    events = SEEN.setdefault(f"close{code}", [])
    try:
        await ws.close(code, "bye")
        events.append("closed")
    except BaseException as e:
        events.append([type(e).__name__, str(e)])
        raise
    finally:
        _end(ws, events)


@app.websocket("/wsp", subprotocols=["chat", "superchat"])
async def ws_proto(request, ws):
    await ws.send(ws.subprotocol or "none")


@app.websocket("/wsend/<how>")
async def ws_end(request, ws, how):
    """The handler ends by returning, raising, or after the client's message."""
    if how == "raise":
        raise ValueError("boom")
    if how == "raise-after-recv":
        await ws.recv()
        raise ValueError("boom")
    if how == "send-after-close":
        await ws.close()
        await ws.send("late")


@app.get("/seen/<tag>")
async def seen(request, tag):
    return json(SEEN.get(tag))


@app.route("/form", methods=["POST", "PUT"])
async def form(request):
    try:
        f = {k: v for k, v in request.form.items()}
    except Exception as e:
        f = f"{type(e).__name__}: {e}"
    try:
        files = {
            k: [[x.name, x.type, x.body.decode("latin-1")] for x in v]
            for k, v in request.files.items()
        }
    except Exception as e:
        files = f"{type(e).__name__}: {e}"
    return json({"form": f, "files": files})


@app.get("/cookies")
async def cookies(request):
    c = request.cookies
    return json({"items": {k: c.getlist(k) for k in c}, "get_a": c.get("a")})


UTC = timezone.utc
CASES = {
    "plain": lambda r: r.add_cookie("a", "b"),
    "all": lambda r: r.add_cookie(
        "a",
        "b",
        path="/p",
        domain="example.com",
        secure=True,
        max_age=60,
        expires=datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC),
        httponly=True,
        samesite="Strict",
    ),
    "partitioned-host": lambda r: r.add_cookie("a", "b", partitioned=True, host_prefix=True),
    "httponly": lambda r: r.add_cookie("a", "b", httponly=True, secure=False, samesite=None),
    "expires-str": lambda r: r.add_cookie("a", "b", expires="Wed, 02 Jan 2030 03:04:05 GMT"),
    "expires-naive": lambda r: r.add_cookie("a", "b", expires=datetime(2030, 1, 2, 3, 4, 5)),
    "expires-aware+2": lambda r: r.add_cookie(
        "a", "b", expires=datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))
    ),
    "max-age-0": lambda r: r.add_cookie("a", "b", max_age=0),
    "max-age-neg": lambda r: r.add_cookie("a", "b", max_age=-5),
    "max-age-str": lambda r: r.add_cookie("a", "b", max_age="60"),
    "max-age-float": lambda r: r.add_cookie("a", "b", max_age=1.5),
    "samesite-lax": lambda r: r.add_cookie("a", "b", samesite="lax"),
    "samesite-none": lambda r: r.add_cookie("a", "b", samesite="None"),
    "samesite-none-insecure": lambda r: r.add_cookie("a", "b", samesite="None", secure=False),
    "samesite-bogus": lambda r: r.add_cookie("a", "b", samesite="bogus"),
    "samesite-absent": lambda r: r.add_cookie("a", "b", samesite=None),
    "partitioned-insecure": lambda r: r.add_cookie("a", "b", partitioned=True, secure=False),
    "partitioned": lambda r: r.add_cookie("a", "b", partitioned=True),
    "host-prefix": lambda r: r.add_cookie("a", "b", host_prefix=True),
    "host-prefix-domain": lambda r: r.add_cookie("a", "b", host_prefix=True, domain="x.com"),
    "host-prefix-path": lambda r: r.add_cookie("a", "b", host_prefix=True, path="/p"),
    "host-prefix-insecure": lambda r: r.add_cookie("a", "b", host_prefix=True, secure=False),
    "secure-prefix": lambda r: r.add_cookie("a", "b", secure_prefix=True),
    "secure-prefix-insecure": lambda r: r.add_cookie("a", "b", secure_prefix=True, secure=False),
    "both-prefixes": lambda r: r.add_cookie("a", "b", secure_prefix=True, host_prefix=True),
    "name-host-literal": lambda r: r.add_cookie("__Host-a", "b", domain="x.com"),
    "name-host-literal-insecure": lambda r: r.add_cookie("__Host-a", "b", secure=False),
    "name-secure-literal-insecure": lambda r: r.add_cookie("__Secure-a", "b", secure=False),
    "domain-dot": lambda r: r.add_cookie("a", "b", domain=".example.com"),
    "domain-empty": lambda r: r.add_cookie("a", "b", domain=""),
    "domain-space": lambda r: r.add_cookie("a", "b", domain="ex ample.com"),
    "path-relative": lambda r: r.add_cookie("a", "b", path="p"),
    "path-semicolon": lambda r: r.add_cookie("a", "b", path="/p;x"),
    "path-empty": lambda r: r.add_cookie("a", "b", path=""),
    "value-space": lambda r: r.add_cookie("a", "b c"),
    "value-quote": lambda r: r.add_cookie("a", 'b"c'),
    "value-comma": lambda r: r.add_cookie("a", "b,c"),
    "value-semicolon": lambda r: r.add_cookie("a", "b;c"),
    "value-backslash": lambda r: r.add_cookie("a", "b\\c"),
    "value-nonascii": lambda r: r.add_cookie("a", "é"),
    "value-empty": lambda r: r.add_cookie("a", ""),
    "value-ctl": lambda r: r.add_cookie("a", "b\x01c"),
    "value-crlf": lambda r: r.add_cookie("a", "b\r\nX-Injected: 1"),
    "name-space": lambda r: r.add_cookie("a b", "c"),
    "name-equals": lambda r: r.add_cookie("a=b", "c"),
    "name-empty": lambda r: r.add_cookie("", "c"),
    "name-dollar": lambda r: r.add_cookie("$a", "c"),
    "name-expires": lambda r: r.add_cookie("expires", "c"),
    "name-nonascii": lambda r: r.add_cookie("é", "c"),
    "comment": lambda r: r.add_cookie("a", "b", comment="hi"),
    "delete": lambda r: r.delete_cookie("a"),
    "delete-path": lambda r: r.delete_cookie("a", path="/p", domain="example.com"),
    "delete-host-prefix": lambda r: r.delete_cookie("a", host_prefix=True),
    "two-same": lambda r: (r.add_cookie("a", "1"), r.add_cookie("a", "2")),
    "two-paths": lambda r: (r.add_cookie("a", "1", path="/x"), r.add_cookie("a", "2", path="/y")),
    "dict-set": lambda r: r.cookies.__setitem__("a", "b"),
}


@app.get("/set/<case>")
async def set_cookie(request, case):
    r = text("ok")
    try:
        CASES[case](r)
    except Exception as e:
        return text(f"{type(e).__name__}: {e}", headers={"x-err": type(e).__name__})
    return r
