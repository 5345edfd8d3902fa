"""antonagestam/websocket-sanic-aioredis server.py: ``/join`` runs a publish loop (websocket
to redis) and a subscribe loop (redis to websocket) under ``asyncio.gather``; ``/`` calls
``file`` without importing it (a ``NameError``, a 500). Stand-ins: aioredis 1.x's
``create_redis``/``publish_json``/``subscribe`` and a channel's ``wait_message``/``get_json``
over in-process queues; the uvloop policy line is kept; ``/subs`` (added) counts the
subscribers, and each loop logs how it ended."""

import asyncio
import json as _json
import types

import uvloop

import sanic

_subscribers: list = []


class _Channel:
    def __init__(self):
        self.queue = asyncio.Queue()

    async def wait_message(self):
        await self.queue.put(await self.queue.get())
        return True

    async def get_json(self):
        return _json.loads(await self.queue.get())


class _Redis:
    async def publish_json(self, channel, data):
        for sub in list(_subscribers):
            sub.queue.put_nowait(_json.dumps(data))

    async def subscribe(self, channel):
        ch = _Channel()
        _subscribers.append(ch)
        return [ch]


async def _create_redis(url):
    return _Redis()

aioredis = types.SimpleNamespace(create_redis=_create_redis)

asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
app = sanic.Sanic(__name__)
# loop = asyncio.get_event_loop()  # as written both stop at import here (RuntimeError:
# There is no current event loop in thread 'MainThread'); unused, so left out


@app.route('/')
async def index(request):
    return await file('ws-test.html')  # noqa: F821 (as written: never imported)


async def publish(ws):
    """Receive messages from the WebSocket and pass them on to redis"""
    redis = await aioredis.create_redis('redis://localhost/0')
    try:
        while True:
            data = await ws.recv()
            await redis.publish_json('chan:1', data)
    except BaseException as exc:
        print("publish loop ended:", type(exc).__name__)
        raise


async def subscribe(ws):
    """Receive messages from redis and pass them on to the WebSocket"""
    redis = await aioredis.create_redis('redis://localhost/0')
    channel = (await redis.subscribe('chan:1'))[0]
    try:
        while await channel.wait_message():
            msg = await channel.get_json()
            await ws.send(msg)
    except BaseException as exc:
        print("subscribe loop ended:", type(exc).__name__)
        raise


@app.websocket('/join')
async def join(request, ws):
    """For every request we start a publish loop and a subscribe loop"""
    await asyncio.gather(publish(ws), subscribe(ws))


@app.route('/subs')
async def subs(request):
    return sanic.response.json(len(_subscribers))
