"""The inspector process: an HTTP service that reports and controls the workers.

The worker manager runs an :class:`Inspector` instance as one of its managed processes.
It serves :class:`~hurtle_inspector.service.InspectorService` with ``hurtle_http`` and
sends commands to the manager through a :class:`hurtle_worker.WorkerMultiplexer` built
on the manager's publisher connection, so it speaks the manager's own protocol.

Custom commands: subclass :class:`Inspector` and add public methods; each becomes
``POST /<method name>`` with the JSON body as keyword arguments.
"""

from __future__ import annotations

import inspect
import logging
import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from hurtle_http.response import HTTPResponse
from hurtle_http.server import bind_socket, load_ssl, serve
from hurtle_inspector.service import InspectorService, action_of
from hurtle_worker.multiplexer import WorkerMultiplexer

logger = logging.getLogger("sanic.root")


def announce_action(service: InspectorService, method: str, path: str,
                    headers: Mapping[str, str]) -> None:
    """Log an incoming command, as Sanic: a ``POST`` to ``/<action>`` that carries the
    API key (a request refused with 401, or a ``POST /`` answered 405, is not
    announced)."""
    action = action_of(path.split("?", 1)[0])
    if method == "POST" and action and service.authorized(headers):
        logger.info("Incoming inspector action: %s", action)


# The largest request body the inspector reads. Its commands take a few JSON arguments;
# the body is read before the API key is checked, so the application's 100 MB default
# would let any client make the inspector hold 100 MB per connection (Sanic's does).
INSPECTOR_MAX_BODY = 1_000_000

# Names on Inspector that are not commands.
_NOT_ACTIONS = frozenset({"serve", "actions", "state_to_json"})


def _plain(value: Any) -> Any:
    """Copy manager-proxied mappings into plain JSON-able data."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


class Inspector:
    """Serve the inspector API for a running app (Sanic's constructor signature)."""

    def __init__(
        self,
        publisher: Any,
        app_info: dict[str, Any],
        worker_state: Mapping[str, Any],
        host: str,
        port: int,
        api_key: str,
        tls_key: Path | str | Any,
        tls_cert: Path | str | Any,
    ) -> None:
        self._publisher = publisher
        self.app_info = app_info
        self.worker_state = worker_state
        self.host = host
        self.port = port
        self.api_key = api_key
        self.tls_key = tls_key
        self.tls_cert = tls_cert
        self._multiplexer = WorkerMultiplexer(publisher, {}) if publisher is not None else None

    @staticmethod
    def _make_safe(obj: dict[str, Any]) -> dict[str, Any]:
        """Make a worker-state dict JSON-ready in place (and return it): datetimes become
        ISO 8601 text, nested mappings are done the same way (Sanic's helper, which
        sanic-ext's health endpoint calls on ``app.m.workers``)."""
        for key, value in obj.items():
            if isinstance(value, datetime):
                obj[key] = value.isoformat()
            elif isinstance(value, dict):
                Inspector._make_safe(value)
            elif isinstance(value, Mapping):  # a manager proxy: a plain copy, made safe
                obj[key] = Inspector._make_safe(dict(value))
        return obj

    # -- what a client can ask --------------------------------------------------------------

    def state_to_json(self) -> dict[str, Any]:
        """The current state: app info and every worker's state, as plain data."""
        return {"info": _plain(self.app_info), "workers": _plain(dict(self.worker_state))}

    def _state_to_json(self) -> dict[str, Any]:
        """``state_to_json`` with the workers' datetimes as ISO 8601 text: Sanic's name for
        it, which custom inspectors (subclasses adding actions) call."""
        state = self.state_to_json()
        self._make_safe(state["workers"])
        return state

    def reload(self, zero_downtime: bool = False) -> None:
        """Restart every worker (new ones first when ``zero_downtime``)."""
        self._require_manager().restart(all_workers=True, zero_downtime=zero_downtime)

    def scale(self, replicas: int | str) -> str:
        """Change the number of server workers; returns a message to show."""
        try:
            count = int(replicas)
        except (TypeError, ValueError):
            raise ValueError(f"replicas must be a whole number, not {replicas!r}") from None
        if count < 1:
            raise ValueError("replicas must be at least 1")
        message = f"Scaling to {count}"
        logger.info(message)  # as Sanic, the inspector's own log says it too
        self._require_manager().scale(count)
        return message

    def shutdown(self) -> None:
        """Stop the application and every process."""
        self._require_manager().terminate()

    def actions(self) -> dict[str, Any]:
        """Every command this inspector answers: its public methods."""
        found = {}
        for name, member in inspect.getmembers(self, callable):
            if name.startswith("_") or name in _NOT_ACTIONS:
                continue
            found[name] = member
        return found

    # -- serving ----------------------------------------------------------------------------

    def _require_manager(self) -> WorkerMultiplexer:
        if self._multiplexer is None:
            raise RuntimeError("This inspector has no connection to a worker manager")
        return self._multiplexer

    def _ssl(self) -> dict[str, str] | None:
        if isinstance(self.tls_cert, str | os.PathLike) and isinstance(self.tls_key, str | os.PathLike):
            return {"cert": str(self.tls_cert), "key": str(self.tls_key)}
        return None

    def service(self) -> InspectorService:
        """The request handler logic, without a server."""
        return InspectorService(self.state_to_json, self.actions(), self.api_key)

    def __call__(self, run: bool = True, **_: Any) -> Inspector:
        """Process entry point: serve until the process is told to stop; returns self."""
        if run:
            self.serve()
        return self

    def serve(self) -> None:
        """Serve the API on ``host:port`` (TLS when a key and certificate are set)."""
        service = self.service()
        pid = os.getpid()

        async def handler(request: Any) -> HTTPResponse:
            headers = dict(request.headers)
            announce_action(service, request.method, request.path, headers)
            reply = await service.respond(
                request.method, request.path, headers, request.body or b"", url=request.url
            )
            return HTTPResponse(
                reply.body, status=reply.status, headers=reply.headers,
                content_type=reply.content_type,
            )

        settings = self._ssl()
        # Bound, and the certificate loaded, before "Starting worker", as Sanic's inspector
        # says it: a taken port or a bad TLS file is its error alone, not a start
        # followed by it.
        ssl = load_ssl(settings) if settings is not None else None
        host = self.host or "127.0.0.1"  # INSPECTOR_HOST="" binds loopback, as Sanic's
        sock = bind_socket(host, self.port)
        logger.info("Starting worker [%s]", pid)
        serve(handler, host, self.port, ssl=ssl, sock=sock,
              config={"REQUEST_MAX_SIZE": INSPECTOR_MAX_BODY},
              ready=lambda _: logger.info("Worker ready [%s]", pid))
        logger.info("Stopping worker [%s]", pid)
        logger.info("Worker complete [%s]", pid)
        logger.info("Server Stopped")


__all__ = ["Inspector", "announce_action"]
