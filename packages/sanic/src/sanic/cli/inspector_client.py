"""``sanic.cli.inspector_client``: the client ``sanic inspect`` talks to an inspector with.

Sanic's constructor, ``InspectorClient(host, port, secure, raw, api_key)``; ``request`` posts
by default, as Sanic's does. Requests go through this module's ``urlopen``.
"""

from __future__ import annotations

import sys
from typing import Any
from urllib.request import Request, urlopen

from hurtle_inspector.client import InspectorClient as _Client
from hurtle_inspector.client import InspectorError


class InspectorClient(_Client):
    """Talk to a running inspector (``sanic inspect``)."""

    def __init__(self, host: str, port: int, secure: bool, raw: bool, api_key: str | None,
                 timeout: float = 10.0) -> None:
        super().__init__(host, port, secure, raw, api_key, timeout)

    def _open(self, req: Request, **kwargs: Any) -> Any:
        return urlopen(req, **kwargs)

    def request(self, action: str, method: str = "POST", **kwargs: Any) -> Any:
        """Send ``action`` with ``kwargs`` as its JSON body; the decoded result."""
        return super().request(action, method, **kwargs)

    def do(self, action: str, **kwargs: Any) -> Any:
        """Run ``action`` (``info``, ``reload``, ``shutdown``, ``scale`` or a custom
        command) and print its result, as Sanic's client does; also returns it. When the
        inspector cannot be reached, the reason goes to stderr and the process exits 1."""
        try:
            result = self.info() if action == "info" else self.request(action, **kwargs)
        except InspectorError as exc:
            sys.stderr.write(f"{exc}\n")
            sys.exit(1)
            return None  # sys.exit replaced (a test's mock, an embedding tool): no result
        self.show(result)
        return result

    def info(self) -> Any:
        """The app's info and every worker's state."""
        return super().request("", "GET")


__all__ = ["InspectorClient", "InspectorError", "urlopen"]
