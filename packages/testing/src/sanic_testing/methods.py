"""The per-method calls of the sync test clients (``SanicTestClient``, ``ReusableClient``):
each sends through the client's ``_sanic_endpoint_test`` and returns ``(request, response)``."""

from __future__ import annotations

from typing import Any

from sanic_testing.websocket import Mimic


class MethodCalls:
    """``request``, ``get`` ... ``head`` and ``websocket`` for a client that defines
    ``_sanic_endpoint_test(method, uri, ...)``."""

    def _sanic_endpoint_test(self, method: str = "get", *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError  # each client sends its own way

    def request(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """Any method: ``request(uri, http_method="post", ...)`` (default ``get``)."""
        # As sanic-testing: sent as ``session.request(http_method, uri, ...)``, so any
        # method goes (TRACE too) and a GET may carry a body.
        return self._sanic_endpoint_test("request", *args, **kwargs)

    def get(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``GET uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("get", *args, **kwargs)

    def post(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``POST uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("post", *args, **kwargs)

    def put(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``PUT uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("put", *args, **kwargs)

    def patch(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``PATCH uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("patch", *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``DELETE uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("delete", *args, **kwargs)

    def options(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``OPTIONS uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("options", *args, **kwargs)

    def head(self, *args: Any, **kwargs: Any) -> tuple[Any, Any]:
        """``HEAD uri``; returns ``(request, response)``."""
        return self._sanic_endpoint_test("head", *args, **kwargs)

    def websocket(self, *args: Any, mimic: Mimic | None = None, **kwargs: Any) -> tuple[Any, Any]:
        """Open a websocket to ``uri``; ``await mimic(ws)`` plays the client's part.

        Returns ``(request, WebsocketProxy)``; the proxy's ``server_received`` and
        ``server_sent`` list the messages exchanged.
        """
        return self._sanic_endpoint_test("websocket", *args, mimic=mimic, **kwargs)


__all__ = ["MethodCalls"]
