from sanic import Request
from sanic.response import ResponseStream


async def sse(request: Request) -> None:
    response = await request.respond(content_type="text/event-stream", headers={"cache-control": "no-cache"})
    await response.send("data: 1\n\n")
    await response.eof()
async def producer(response: ResponseStream) -> None:
    await response.write("x")
async def h(request: Request) -> ResponseStream:
    return ResponseStream(producer, content_type="text/csv")
