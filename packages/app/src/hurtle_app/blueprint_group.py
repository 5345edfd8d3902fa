"""``Blueprint.group(...)``: blueprints sharing a URL prefix, version and middleware."""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableSequence
from typing import Any, overload

from hurtle_app.blueprints import Blueprint
from hurtle_app.errors import NotAPath


def _join(*prefixes: str | None) -> str | None:
    parts = [p.strip("/") for p in prefixes if p and p.strip("/")]
    if not parts:
        # Keep a lone "/" (or None) as given by the innermost non-empty prefix.
        return next((p for p in reversed(prefixes) if p), None)
    return "/" + "/".join(parts)


def _pick(*values: Any) -> Any:
    return next((v for v in values if v is not None), None)


class BlueprintGroup(MutableSequence):
    """A list of blueprints (and nested groups) registered together."""

    def __init__(
        self,
        url_prefix: str | None = None,
        version: int | str | float | None = None,
        strict_slashes: bool | None = None,
        version_prefix: str = "/v",
        name_prefix: str | None = "",
    ) -> None:
        self._blueprints: list[Blueprint | BlueprintGroup] = []
        if url_prefix and not isinstance(url_prefix, str):
            raise NotAPath(f"A group's url_prefix is a str such as '/api', not {url_prefix!r}")
        self._url_prefix = url_prefix
        self._version = version
        self._strict_slashes = strict_slashes
        self._version_prefix = version_prefix
        self._name_prefix = name_prefix

    url_prefix = property(lambda self: self._url_prefix, doc="The group's URL prefix.")
    version = property(lambda self: self._version, doc="The group's API version.")
    strict_slashes = property(lambda self: self._strict_slashes, doc="Strict slashes default.")
    version_prefix = property(lambda self: self._version_prefix, doc="The version prefix.")
    name_prefix = property(lambda self: self._name_prefix, doc="Prefix for route names.")

    @property
    def blueprints(self) -> list[Blueprint | BlueprintGroup]:
        """The group's members as added: blueprints and nested groups (as Sanic lists them).

        The group's own list, as Sanic's: changing it changes the group.
        """
        return self._blueprints

    def _flat_blueprints(self) -> list[Blueprint]:
        """Every blueprint in the group, nested groups flattened."""
        flat: list[Blueprint] = []
        for item in self._blueprints:
            if isinstance(item, BlueprintGroup):
                flat.extend(item._flat_blueprints())
            else:
                flat.append(item)
        return flat

    # --- MutableSequence ------------------------------------------------------------------
    def _check(self, item: Any) -> Any:
        if not isinstance(item, (Blueprint, BlueprintGroup)):
            raise TypeError(f"A BlueprintGroup holds blueprints or groups, not {item!r}")
        return item

    @overload
    def __getitem__(self, index: int) -> Blueprint | BlueprintGroup: ...
    @overload
    def __getitem__(self, index: slice) -> list[Blueprint | BlueprintGroup]: ...
    def __getitem__(self, index: Any) -> Any:
        return self._blueprints[index]

    def __setitem__(self, index: Any, item: Any) -> None:
        self._blueprints[index] = self._check(item)

    def __delitem__(self, index: Any) -> None:
        del self._blueprints[index]

    def __len__(self) -> int:
        return len(self._blueprints)

    def __iter__(self) -> Iterator[Blueprint | BlueprintGroup]:
        return iter(self._blueprints)

    def insert(self, index: int, item: Blueprint | BlueprintGroup) -> None:
        """Insert a blueprint or group at ``index``."""
        self._blueprints.insert(index, self._check(item))

    def __repr__(self) -> str:
        return f"BlueprintGroup({self._blueprints!r}, url_prefix={self._url_prefix!r})"

    # --- registration ----------------------------------------------------------------------
    def registration_plan(
        self, options: dict[str, Any] | None = None
    ) -> list[tuple[Blueprint, dict[str, Any]]]:
        """Each blueprint with the options the group (and outer groups) give it.

        As Sanic: a member without its own version (or version prefix) takes the group's,
        else the one it was registered with; a member with its own gets the registration's,
        which a blueprint puts before its own (so ``app.blueprint(group, version=2)`` wins
        over a blueprint's version, not over the group's).
        """
        outer = options or {}
        url_prefix = _join(outer.get("url_prefix"), self._url_prefix)
        # As Sanic: the outermost name_prefix names the routes; inner ones are not joined.
        name_prefix = outer.get("name_prefix") or self._name_prefix
        plan: list[tuple[Blueprint, dict[str, Any]]] = []
        for item in self._blueprints:
            if item.version is None:
                version = _pick(self._version, outer.get("version"))
            else:
                version = outer.get("version")
            # Strict slashes: the member's own, else the group's, else the registration's.
            strict = _pick(item.strict_slashes, self._strict_slashes, outer.get("strict_slashes"))
            if item.version_prefix == "/v" and self._version_prefix != "/v":
                version_prefix = self._version_prefix
            else:
                version_prefix = outer.get("version_prefix")
            given = {
                "version": version,
                "strict_slashes": strict,
                "version_prefix": version_prefix,
                "name_prefix": name_prefix or None,
            }
            if isinstance(item, BlueprintGroup):
                plan.extend(item.registration_plan({**given, "url_prefix": url_prefix}))
                continue
            plan.append((item, {**given, "url_prefix": _join(url_prefix, item.url_prefix)}))
        return plan

    # --- shared hooks: applied to every blueprint in the group ------------------------------
    def middleware(self, *args: Any, **kwargs: Any) -> Any:
        """Register middleware on every blueprint of the group (each makes its own record).

        As Sanic's, the decorated name is left ``None``: the records are the blueprints'
        (``bp.middlewares``), not one the group could give back.
        """

        def register(func: Callable[..., Any], attach_to: str = "request") -> None:
            for bp in self._flat_blueprints():
                bp.middleware(func, attach_to, **kwargs)

        # ``attach_to`` may come by position or by keyword, with the function or without
        # (``group.middleware(fn, attach_to="response")``, ``group.middleware("response")``).
        if args and callable(args[0]):
            attach_to = args[1] if len(args) > 1 else kwargs.pop("attach_to", "request")
            return register(args[0], attach_to)
        attach_to = args[0] if args else kwargs.pop("attach_to", "request")
        return lambda func: register(func, attach_to)

    def on_request(self, middleware: Any = None, *, priority: int = 0) -> Any:
        """Register request middleware on every blueprint of the group (returns None)."""
        if callable(middleware):
            return self.middleware(middleware, "request", priority=priority)
        return lambda func: self.middleware(func, "request", priority=priority)

    def on_response(self, middleware: Any = None, *, priority: int = 0) -> Any:
        """Register response middleware on every blueprint of the group (returns None)."""
        if callable(middleware):
            return self.middleware(middleware, "response", priority=priority)
        return lambda func: self.middleware(func, "response", priority=priority)

    def exception(self, *exceptions: Any, **kwargs: Any) -> Callable[[Any], Any]:
        """Register an exception handler on every blueprint of the group.

        As Sanic's (and the group's ``middleware``), the decorated name is left ``None``:
        each member blueprint keeps its own handler record.
        """

        def decorator(handler: Any) -> None:
            for bp in self._flat_blueprints():
                bp.exception(*exceptions, **kwargs)(handler)

        return decorator


__all__ = ["BlueprintGroup"]
