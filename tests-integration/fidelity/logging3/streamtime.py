"""When the access line of a streamed response is written (its duration tells)."""
import asyncio
import sys

from sanic import Sanic, response

app = Sanic("ST")


@app.get("/cl")
async def cl(request):
    r = await request.respond(headers={"content-length": "2000"}, content_type="text/plain")
    for _ in range(2):
        await asyncio.sleep(0.5)
        await r.send("x" * 1000)
    await r.eof()


@app.get("/ch")
async def ch(request):
    r = await request.respond(content_type="text/plain")
    await asyncio.sleep(0.5)
    await r.send("x" * 1000)
    await r.eof()


@app.get("/late")
async def late(request):
    r = await request.respond(content_type="text/plain")
    await asyncio.sleep(0.5)
    await r.send("x" * 1000, end_stream=True)


@app.get("/fs")
async def fs(request):
    return await response.file_stream(__file__, chunk_size=100)


if __name__ == "__main__":
    app.run(port=int(sys.argv[1]), single_process=True, access_log=True, motd=False)
