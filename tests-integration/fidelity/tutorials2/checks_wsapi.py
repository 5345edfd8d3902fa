"""The websocket idioms of app_wsapi over sanic-testing's test_client.websocket."""

import app_wsapi

# Each check in its own process: sanic-testing fails any call made after a websocket call.
ISOLATE = True


def make_app():
    return app_wsapi.app


def _mimic(sends, reads):
    # Reads past the handler's last message, so the server's close ends the mimic with
    # ConnectionClosedOK, which sanic-testing swallows: a mimic that returns first meets
    # sanic-testing's race (its closing send("") fails; see the README).
    async def mimic(ws):
        for s in sends:
            await ws.send(s)
        for _ in range(reads + 3):
            await ws.recv()

    return mimic


def _run(app, path, sends=(), reads=1, **kw):
    try:
        _, ws = app.test_client.websocket(path, mimic=_mimic(sends, reads), **kw)
    except Exception as e:
        return {"raised": type(e).__name__, "message": str(e)[:160]}
    return {"received": [repr(x) for x in ws.client_received], "sent": ws.client_sent}


def check_feed(app):
    return _run(app, "/feed", ["abc", b"xyz", "stop"], reads=3)


def check_auth_ok(app):
    return _run(app, "/auth?token=ok&user=ann")


def check_both(app):
    return _run(app, "/both", ["ping"], reads=4)


def check_types(app):
    return _run(app, "/types", reads=4)


def check_blueprint_room(app):
    return _run(app, "/live/room/blue")


def check_timeout(app):
    return _run(app, "/timeout", reads=1)


def check_zz_auth_bad(app):
    return _run(app, "/auth?token=no", reads=1)


def check_zz_reject(app):
    return _run(app, "/reject", reads=1)


def check_plain_get_on_bp_ws(app):
    _, r = app.test_client.get("/live/room/x")
    return r.status


def check_close_1001(app):
    return _run(app, "/close/1001")


def check_close_1011(app):
    return _run(app, "/close/1011")


def check_mimic_assertion_fails(app):
    async def mimic(ws):
        got = await ws.recv()
        assert got == "something else", f"got {got!r}"

    try:
        _, ws = app.test_client.websocket("/auth?token=ok", mimic=mimic)
    except Exception as e:
        return {"raised": type(e).__name__, "message": str(e)[:200]}
    return {"received": ws.client_received}
