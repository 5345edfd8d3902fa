# Probe: run from a folder holding static/a.txt and static/big.bin (any bytes).
import os
import sys

from hurtle_http import HandlerApp, file, serve, text

STATIC_A = os.path.abspath("static/a.txt")

def sync_handler(request):
    return text("sync ok")


async def handler(request):
    p = request.path
    if p == "/noawait":
        return file(STATIC_A)  # missing: await
    if p == "/missingfile":
        return await file("/nonexistent/x")
    if p == "/twice":
        r = await request.respond()
        await r.send("a")
        await r.eof()
        await request.respond()
    if p == "/sendafter":
        r = await request.respond()
        await r.eof()
        await r.send("x")
    if p == "/formstream":
        return text(repr(request.form))
    return text("root")



if sys.argv[1] == "sync":
    serve(sync_handler, "127.0.0.1", 8160)
elif sys.argv[1] == "stream":
    serve(HandlerApp(handler, stream=True), "127.0.0.1", 8161)
else:
    serve(handler, "127.0.0.1", 8162)
