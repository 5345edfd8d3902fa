"""A websocket handler waiting on something else when its client leaves is cancelled, as
in Sanic (before, nothing ever woke it: its Task stayed for the life of the worker, one
per connection); a handler in ``recv`` still gets ``ConnectionClosed``."""

from __future__ import annotations

import asyncio
import logging
import socket
import struct
from typing import Any

import pytest
import websockets.exceptions as ws_errors
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from hurtle_app import Sanic


async def _serve(app: Sanic) -> tuple[Any, int]:
    server = await app.create_server(host="127.0.0.1", port=0, return_asyncio_server=True)
    assert server is not None
    await server.startup()
    await server.start_serving()
    return server, server.server.sockets[0].getsockname()[1]


async def _wait_for(outcome: list[str], count: int) -> None:
    for _ in range(500):  # at most 5 s
        if len(outcome) >= count:
            return
        await asyncio.sleep(0.01)


@pytest.mark.parametrize("leave", ["close", "reset"])
async def test_a_handler_waiting_elsewhere_is_cancelled(app: Sanic, leave: str) -> None:
    outcome: list[str] = []

    @app.websocket("/ws")
    async def handler(request: Any, ws: Any) -> None:
        try:
            await asyncio.Event().wait()  # a queue, a pub/sub... that never fires
        except BaseException as error:
            outcome.append(type(error).__name__)
            raise

    server, port = await _serve(app)
    try:
        async with connect(f"ws://127.0.0.1:{port}/ws") as client:
            await asyncio.sleep(0.05)
            if leave == "reset":
                sock = client.transport.get_extra_info("socket")
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                client.transport.abort()
        await _wait_for(outcome, 1)
        assert outcome == ["CancelledError"]
        for _ in range(100):
            if not app.websocket_tasks:
                break
            await asyncio.sleep(0.01)
        assert not app.websocket_tasks
    finally:
        server.close()
        await server.wait_closed()


async def test_a_handler_in_recv_gets_connection_closed(app: Sanic) -> None:
    outcome: list[str] = []

    @app.websocket("/ws")
    async def handler(request: Any, ws: Any) -> None:
        try:
            await ws.recv()
            await ws.recv()
        except BaseException as error:
            outcome.append(type(error).__name__)
            raise

    server, port = await _serve(app)
    try:
        async with connect(f"ws://127.0.0.1:{port}/ws") as client:
            await client.send("one")
            await asyncio.sleep(0.05)
            client.transport.abort()
        await _wait_for(outcome, 1)
        assert len(outcome) == 1
        assert issubclass(getattr(ws_errors, outcome[0]), ConnectionClosed)
    finally:
        server.close()
        await server.wait_closed()


@pytest.mark.parametrize("leave", ["close", "reset"])
async def test_the_guides_receiver_task_is_cleaned_up_when_the_client_leaves(
    app: Sanic, leave: str
) -> None:
    # The Sanic guide's pattern: a receiver task reads the websocket, the handler waits on
    # something else and, in `finally`, cancels the receiver and purges finished tasks.
    # The receiver's recv() ends with ConnectionClosed (kept); cancel_task takes it as the
    # cancellation Sanic's receiver gets, so the clean-up runs on and no task is left.
    outcome: list[str] = []

    async def receiver(ws: Any) -> None:
        while True:
            if not await ws.recv():
                break

    @app.websocket("/feed")
    async def feed(request: Any, ws: Any) -> None:
        name = f"receiver:{request.id}"
        request.app.add_task(receiver(ws), name=name)
        try:
            await asyncio.Event().wait()
        finally:
            await request.app.cancel_task(name)
            request.app.purge_tasks()
            outcome.append(f"cleaned up, {len(list(request.app.tasks))} tasks")

    server, port = await _serve(app)
    await server.before_start()  # (a running app: tasks may be named)
    try:
        for _ in range(3):
            async with connect(f"ws://127.0.0.1:{port}/feed") as client:
                await client.send("hi")
                await asyncio.sleep(0.05)
                if leave == "reset":
                    sock = client.transport.get_extra_info("socket")
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    client.transport.abort()
            await _wait_for(outcome, len(outcome) + 1)
        assert outcome == ["cleaned up, 0 tasks"] * 3
    finally:
        server.close()
        await server.wait_closed()


async def test_cancel_task_still_raises_other_errors_a_task_ended_with(app: Sanic) -> None:
    async def fails() -> None:
        raise ws_errors.InvalidHandshake("not a close")

    await app._server_event("init", "before")
    app.add_task(fails(), name="fails")
    await asyncio.sleep(0)
    with pytest.raises(ws_errors.InvalidHandshake):
        await app.cancel_task("fails")


def _kind(error: BaseException) -> str:
    if isinstance(error, ConnectionClosed):
        return "closed"
    split = getattr(error, "split", None)  # an exception group
    if split is not None and split(ConnectionClosed)[1] is None:
        return "group of closed"
    return type(error).__name__


def _leave(client: Any, leave: str) -> None:
    if leave == "close":
        return  # the context's exit sends the close frame
    if leave == "reset":
        sock = client.transport.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.transport.abort()  # (without SO_LINGER: a FIN)


async def _visit(app: Sanic, leave: str, outcome: list[str], count: int) -> None:
    """Open /ws, leave by ``leave`` and wait for ``count`` notes of the handler's."""
    server, port = await _serve(app)
    try:
        async with connect(f"ws://127.0.0.1:{port}/ws") as client:
            await asyncio.sleep(0.05)
            _leave(client, leave)
        await _wait_for(outcome, count)
    finally:
        server.close()


@pytest.mark.parametrize("leave", ["close", "fin", "reset"])
@pytest.mark.parametrize("join", ["gather", "taskgroup"])
async def test_a_reader_and_a_writer_both_end_when_the_client_leaves(
    app: Sanic, leave: str, join: str, caplog: pytest.LogCaptureFixture
) -> None:
    # A handler running a reader and a writer side by side. Before, gather() ended with
    # the reader's ConnectionClosed and the writer ran on, owned by nobody, for the life of
    # the worker; a TaskGroup's ExceptionGroup of ConnectionClosed was logged as the
    # handler's error. (Sanic cancels the handler, and at a close frame its writer runs on.)
    outcome: list[str] = []
    updates = asyncio.Event()  # a pub/sub that never publishes

    async def reader(ws: Any) -> None:
        try:
            while True:
                await ws.recv()
        except BaseException as error:
            outcome.append(f"reader {_kind(error)}")
            raise

    async def writer(ws: Any) -> None:
        try:
            await updates.wait()
        except BaseException as error:
            outcome.append(f"writer {_kind(error)}")
            raise

    @app.websocket("/ws")
    async def handler(request: Any, ws: Any) -> None:
        try:
            if join == "gather":
                await asyncio.gather(reader(ws), writer(ws))
            else:
                async with asyncio.TaskGroup() as group:
                    group.create_task(reader(ws))
                    group.create_task(writer(ws))
        except BaseException as error:
            outcome.append(f"handler {_kind(error)}")
            raise

    with caplog.at_level(logging.ERROR):
        await _visit(app, leave, outcome, 3)
        await asyncio.sleep(0.05)
    # The reader's recv() says the client went; so does the handler's await (for a
    # TaskGroup, in its group); the writer, waiting elsewhere, is cancelled.
    told = "closed" if join == "gather" else "group of closed"
    assert sorted(outcome) == [f"handler {told}", "reader closed", "writer CancelledError"]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_handler_waiting_for_the_end_after_its_close_is_not_cancelled(app: Sanic) -> None:
    # As Sanic: `await ws.close(); await ws.wait_for_connection_lost()` returns True once
    # the client has answered and TCP is gone. The check that cancels a handler waiting
    # elsewhere runs at the client's close frame: this wait is the websocket's own.
    outcome: list[str] = []

    @app.websocket("/ws")
    async def handler(request: Any, ws: Any) -> None:
        try:
            await ws.close()
            outcome.append(f"lost {await ws.wait_for_connection_lost(5)}")
        except BaseException as error:
            outcome.append(type(error).__name__)
            raise

    server, port = await _serve(app)
    try:
        async with connect(f"ws://127.0.0.1:{port}/ws") as client:
            with pytest.raises(ConnectionClosed):
                await asyncio.wait_for(client.recv(), 5)
        await _wait_for(outcome, 1)
        assert outcome == ["lost True"]
    finally:
        server.close()
        await server.wait_closed()


@pytest.mark.parametrize("leave", ["close", "fin", "reset"])
async def test_a_recv_under_wait_for_says_the_client_left(app: Sanic, leave: str) -> None:
    # Issue 5: the handler learns that its peer went from a ConnectionClosed, not a
    # CancelledError, also when it waits through asyncio.wait_for (a task of its own on
    # Python 3.11; the check for a handler left waiting used to cancel it first).
    outcome: list[str] = []

    @app.websocket("/ws")
    async def handler(request: Any, ws: Any) -> None:
        try:
            while True:
                await asyncio.wait_for(ws.recv(), 5)
        except BaseException as error:
            outcome.append(_kind(error))
            raise

    await _visit(app, leave, outcome, 1)
    assert outcome == ["closed"]
