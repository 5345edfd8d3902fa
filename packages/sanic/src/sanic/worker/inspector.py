"""``sanic.worker.inspector``: the inspector process, with its API as a Sanic app.

``hurtle_inspector.Inspector`` serves the API; this subclass adds what Sanic's inspector
shows its users: calling it (``inspector(False)`` builds without serving) sets
``inspector.app``, a ``Sanic`` app named ``"Inspector"`` answering the same API (``GET /``
and ``POST /<action>``), which ``sanic_testing.TestManager(inspector.app)`` can drive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hurtle_app.log import logger as logger
from hurtle_http.exceptions import Unauthorized as Unauthorized
from hurtle_http.request.types import Request as Request
from hurtle_http.response.convenience import json as json
from hurtle_http.response.file import Default as Default
from hurtle_http.response.types import HTTPResponse
from hurtle_inspector.inspector import Inspector as _ServiceInspector
from hurtle_inspector.service import InspectorService

if TYPE_CHECKING:
    from sanic.app import Sanic


class Inspector(_ServiceInspector):
    """Sanic's inspector: call it to build ``self.app`` and (by default) serve."""

    app: Sanic

    def __call__(self, run: bool = True, **kwargs: Any) -> Inspector:
        """Build ``self.app``; serve the API when ``run`` (the inspector process)."""
        self.app = self._build_app(self.service())
        super().__call__(run, **kwargs)
        return self

    def _build_app(self, service: InspectorService) -> Sanic:
        from sanic.app import Sanic  # sanic.app imports this module

        app = Sanic("Inspector")

        async def answer(request: Request, action: str = "") -> HTTPResponse:
            if request.method == "POST":
                logger.info("Incoming inspector action: %s", action)
            reply = await service.respond(
                request.method, request.path, dict(request.headers), request.body or b""
            )
            return HTTPResponse(reply.body, status=reply.status, headers=reply.headers,
                                content_type=reply.content_type)

        app.add_route(answer, "/", methods=["GET"], name="info")
        app.add_route(answer, "/<action:str>", methods=["POST"], name="action")
        return app


__all__ = ["Inspector"]
