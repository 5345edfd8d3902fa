"""Request body streaming (stream=True routes) and response streaming, over both clients."""

import asyncio

from _probe import exc_line, new_app

from sanic import response
from sanic.views import HTTPMethodView
from sanic.views import stream as stream_decorator


def make(name):
    app = new_app(name)

    @app.post("/read", stream=True)
    async def read_all(request):
        chunks = []
        while True:
            chunk = await request.stream.read()
            if chunk is None:
                break
            chunks.append(chunk)
        return response.json(
            {
                "body_attr": request.body.decode(),
                "joined": b"".join(chunks).decode(),
                "n>0": len(chunks) > 0,
            }
        )

    @app.post("/iter", stream=True)
    async def iterate(request):
        got = b""
        async for chunk in request.stream:
            got += chunk
        return response.text(got.decode())

    @app.post("/receive_body", stream=True)
    async def receive_body(request):
        await request.receive_body()
        return response.text(f"after receive_body: {request.body.decode()}")

    @app.post("/not_stream")
    async def not_stream(request):
        return response.json({"stream_none": request.stream is None, "body": request.body.decode()})

    @app.post("/echo_stream", stream=True)
    async def echo_stream(request):
        resp = await request.respond(content_type="text/plain")
        async for chunk in request.stream:
            await resp.send(chunk.upper())
        await resp.eof()

    class StreamView(HTTPMethodView):
        @stream_decorator
        async def post(self, request):
            got = b""
            async for chunk in request.stream:
                got += chunk
            return response.text(f"view {got.decode()}")

        async def put(self, request):
            return response.text(f"put {request.body.decode()}")

    app.add_route(StreamView.as_view(), "/view")
    return app


BODY = b"x" * 10 + b"y" * 10
CASES = [
    ("/read", BODY),
    ("/iter", BODY),
    ("/receive_body", BODY),
    ("/not_stream", BODY),
    ("/echo_stream", b"abc"),
    ("/view", b"vv"),
    ("/read", b""),
]

asgi_app = make("streamasgi")


async def via_asgi(path, body):
    _, r = await asgi_app.asgi_client.post(path, content=body)
    return r.status, r.body.decode()


for path, body in CASES:
    try:
        print(f"asgi POST {path} {len(body)}: {asyncio.run(via_asgi(path, body))}")
    except BaseException as e:
        print(f"asgi POST {path}: {exc_line(e)}")
try:
    print(
        f"asgi PUT /view: {asyncio.run(asgi_app.asgi_client.put('/view', content=b'pp'))[1].text}"
    )
except BaseException as e:
    print(f"asgi PUT /view: {exc_line(e)}")

sock_app = make("streamsock")
for path, body in CASES:
    try:
        _, r = sock_app.test_client.post(path, content=body)
        print(f"socket POST {path} {len(body)}: {(r.status, r.body.decode())}")
    except BaseException as e:
        print(f"socket POST {path}: {exc_line(e)}")


def chunked():
    yield b"ab"
    yield b"cd"


try:
    _, r = sock_app.test_client.post("/iter", content=chunked())
    print(f"socket chunked /iter: {(r.status, r.body.decode())}")
except BaseException as e:
    print(f"socket chunked: {exc_line(e)}")
