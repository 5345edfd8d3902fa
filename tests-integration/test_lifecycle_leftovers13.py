"""Small lifecycle values an app sees as under Sanic: the data ``http.lifecycle.send`` gets
for a websocket's 101, and what ``app.tasks`` is."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

from sanic import Sanic


def test_a_websocket_101_reaches_the_send_signal_as_a_bytearray_and_frames_as_bytes() -> None:
    # As Sanic: the 101's bytes are a bytearray (they were bytes here), the frames bytes.
    app = Sanic("SendSignal101")
    seen: list[tuple[type, bytes]] = []

    @app.signal("http.lifecycle.send")
    async def sent(**kwargs: Any) -> None:
        seen.append((type(kwargs["data"]), bytes(kwargs["data"][:12])))

    @app.websocket("/ws")
    async def ws(request: Any, websocket: Any) -> None:
        await websocket.send("hi")

    app.test_client.websocket("/ws")
    assert seen[0] == (bytearray, b"HTTP/1.1 101")
    assert seen[1] == (bytes, b"\x81\x02hi")


def test_app_tasks_is_a_generator_of_the_named_tasks() -> None:
    # As Sanic: a generator (it was a list iterator here) yielding the registered Tasks.
    app = Sanic("TasksGenerator")
    seen: list[Any] = []

    @app.get("/")
    async def index(request: Any) -> Any:
        return None

    @app.before_server_start
    async def start(app: Sanic) -> None:
        app.add_task(asyncio.sleep(60), name="sleeper")

    @app.after_server_start
    async def look(app: Sanic) -> None:
        tasks = app.tasks
        seen.append((inspect.isgenerator(tasks), [type(t) for t in tasks]))
        app.stop()

    app.run(host="127.0.0.1", port=0, single_process=True, motd=False)
    assert seen == [(True, [asyncio.Task])]
