"""daleeg/sanic_sse (docs/examples/s_sse.py, sse/app.py, sse/api/view.py, sse/api/urls.py,
sse/core/event.py, sse/core/message.py, sse/core/channel.py and sse/core/request.py,
condensed; no licence file in the stored copy). Server-sent events streamed with
`ResponseStream(streaming_fn, headers=..., content_type="text/event-stream")` from a
class-based view, each stream a pub/sub subscription written with `await
response.write(...)` until a termination message ends it; send and terminate views;
`get_group_id` from `request.remote_addr`, `X-Real-IP`, `X-Forwarded-For` or `request.ip`;
a sync `after_server_start(app, loop)` listener starting a ping task with
`loop.create_task`, and a `before_server_stop` listener that cancels it, terminates every
open stream and waits (5 s at most) until none is left.

Stand-ins: aiopubsub's Redis-backed `Pubsub` (an in-process broker with `fnmatch`
patterns), the storage (a dict), the example's `AppLoader`/`Sanic.serve` start (served by
the comparer instead), and the client ids (`uuid4` as in the views; the driver never needs
them). The ping interval is the example's default, 30 s (no ping within a run).
"""

import asyncio
import contextlib
import fnmatch
import json
import logging
import os
import uuid
from collections import OrderedDict
from typing import Any, NamedTuple

from sanic import Blueprint, Sanic
from sanic.request import Request
from sanic.response import ResponseStream, html
from sanic.response import json as json_response
from sanic.views import HTTPMethodView

LOG = logging.getLogger("sse")


# ---- stand-in for aiopubsub --------------------------------------------------------------
class _Broker:
    def __init__(self):
        self.subs = []


class _Pub:
    def __init__(self, broker):
        self.broker = broker

    async def publish(self, topic, data):
        for pattern, queue in list(self.broker.subs):
            if fnmatch.fnmatchcase(topic, pattern):
                queue.put_nowait({"type": "pmessage", "channel": topic, "data": data})
        return len(self.broker.subs)


class _Sub:
    def __init__(self, broker):
        self.broker, self.queue, self.entries = broker, asyncio.Queue(), []

    async def psubscribe(self, pattern):
        entry = (pattern, self.queue)
        self.entries.append(entry)
        self.broker.subs.append(entry)

    async def listen(self):
        while True:
            yield await self.queue.get()

    def close(self):
        for entry in self.entries:
            self.broker.subs.remove(entry)


class Pubsub:
    def __init__(self, **options):
        self.broker = _Broker()

    @contextlib.asynccontextmanager
    async def get_pub(self):
        yield _Pub(self.broker)

    @contextlib.asynccontextmanager
    async def get_sub(self):
        sub = _Sub(self.broker)
        try:
            yield sub
        finally:
            sub.close()

    async def close(self):
        pass


# ---- sse/core --------------------------------------------------------------------------
class SseEvent:
    def __init__(self, event=None):
        self.data = None
        self.options = OrderedDict({"event": event})

    @property
    def to_dict(self):
        return dict(**self.options)

    def check_event(self, event):
        return self.options["event"] == event


class DataEvent(SseEvent):
    mapping = OrderedDict(
        event=lambda e: f"event: {e}",
        data=lambda d: f"data: {json.dumps(d)}",
        event_id=lambda i: f"id: {i}",
        retry=lambda r: f"retry: {r}",
    )

    def __init__(self, data, event=None, event_id=None, retry=None):
        if not data:
            raise ValueError("data cannot be None")
        self.data = data
        self.options = OrderedDict({"event": event, "event_id": event_id, "retry": retry})

    @property
    def to_dict(self):
        return dict(data=self.data, **self.options)

    @property
    def to_string(self):
        info = self.to_dict
        lines = [transfer(info[key]) for key, transfer in self.mapping.items() if info.get(key)]
        return "\n".join(lines) + "\n\n"


class ControlEvent(SseEvent):
    EVENT_PING = "ping"
    EVENT_TERMINATION = "termination"

    @property
    def to_string(self):
        event = self.options["event"]
        if event == self.EVENT_PING:
            return f": {event}\n\n"
        return f"event: {event}\n\n"


class InnerMessage(NamedTuple):
    category: str
    data: Any


class MessageFactory:
    CATEGORY_CONTROL = "control"
    CATEGORY_DATA = "data"

    @classmethod
    def load(cls, category, event):
        return InnerMessage(category=category, data=event.to_dict)

    @classmethod
    def dump(cls, message):
        if message.category == cls.CATEGORY_CONTROL:
            return message.category, ControlEvent(**message.data)
        return message.category, DataEvent(**message.data)


class EventRegister:
    def __init__(self):
        self._storage = {}

    def register(self, event, client_id, group):
        self._storage.setdefault(event, {})[client_id] = group

    def unregister(self, event, client_id):
        if event not in self._storage:
            return
        info = self._storage[event].pop(client_id, None)
        if not self._storage[event]:
            self._storage.pop(event)
        return info

    def is_registered(self, event, client_id, group):
        if event not in self._storage:
            return False
        return not client_id or self._storage[event].get(client_id) == group

    def no_events(self):
        return not self.get_events()

    def get_events(self):
        return list(self._storage.keys())


def get_group_id(request):
    def get_real_ip():
        return request.headers.get("x-real-ip")

    def get_forwarded_for_ip():
        forwarded_for = request.headers.get("x-forwarded-for", "")
        if "," in forwarded_for:
            forwarded_for = forwarded_for.split(",")[0]
        return forwarded_for

    return request.remote_addr or get_real_ip() or get_forwarded_for_ip() or request.ip or uuid.uuid4().hex[:12]


# ---- sse/app.py ------------------------------------------------------------------------
class SseApp:
    _HEADERS = {"Cache-Control": "no-cache"}

    def __init__(self, app: Sanic = None):
        self.config = {"ping_interval": int(os.getenv("SSE_PING_INTERVAL", 30))}
        self._ping_task = None
        self._pubsub = Pubsub()
        self._register = EventRegister()
        if app is not None:
            self.init_app(app)

    @classmethod
    def gen_pub_event_topic(cls, event, client_id=None):
        return f"{event}:{client_id}" if client_id else f"{event}:"

    @classmethod
    def parse_topic(cls, topic):
        return topic.rsplit(":", maxsplit=2)

    def is_registered(self, event, client_id, group=None):
        return self._register.is_registered(event, client_id, group)

    async def terminate(self, event, client_id=None, _pub=None):
        message = MessageFactory.load(MessageFactory.CATEGORY_CONTROL,
                                      ControlEvent(ControlEvent.EVENT_TERMINATION))
        async with self._pubsub.get_pub() as _pub:
            return await _pub.publish(self.gen_pub_event_topic(event=event, client_id=client_id),
                                      data=message._asdict())

    async def _ping(self):
        while True:
            await asyncio.sleep(self.config["ping_interval"])

    async def send(self, data, event=None, client_id=None, event_id=None, retry=None):
        message = MessageFactory.load(MessageFactory.CATEGORY_DATA,
                                      DataEvent(data, event=event, event_id=event_id, retry=retry))
        async with self._pubsub.get_pub() as _pub:
            return await _pub.publish(self.gen_pub_event_topic(event, client_id), message._asdict())

    async def wait_no_stream(self):
        for _ in range(50):
            if self._register.no_events():
                return
            await asyncio.sleep(0.1)
        raise asyncio.TimeoutError(f"wait stream closed timeout: {self._register.get_events()}")

    def init_app(self, app: Sanic):
        @app.listener("after_server_start")
        def _on_start(_, loop):
            self._ping_task = loop.create_task(self._ping())

        @app.listener("before_server_stop")
        async def _on_stop(_, __):
            self._ping_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ping_task
            for event in self._register.get_events():
                await self.terminate(event)
            await self.wait_no_stream()
            LOG.info("all streams closed")
            await self._pubsub.close()

        app.ctx.sse_send = self.send
        app.ctx.sse = self

    async def process_message(self, message, response, group, client_id):
        category, event_body = MessageFactory.dump(InnerMessage(**message["data"]))
        if category == MessageFactory.CATEGORY_CONTROL:
            if event_body.check_event(ControlEvent.EVENT_TERMINATION):
                return True
        else:
            event, _client_id = self.parse_topic(message["channel"])
            if _client_id and _client_id != client_id:
                return False
            if not self.is_registered(event, _client_id, group):
                return False
        await response.write(event_body.to_string)
        return False

    def sse_stream(self, event, client_id, group):
        self._register.register(event, client_id, group)

        async def streaming_fn(response):
            try:
                async with self._pubsub.get_sub() as _sub:
                    await _sub.psubscribe(self.gen_sub_event_topic(event))
                    async for k in _sub.listen():
                        if await self.process_message(k, response, client_id, group):
                            break
            finally:
                self._register.unregister(event, client_id)

        return ResponseStream(streaming_fn, headers=self._HEADERS, content_type="text/event-stream")

    @classmethod
    def gen_sub_event_topic(cls, event):
        return f"{event}:*"


# ---- sse/api/view.py and urls.py -----------------------------------------------------------
class EventListenView(HTTPMethodView):
    async def get(self, request: Request):
        sse = request.app.ctx.sse
        event = request.args.get("event")
        if not event:
            return json_response({"code": 1, "msg": "no event"})
        return sse.sse_stream(event, uuid.uuid4(), get_group_id(request))


class EventSendView(HTTPMethodView):
    async def get(self, request: Request):
        sse = request.app.ctx.sse
        event = request.args.get("event")
        if not event:
            return json_response({"code": 1, "msg": "no event"})
        group_id = get_group_id(request)
        client_id = request.args.get("client_id")
        if not sse.is_registered(event, client_id, group_id):
            return json_response({"code": 1, "msg": "not registered"})
        data = {"info": f"hello, {event}"}
        event_id = request.args.get("id", "e1")
        await sse.send(data, event=event, client_id=client_id, event_id=event_id)
        return json_response({"code": 0, "data": {"event": event, "data": data, "event_id": event_id}})


class EventTerminateView(HTTPMethodView):
    async def get(self, request: Request):
        sse = request.app.ctx.sse
        event = request.args.get("event")
        if not event:
            return json_response({"code": 1, "msg": "no event"})
        client_id = request.args.get("client_id")
        if not sse.is_registered(event, client_id, get_group_id(request)):
            return json_response({"code": 1, "msg": "not registered"})
        await sse.terminate(event=event, client_id=client_id)
        return json_response({"code": 0, "msg": "success"})


sse_bp = Blueprint("sse_bp")
sse_bp.add_route(EventListenView.as_view(), "/event/listen")
sse_bp.add_route(EventSendView.as_view(), "/event/send")
sse_bp.add_route(EventTerminateView.as_view(), "/event/terminate")
sse_bgp = Blueprint.group(sse_bp, url_prefix="/sse")

# ---- docs/examples/s_sse.py --------------------------------------------------------------
root_ = Blueprint("root_")


@root_.route("/index", methods=["GET"])
async def index(request):
    event = request.args.get("event", "test")
    return html(body=f'<script>new EventSource("sse/event/listen?event={event}")</script>')


def init_app():
    _app = Sanic(name="sse")
    _app.blueprint(root_)
    _app.blueprint(sse_bgp)
    SseApp(_app)
    return _app


app = init_app()
