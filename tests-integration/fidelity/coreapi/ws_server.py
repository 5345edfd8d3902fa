from hurtle_http import serve, text


async def handler(request):
    proto = request.transport.get_protocol()
    if request.path == "/ws":
        ws = await proto.websocket_handshake(request, subprotocols=["chat"])
        msg = await ws.recv()
        await ws.send(f"got {msg} sub={ws.subprotocol}")
        await ws.ping()
        await ws.close(4000, "bye")
        return None
    if request.path == "/wsraise":
        ws = await proto.websocket_handshake(request)
        raise RuntimeError("oops in ws")
    if request.path == "/wsret":
        ws = await proto.websocket_handshake(request)
        await ws.send("x")
        return text("after ws")
    return text("root")


serve(handler, "127.0.0.1", 8150)
