"""pytest-sanic's ``test_client`` fixture over ``app.asgi_client`` (aiohttp-style answers:
``resp.status``, ``await resp.text()``), for old suites that need it (jinja2-sanic).

Used in a suite's ``conftest.py``: ``from pytest_sanic_shim import test_client``, with
pytest-asyncio in auto mode. The same file under Sanic 25.12 and under Hurtle.
"""

from __future__ import annotations

from typing import Any

import pytest

from sanic import Sanic

Sanic.test_mode = True  # suites that build an app of the same name per test


class _Resp:
    def __init__(self, response: Any) -> None:
        self._response = response
        self.status = response.status
        self.headers = response.headers
        self.cookies = response.cookies

    async def text(self) -> str:
        return self._response.text

    async def json(self) -> Any:
        return self._response.json

    async def read(self) -> bytes:
        return self._response.body


class _Client:
    def __init__(self, app: Sanic) -> None:
        self.app = app

    def __getattr__(self, method: str) -> Any:
        async def call(path: str, *args: Any, **kwargs: Any) -> _Resp:
            _, response = await getattr(self.app.asgi_client, method)(path, *args, **kwargs)
            return _Resp(response)

        return call


@pytest.fixture
def test_client() -> Any:
    async def make(app: Sanic, *args: Any, **kwargs: Any) -> _Client:
        return _Client(app)

    return make
