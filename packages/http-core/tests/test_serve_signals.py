"""``serve()`` in its own process, stopped by SIGINT or SIGTERM as a user stops it (Ctrl-C,
``kill``): a request in flight finishes within ``GRACEFUL_SHUTDOWN_TIMEOUT``, one that
outlasts it is cut, and the process then exits on its own."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import textwrap

import pytest

from hurtle_http.testing import parse_responses

SERVER = textwrap.dedent(
    """
    import asyncio, sys
    from hurtle_http import serve, text

    async def handler(request):
        print("handling", flush=True)
        await asyncio.sleep(float(request.args.get("sleep", "0")))
        return text("done")

    serve(handler, "127.0.0.1", 0, config={"GRACEFUL_SHUTDOWN_TIMEOUT": float(sys.argv[1])},
          ready=lambda handle: print(handle.port, flush=True))
    print("returned", flush=True)
    """
)


def _start(grace: float) -> tuple[subprocess.Popen, int]:
    process = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(grace)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    return process, int(process.stdout.readline())


def _in_flight(port: int, sleep: float, process: subprocess.Popen) -> socket.socket:
    client = socket.create_connection(("127.0.0.1", port), timeout=15)
    client.sendall(f"GET /?sleep={sleep} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert process.stdout is not None
    assert process.stdout.readline() == "handling\n"
    return client


def _read_all(client: socket.socket) -> bytes:
    data = b""
    while chunk := client.recv(4096):
        data += chunk
    return data


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_request_in_flight_finishes_then_the_process_exits(signum: int) -> None:
    process, port = _start(grace=20)
    try:
        with _in_flight(port, 0.5, process) as client:
            process.send_signal(signum)
            [response] = parse_responses(_read_all(client))
        assert (response.status, response.body) == (200, b"done")
        assert response.header("connection") == "close"
        assert process.wait(15) == 0
        assert process.stdout is not None
        assert process.stdout.read() == "returned\n"
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", port), timeout=5).close()
    finally:
        process.kill()
        process.wait(5)


def test_a_request_that_outlasts_the_grace_is_cut() -> None:
    process, port = _start(grace=0.3)
    try:
        with _in_flight(port, 60, process) as client:
            process.send_signal(signal.SIGTERM)
            assert _read_all(client) == b""  # closed without an answer
        assert process.wait(15) == 0
    finally:
        process.kill()
        process.wait(5)
