"""Under a real uvicorn, what the second ASGI audit found apart from Sanic's own server
(tests-integration/fidelity/README.md, "ASGI mode, second audit")."""

from __future__ import annotations

import asyncio
import textwrap
from pathlib import Path

import websockets
from helpers import free_port, raw_request, running
from helpers import server_output as output
from websockets.exceptions import ConnectionClosed, InvalidStatus

HOST = "127.0.0.1"

APP = '''
from sanic import Sanic
from sanic.response import HTTPResponse, text

app = Sanic("UvicornAudit2")
app.config.WEBSOCKET_MAX_SIZE = 100

@app.websocket("/echo")
async def echo(request, ws):
    async for message in ws:
        await ws.send(message)

@app.get("/length/<given>")
async def length(request, given):
    return text("xyz", headers={"Content-Length": given})

@app.get("/stream_short")
async def stream_short(request):
    response = await request.respond(headers={"content-length": "10"}, content_type="text/plain")
    await response.send("abc")

@app.websocket("/close/<code:int>")
async def close_with(request, ws, code):
    try:
        await ws.close(code, "r" * int(request.args.get("n", "3")))
    except Exception as error:
        await ws.send(f"{type(error).__name__}: {error}")

@app.get("/split")
async def split(request):
    return text("x", headers={"x-a": "a\\r\\nx-b: b"})

@app.get("/split_stream")
async def split_stream(request):
    response = await request.respond(headers={"x-a": "a\\nb"})
    await response.send("abc")

@app.get("/bad_name")
async def bad_name(request):
    return text("x", headers={"x a": "1"})

@app.route("/head_length", methods=["GET", "HEAD"])
async def head_length(request):
    if request.method == "HEAD":
        return HTTPResponse(headers={"content-length": "1234"})
    return text("x" * 1234)

@app.websocket("/proto", subprotocols=["chat", "superchat"])
async def proto(request, ws):
    await ws.send(str(ws.subprotocol))
'''


def test_websocket_subprotocols_and_closes_under_uvicorn(tmp_path: Path) -> None:
    # A route with subprotocols refuses a client offering none of them with a 400 page
    # giving the reason, as when Hurtle or Sanic serve the socket; it was accepted.
    (tmp_path / "uvapp.py").write_text(textwrap.dedent(APP))
    port = free_port(HOST)
    args = ["-m", "uvicorn", "uvapp:app", "--host", HOST, "--port", str(port), "--lifespan", "on"]
    url = f"ws://{HOST}:{port}/proto"

    async def refusal(**options: object) -> tuple[int, str]:
        try:
            async with websockets.connect(url, open_timeout=5, **options) as ws:
                return 101, str(await ws.recv())
        except InvalidStatus as refused:
            return refused.response.status_code, refused.response.body.decode()

    async def talk() -> dict[str, tuple[int, str]]:
        return {
            "none": await refusal(),
            "other": await refusal(subprotocols=["other"]),
            "chosen": await refusal(subprotocols=["superchat", "chat"]),
        }

    async def closing(path: str) -> tuple[list[str], int | None, str | None]:
        got = []
        async with websockets.connect(f"ws://{HOST}:{port}{path}", open_timeout=5) as ws:
            try:
                while True:
                    got.append(str(await asyncio.wait_for(ws.recv(), 5)))
            except ConnectionClosed:
                pass
        return got, ws.close_code, ws.close_reason

    async def sizes() -> list[object]:
        seen: list[object] = []
        async with websockets.connect(f"ws://{HOST}:{port}/echo", open_timeout=5) as ws:
            await ws.send("a" * 100)
            seen.append(len(await ws.recv()))
            await ws.send("é" * 60)  # 60 characters, 120 bytes
            try:
                await asyncio.wait_for(ws.recv(), 5)
            except ConnectionClosed:
                pass
            seen.append((ws.close_code, ws.close_reason))
        return seen

    async def closes() -> list[tuple[list[str], int | None, str | None]]:
        return [await closing(p) for p in ("/close/999", "/close/1005", "/close/1000?n=200", "/close/4999")]

    with running(args, HOST, port, cwd=tmp_path) as proc:
        seen = asyncio.run(talk())
        closed = asyncio.run(closes())
        sized = asyncio.run(sizes())
    output(proc)
    # WEBSOCKET_MAX_SIZE counts bytes, as on the socket (it counted the characters of a
    # text message: 120 bytes of "é" went through a 100-byte limit).
    assert sized == [100, (1009, "frame with 120 bytes exceeds limit of 100 bytes")]
    # An invalid close code or a reason over 123 bytes: the handler's close() raises the
    # websocket library's ProtocolError and the connection stays open, as when Hurtle or
    # Sanic serve the socket; uvicorn failed such a close (1006) and the handler never knew.
    assert closed == [
        (["ProtocolError: invalid status code"], 1000, ""),
        (["ProtocolError: invalid status code"], 1000, ""),
        (["ProtocolError: control frame too long"], 1000, ""),
        ([], 4999, "rrr"),
    ]
    assert seen["chosen"] == (101, "chat")
    assert seen["none"][0] == 400
    assert "Failed to open a WebSocket connection: missing subprotocol." in seen["none"][1]
    assert seen["other"][0] == 400
    assert (
        "Failed to open a WebSocket connection: invalid subprotocol; expected one of chat, "
        "superchat." in seen["other"][1]
    )


def test_a_whole_body_is_sent_with_its_own_length_under_uvicorn(tmp_path: Path) -> None:
    # A handler's Content-Length that does not match its whole body: the body's length is
    # sent, as when Hurtle or Sanic serve the socket. It went to uvicorn as given, which
    # then cut the response ("Response content longer/shorter than Content-Length": the
    # client got a head and no body, or waited for bytes that never came).
    (tmp_path / "uvapp.py").write_text(textwrap.dedent(APP))
    port = free_port(HOST)
    args = ["-m", "uvicorn", "uvapp:app", "--host", HOST, "--port", str(port), "--lifespan", "on"]

    def get(method: str, path: str) -> bytes:
        request = f"{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        return raw_request(HOST, port, request.encode())

    with running(args, HOST, port, cwd=tmp_path) as proc:
        longer, shorter = get("GET", "/length/2"), get("GET", "/length/10")
        head = get("HEAD", "/head_length")
    log = output(proc)
    for answer in (longer, shorter):
        assert answer.startswith(b"HTTP/1.1 200 OK\r\n")
        assert b"\r\ncontent-length: 3\r\n" in answer
        assert answer.endswith(b"\r\n\r\nxyz")
    # A HEAD answer without a body keeps the length a GET would send (RFC 9110 9.3.2).
    assert b"\r\ncontent-length: 1234\r\n" in head
    assert "Content-Length" not in log and "Exception in ASGI application" not in log


def test_a_stream_shorter_than_its_length_is_reported_once_under_uvicorn(tmp_path: Path) -> None:
    # A streamed response ending before the Content-Length it stated: uvicorn refuses the
    # end; the app logs the error (and that no error page can follow), as Sanic's ASGI
    # mode does. Hurtle then handed the server the end again, and the refusal escaped the
    # app as uvicorn's "Exception in ASGI application" traceback.
    (tmp_path / "uvapp.py").write_text(textwrap.dedent(APP))
    port = free_port(HOST)
    args = ["-m", "uvicorn", "uvapp:app", "--host", HOST, "--port", str(port), "--lifespan", "on"]
    request = b"GET /stream_short HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    with running(args, HOST, port, cwd=tmp_path) as proc:
        answer = raw_request(HOST, port, request)
    log = output(proc)
    assert answer.startswith(b"HTTP/1.1 200 OK\r\n") and answer.endswith(b"\r\n\r\nabc")
    assert "ERROR: Response content shorter than Content-Length" in log
    assert "A previous response has at least partially been sent." in log
    assert "Exception in ASGI application" not in log


def test_a_head_that_cannot_go_out_is_an_error_page_or_a_logged_error_under_uvicorn(
    tmp_path: Path,
) -> None:
    # CR or LF in a response field (response splitting, RFC 9110 5.5): the 500 page naming
    # it, as Hurtle's server answers. Under uvicorn the head was refused, the refusal was
    # swallowed: the client got nothing and nothing was logged. A field name uvicorn
    # refuses ("x a"): nothing can follow its refusal there, but the error is logged now.
    (tmp_path / "uvapp.py").write_text(textwrap.dedent(APP))
    port = free_port(HOST)
    args = ["-m", "uvicorn", "uvapp:app", "--host", HOST, "--port", str(port), "--lifespan", "on"]

    def get(path: str) -> bytes:
        request = f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        return raw_request(HOST, port, request.encode())

    with running(args, HOST, port, cwd=tmp_path) as proc:
        split, split_stream, bad_name = get("/split"), get("/split_stream"), get("/bad_name")
    log = output(proc)
    for answer in (split, split_stream):
        assert answer.startswith(b"HTTP/1.1 500 Internal Server Error\r\n")
        assert b"x-b" not in answer and b"x-a" not in answer
        assert answer.endswith(b"Response header field contains CR or LF\n\n")
    assert bad_name == b""
    assert "Exception occurred while handling uri: 'http://x/split'" in log
    assert "Exception occurred while handling uri: 'http://x/bad_name'" in log
    assert "RuntimeError: Invalid HTTP header name." in log
