"""The app of run.py: websocket handlers that note what they see when the client goes
(a close frame, or the end of TCP) while they read, sleep, or wait on a reader and a
writer side by side. ``GET /notes`` returns (and clears) the notes."""

import asyncio

from sanic import Sanic
from sanic.response import json

app = Sanic("WsPeerGone")
NOTES = []


def note(*parts):
    NOTES.append(" ".join(str(p) for p in parts))


async def attempt(label, coro):
    try:
        note(label, "->", repr(await coro))
    except BaseException as error:  # (CancelledError too: a probe)
        note(label, "raised", type(error).__name__, str(error)[:60])


@app.get("/notes")
async def notes(request):
    out = list(NOTES)
    NOTES.clear()
    return json(out)


@app.websocket("/burst")
async def burst(request, ws):
    # recv_burst()/recv() once the client's close frame is in.
    try:
        await asyncio.sleep(0.4)
    except asyncio.CancelledError:
        note("cancelled in sleep")  # (both cancel here; carry on to see the calls)
    await attempt("burst", ws.recv_burst())
    await attempt("burst again", ws.recv_burst())
    await attempt("recv", ws.recv(0.2))


@app.websocket("/ownclose")
async def ownclose(request, ws):
    await ws.close()
    await attempt("burst after own close", ws.recv_burst())
    try:
        await asyncio.sleep(0.4)
    except asyncio.CancelledError:
        note("cancelled in sleep")
    await attempt("burst later", ws.recv_burst())


def _side(name, body):
    async def run():
        try:
            await body()
        except BaseException as error:
            note(name, "ends", type(error).__name__)
            raise
        note(name, "returns")

    return run


def _reader_writer(ws):
    async def read():
        while True:
            await ws.recv()

    async def write():
        for _ in range(40):  # 2 s of ticks: still ticking after the handler ended = leaked
            await asyncio.sleep(0.05)
        note("writer ran to its end")

    return _side("reader", read)(), _side("writer", write)()


@app.websocket("/gather")
async def gathered(request, ws):
    try:
        await asyncio.gather(*_reader_writer(ws))
    except BaseException as error:
        note("handler", type(error).__name__)
        raise


@app.websocket("/taskgroup")
async def taskgroup(request, ws):
    reader, writer = _reader_writer(ws)
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(reader)
            group.create_task(writer)
    except BaseException as error:
        note("handler", type(error).__name__)
        raise


@app.websocket("/waitfor")
async def waitfor(request, ws):
    try:
        while True:
            note("got", await asyncio.wait_for(ws.recv(), 5))
    except BaseException as error:
        note("handler", type(error).__name__)
        raise


@app.websocket("/asyncfor")
async def asyncfor(request, ws):
    try:
        async for message in ws:
            note("got", message)
        note("loop ended")
    except BaseException as error:
        note("handler", type(error).__name__)
        raise


@app.websocket("/closewait")
async def closewait(request, ws):
    await ws.close()
    await attempt("wait_for_connection_lost", ws.wait_for_connection_lost(5))
