"""pytest-sanic's ``loop``, ``sanic_client`` and ``test_client`` fixtures, for old suites
written for it (pytest-sanic and rt-pytest-sanic cannot serve on Sanic 25.12).

The app is served for real on a free loopback port (``app.create_server`` with
``return_asyncio_server=True``, then its listeners), requests go through ``httpx`` and
websockets through the ``websockets`` client (``send``/``recv``), as pytest-sanic's later
versions did; ``test_client`` wraps the answers aiohttp-style (``resp.status``,
``await resp.json()``). ``async def`` tests that ask for ``loop`` run in its loop.

    PYTHONPATH=.../plugins/suites python -m pytest -p sanic_client_shim -p no:sanic_testing

The same file under Sanic 25.12 and under Hurtle; ``-p no:sanic_testing`` keeps
hurtle-testing's own pytest plugin (its ``sanic_client`` fixture) out of the Hurtle run.
Used by the ninth round of real-world test suites (sanic-jsonrpc, sanicargs).
"""

from __future__ import annotations

import asyncio
import inspect
import socket

import httpx
import pytest
import websockets


class _Client:
    def __init__(self, app, scheme="http", **kwargs):
        self.app, self.scheme, self.kwargs = app, scheme, kwargs
        self.server = None
        self.session = None
        self._ws = []

    async def start(self):
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.server = await self.app.create_server(
            host="127.0.0.1", port=self.port, return_asyncio_server=True, **self.kwargs
        )
        await self.server.startup()
        await self.server.before_start()
        await self.server.after_start()
        self.session = httpx.AsyncClient(base_url=f"http://127.0.0.1:{self.port}")
        return self

    async def close(self):
        if self.server is None:
            return
        server, self.server = self.server, None
        for ws in self._ws:
            await ws.close()
        if self.session is not None:
            await self.session.aclose()
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()

    def make_url(self, uri):
        return f"http://127.0.0.1:{self.port}{uri}"

    async def ws_connect(self, uri, *args, **kwargs):
        ws = await websockets.connect(f"ws://127.0.0.1:{self.port}{uri}", *args, **kwargs)
        self._ws.append(ws)
        return ws

    def __getattr__(self, method):
        async def call(uri, *args, **kwargs):
            return await self.session.request(method.upper(), uri, *args, **kwargs)

        if method in ("get", "post", "put", "patch", "delete", "options", "head"):
            return call
        raise AttributeError(method)


@pytest.fixture
def loop():
    lp = asyncio.new_event_loop()
    asyncio.set_event_loop(lp)
    yield lp
    lp.run_until_complete(lp.shutdown_asyncgens())
    lp.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def sanic_client(loop):
    clients = []

    async def create(app, scheme="http", protocol=None, **kwargs):
        if protocol is not None:
            kwargs["protocol"] = protocol
        client = _Client(app, scheme, **kwargs)
        clients.append(client)
        return await client.start()

    yield create
    for client in clients:
        loop.run_until_complete(client.close())


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    if inspect.iscoroutinefunction(pyfuncitem.obj) and "loop" in pyfuncitem.funcargs:
        args = {a: pyfuncitem.funcargs[a] for a in pyfuncitem._fixtureinfo.argnames}
        pyfuncitem.funcargs["loop"].run_until_complete(asyncio.wait_for(pyfuncitem.obj(**args), 30))
        return True
    return None


class _AioResp:
    """aiohttp-style view of an httpx response (``status``, ``await json()``)."""

    def __init__(self, response):
        self._r = response
        self.status = response.status_code
        self.headers = response.headers

    async def json(self):
        return self._r.json()

    async def text(self):
        return self._r.text

    async def read(self):
        return self._r.content


class _AioClient:
    def __init__(self, client):
        self._c = client

    def __getattr__(self, method):
        call = getattr(self._c, method)
        if method in ("close", "start", "make_url", "ws_connect"):
            return call  # the client's own, not a request method (aiojobs' `client.close()`)

        async def wrapped(uri, *args, **kwargs):
            if "data" in kwargs and isinstance(kwargs["data"], (str, bytes)):
                kwargs["content"] = kwargs.pop("data")
            return _AioResp(await call(uri, *args, **kwargs))

        return wrapped


@pytest.fixture
def test_client(sanic_client):
    """pytest-sanic's older ``test_client``: aiohttp-style answers over a real socket."""

    async def create(app, **kwargs):
        return _AioClient(await sanic_client(app, **kwargs))

    return create
