"""What a reader task would cost ASGI websockets (item 1 of leftovers15): n messages
received by ASGIWebsocket.recv() straight from the ASGI ``receive`` (today), against the
same messages taken from ``receive`` by a task that checks their size as they come and
hands them on through an asyncio.Queue (what closing with 1009 at once would need).

    .venv/bin/python tests-integration/fidelity/leftovers15/asgi_ws_reader_cost.py
"""

import asyncio
import time

from hurtle_app.models.asgi_websocket import ASGIWebsocket

N = 200_000


def source():
    message = {"type": "websocket.receive", "text": "x" * 64}

    async def receive():
        return message

    async def send(message):
        return None

    return receive, send


async def direct() -> float:
    receive, send = source()
    ws = ASGIWebsocket(send, receive, max_size=1 << 20)
    start = time.perf_counter()
    for _ in range(N):
        await ws.recv()
    return time.perf_counter() - start


async def through_a_reader() -> float:
    receive, send = source()
    queue: asyncio.Queue = asyncio.Queue(maxsize=16)

    async def reader():
        while True:
            message = await receive()
            text = message.get("text")
            if text is not None and len(text) > 1 << 20:
                break
            await queue.put(message)

    task = asyncio.create_task(reader())
    ws = ASGIWebsocket(send, queue.get, max_size=1 << 20)
    start = time.perf_counter()
    for _ in range(N):
        await ws.recv()
    elapsed = time.perf_counter() - start
    task.cancel()
    return elapsed


def main() -> None:
    for name, run in (("direct", direct), ("reader task + queue", through_a_reader)):
        best = min(asyncio.run(run()) for _ in range(3))
        print(f"{name:20} {best / N * 1e6:.2f} us per message")


main()
