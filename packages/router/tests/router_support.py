"""Helpers shared by the tests: a concrete router as frameworks define one."""

from __future__ import annotations

import typing as t

from sanic_routing import BaseRouter

HTTP_METHODS = ("GET", "POST", "PUT", "HEAD", "OPTIONS", "PATCH", "DELETE")


class Router(BaseRouter):
    """A concrete router with HTTP methods, as a web framework would define it."""

    DEFAULT_METHOD = "GET"
    ALLOWED_METHODS = HTTP_METHODS

    def get(self, path: str, method: str, host: str | None = None) -> t.Any:  # type: ignore[override]
        return self.resolve(path=path, method=method, extra={"host": host} if host else None)


def handler_named(name: str) -> t.Callable[..., t.Any]:
    def handler() -> str:
        return name

    handler.__name__ = name
    return handler


def make_router(*paths: str, unquote: bool = False, **kwargs: t.Any) -> Router:
    """A finalized router with one GET route per path, each handler named after its path."""
    router = Router(**kwargs)
    for path in paths:
        router.add(path, handler_named(path), methods=["GET"], unquote=unquote)
    router.finalize()
    return router
