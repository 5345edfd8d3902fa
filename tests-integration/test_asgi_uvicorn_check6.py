"""Under a real uvicorn, what the sixth ASGI check found apart from Hurtle's own server
(tests-integration/fidelity/README.md, "ASGI mode, sixth check")."""

from __future__ import annotations

import asyncio
from pathlib import Path

import websockets
from helpers import raw_request, running, uvicorn_app
from helpers import server_output as output
from websockets.exceptions import ConnectionClosed

HOST = "127.0.0.1"

APP = '''
from pathlib import Path

from sanic import Sanic
from sanic.response import HTTPResponse

app = Sanic("UvicornCheck6")


@app.route("/stream/<given>", methods=["GET", "HEAD"])
async def stream(request, given):
    response = await request.respond(headers={"content-length": given})
    await response.send("abcd")
    await response.eof()


@app.get("/both")
async def both(request):
    headers = {"content-length": "4", "transfer-encoding": "chunked"}
    response = await request.respond(headers=headers)
    await response.send("abcd")
    await response.eof()


@app.route("/whole/<given>", methods=["HEAD"])
async def whole(request, given):
    return HTTPResponse(headers={"content-length": given})


@app.websocket("/abnormal")
async def abnormal(request, ws):
    await ws.close(1006)
    Path("seen.txt").write_text(f"{ws.close_code} {ws.connection_closed}")
'''


def serve(tmp_path: Path) -> tuple[list[str], int]:
    return uvicorn_app(tmp_path, APP, HOST)


def test_a_streams_own_length_is_taken_as_when_served_under_uvicorn(tmp_path: Path) -> None:
    # As Hurtle's server: "+4" goes out as 4 (RFC 9110 8.6: 1*DIGIT; it went to uvicorn,
    # which wrote it as given); "x" and a first piece longer than the length are the 500
    # page (uvicorn took the head, then failed on it: the client got nothing); a negative
    # length for HEAD is refused. A bodiless HEAD answer's own "+4" is written 4 too.
    args, port = serve(tmp_path)

    def ask(method: str, path: str) -> bytes:
        request = f"{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        return raw_request(HOST, port, request.encode())

    with running(args, HOST, port, cwd=tmp_path) as proc:
        plus, plus_head = ask("GET", "/stream/+4"), ask("HEAD", "/stream/+4")
        word, short = ask("GET", "/stream/x"), ask("GET", "/stream/2")
        negative_head, whole_head = ask("HEAD", "/stream/-1"), ask("HEAD", "/whole/+4")
    log = output(proc)
    assert plus.startswith(b"HTTP/1.1 200 OK\r\n") and plus.endswith(b"\r\n\r\nabcd")
    for answer in (plus, plus_head, whole_head):
        assert b"\r\ncontent-length: 4\r\n" in answer
    assert word.startswith(b"HTTP/1.1 500 ")
    assert short.startswith(b"HTTP/1.1 500 ")
    assert short.endswith(b"Response was bigger than content-length\n\n")
    assert negative_head.startswith(b"HTTP/1.1 500 ")
    assert "ValueError: invalid literal for int() with base 10: 'x'" in log
    assert "Exception in ASGI application" not in log


def test_a_stream_with_its_length_is_not_also_chunked_under_uvicorn(tmp_path: Path) -> None:
    # A handler's Content-Length and Transfer-Encoding on a stream: the length only (RFC
    # 9112 6.2: a sender must not send both), as Hurtle's server sends it; both went out,
    # with a chunked body a client reading by the length takes in part as the next
    # response.
    args, port = serve(tmp_path)
    request = b"GET /both HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    with running(args, HOST, port, cwd=tmp_path):
        answer = raw_request(HOST, port, request)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n")
    assert b"\r\ncontent-length: 4" in head and b"transfer-encoding" not in head.lower()
    assert body == b"abcd"


def test_close_1006_ends_the_websocket_without_a_close_frame_under_uvicorn(tmp_path: Path) -> None:
    # As when Hurtle or Sanic serve the socket: close(1006) drops the connection (no close
    # frame may carry 1006, RFC 6455 7.4.1) and the handler goes on, the websocket closed.
    # Under uvicorn it raised the websocket library's ProtocolError.
    args, port = serve(tmp_path)

    async def talk() -> int | None:
        async with websockets.connect(f"ws://{HOST}:{port}/abnormal", open_timeout=5) as ws:
            try:
                await asyncio.wait_for(ws.recv(), 5)
            except ConnectionClosed:
                pass
        return ws.close_code

    with running(args, HOST, port, cwd=tmp_path) as proc:
        code = asyncio.run(talk())
    log = output(proc)
    assert code == 1006
    assert (tmp_path / "seen.txt").read_text() == "1006 True"
    assert "ProtocolError" not in log
