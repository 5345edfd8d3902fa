"""What a websocket handler's request says of itself (sanic-diff, one text frame)."""

import json

from sanic import Sanic

app = Sanic("Request2Ws")


@app.websocket("/ws")
async def ws(request, ws):
    def safe(fn):
        try:
            return fn()
        except Exception as exc:  # the error type is the behaviour
            return f"<{type(exc).__name__}>"

    data = {
        k: safe(lambda k=k: getattr(request, k))
        for k in (
            "scheme",
            "url",
            "host",
            "server_name",
            "server_port",
            "path",
            "method",
            "is_safe",
            "body",
            "content_type",
            "query_string",
            "version",
            "uri_template",
            "name",
            "endpoint",
            "responded",
        )
    }
    data["body"] = repr(data["body"])
    data["args"] = safe(lambda: dict(request.args))
    data["id"] = safe(lambda: type(request.id).__name__)
    data["subprotocol"] = safe(lambda: ws.subprotocol)
    await ws.send(json.dumps(data, sort_keys=True))
    await ws.close()
