"""Websocket handler attributes that handlers of the websockets-legacy era read."""

CASES: dict[str, str] = {}

CASES["ws_legacy_attrs"] = '''
from sanic import Sanic
app = Sanic("A")
@app.websocket("/ws")
async def ws(request, ws):
    out = []
    for name in ["open", "closed", "close_code", "close_reason", "subprotocol", "remote_address",
                 "local_address", "request_headers", "response_headers", "path", "state",
                 "connection", "io_proto", "ws_proto", "transport", "loop", "latency",
                 "max_size", "ping_interval", "ping_timeout", "close_timeout", "extensions",
                 "port", "host", "secure", "legacy_recv", "messages", "connection_lost_waiter",
                 "recv_lock", "process_request", "handler", "ws_server", "debug"]:
        try:
            v = getattr(ws, name)
            v = v if isinstance(v, (bool, int, str, type(None), float)) else type(v).__name__
            out.append(f"{name}={v!r}")
        except Exception as e:
            out.append(f"{name}!{type(e).__name__}")
    await ws.send("\\n".join(out))
async def mimic(w):
    print(await w.recv())
app.test_client.websocket("/ws", mimic=mimic)
'''

CASES["ws_legacy_methods"] = '''
from sanic import Sanic
app = Sanic("A")
@app.websocket("/ws")
async def ws(request, ws):
    out = []
    for name in ["wait_closed", "ensure_open", "fail_connection", "read_message", "write_frame",
                 "close_connection", "keepalive_ping", "recv_burst", "recv_streaming",
                 "wait_for_connection_lost", "send", "recv", "ping", "pong", "close",
                 "receive", "__aiter__", "__anext__"]:
        out.append(f"{name}={hasattr(ws, name)}")
    await ws.send(" ".join(out))
    async for m in ws:
        await ws.send("echo " + m)
        break
async def mimic(w):
    print(await w.recv())
    await w.send("x")
    print(await w.recv())
app.test_client.websocket("/ws", mimic=mimic)
'''
