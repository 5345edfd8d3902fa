"""Appended to a copy of New Relic's ``tests/framework_sanic/conftest.py`` (newrelic
14.1.0 sdist) as ``tests/framework_sanic_tc``: its requests then go through the public
test client, a real server on 127.0.0.1, instead of the ``sanic.http.Http`` object the
suite builds by hand (Sanic internals Hurtle does not have). Run with
``NEW_RELIC_DEVELOPER_MODE=true PYTHONPATH=tests`` and tox.ini's ``[pytest]`` section
(``usefixtures = collector_available_fixture collector_agent_registration``).
"""

from __future__ import annotations

from typing import Any


class _TCResponse:
    def __init__(self, response: Any) -> None:
        self.status = response.status
        self.headers = response.headers
        self.body = response.body


def _fetch(self: Any, method: str, url: str, headers: dict[str, str] | None = None) -> Any:
    _, response = getattr(self.app.test_client, method)(url, headers=headers or {})
    return _TCResponse(response)


TestApplication.fetch = _fetch  # type: ignore[name-defined]  # noqa: F821
