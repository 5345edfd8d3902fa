"""sanic-testing websocket checks for app_chat (the test client's `websocket()`)."""

import json

import app_chat


def make_app():
    return app_chat.app


def check_room(app):
    _, ws = app.test_client.websocket(
        "/ws/room1",
        mimic=_talk([json.dumps({"sender": "a", "text": "x"}), json.dumps({"text": "bye"})]),
    )
    return {"sent": ws.client_sent, "received": ws.client_received}


def check_proto(app):
    _, ws = app.test_client.websocket("/echo", subprotocols=["chat.v2"], mimic=_talk(["one"]))
    return {"received": ws.client_received}


def check_zz_fail(app):
    # last: under Sanic this call fails (a known sanic-testing race, see README) and its
    # test server keeps the port, so the calls after it would fail too
    _, ws = app.test_client.websocket("/fail", mimic=_listen())
    return {"received": ws.client_received}


def check_plain_get(app):
    _, response = app.test_client.get("/ws/room1")
    return {"status": response.status, "body": response.body.decode()[:80]}


def _talk(messages):
    async def mimic(ws):
        got = [await ws.recv()]
        for m in messages:
            await ws.send(m)
            got.append(await ws.recv())
        return got

    return mimic


def _listen():
    async def mimic(ws):
        got = []
        try:
            for _ in range(3):
                got.append(await ws.recv())
        except Exception as e:
            got.append(type(e).__name__)
        return got

    return mimic
