# Probe: run from a folder holding static/a.txt and static/big.bin (any bytes).
import asyncio
import os
import sys

from hurtle_http import HandlerApp, empty, file, file_stream, html, json, raw, redirect, serve, text

HERE = os.path.dirname(os.path.abspath(__file__))


class H:
    def __html__(self):
        return "<b>hi</b>"


async def handler(request):
    p = request.path
    if p == "/text":
        return text("t", status=201, headers={"x-a": "1"})
    if p == "/json":
        return json({"a": [1, 2]}, status=202)
    if p == "/html":
        return html(H())
    if p == "/raw":
        return raw(b"\x00\x01")
    if p == "/empty":
        return empty()
    if p == "/redirect":
        return redirect("/a b/ü?x=y z")
    if p == "/file":
        return await file(os.path.join(HERE, "static/a.txt"), filename="a.txt")
    if p == "/fstream":
        return await file_stream(os.path.join(HERE, "static/big.bin"))
    if p == "/stream":
        response = await request.respond(content_type="text/plain")
        await response.send("part 1, ")
        await response.send("part 2")
        await response.eof()
        return None
    if p == "/args":
        return json({"args": request.args, "qa": request.query_args})
    if p == "/form":
        return json(
            {
                "form": request.form,
                "files": {
                    k: [(f.name, f.type, f.body.decode()) for f in v]
                    for k, v in (request.files or {}).items()
                },
            }
        )
    if p == "/jsonbody":
        return json(request.json)
    if p == "/cookies":
        return json(request.cookies)
    if p == "/info":
        ci = request.conn_info
        return json(
            {
                "ip": request.ip,
                "id": str(request.id),
                "peer": str(ci.peername) if ci else None,
                "ssl": ci.ssl if ci else None,
                "server": ci.server if ci else None,
                "scheme": request.scheme,
            }
        )
    if p == "/raise":
        raise ValueError("boom")
    if p == "/none":
        return None
    if p == "/nonresp":
        return "a string"
    if p == "/dict":
        return {"a": 1}
    if p == "/slow":
        await asyncio.sleep(float(request.args.get("t", "1")))
        return text("slow done")
    return text("root")


if __name__ == "__main__":
    mode = sys.argv[1]
    kw = {}
    if mode == "stream":

        async def sh(request):
            if request.path == "/rb":
                await request.receive_body()
                return text(f"body={request.body!r}")
            chunks = []
            async for chunk in request.stream:
                chunks.append(chunk)
            return text(f"chunks={len(chunks)} total={sum(map(len, chunks))}")

        serve(HandlerApp(sh, stream=True), "127.0.0.1", int(sys.argv[2]))
    else:
        serve(
            handler,
            "127.0.0.1",
            int(sys.argv[2]),
            config={"GRACEFUL_SHUTDOWN_TIMEOUT": float(os.environ.get("GST", "15"))},
        )
