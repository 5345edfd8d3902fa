"""Small helpers: path <-> parts, the immutable dict, the parameter basket."""

from __future__ import annotations

import typing as t
from urllib.parse import quote, unquote

from sanic_routing.exceptions import InvalidUsage, NotFound
from sanic_routing.patterns import ParamInfo

if t.TYPE_CHECKING:  # pragma: no cover
    from sanic_routing.route import Route

__all__ = [
    "Immutable",
    "parse_parameter_basket",
    "parts_to_path",
    "path_to_parts",
    "quote",
    "unquote",
]


class Immutable(dict):
    """A dict that refuses item assignment and deletion once built."""

    def __setitem__(self, *args: t.Any) -> None:
        raise InvalidUsage("Route requirements cannot be changed after the route is created")

    def __delitem__(self, *args: t.Any) -> None:
        raise InvalidUsage("Route requirements cannot be changed after the route is created")


def path_to_parts(path: str, delimiter: str = "/") -> tuple[str, ...]:
    """Split a path on the delimiter, keeping each ``<param:regex>`` whole even if the
    regex contains the delimiter."""
    parts: list[str] = []
    current: list[str] = []
    in_param = False
    i, n, dlen = 0, len(path), len(delimiter)
    while i < n:
        if not in_param and path.startswith(delimiter, i):
            parts.append("".join(current))
            current = []
            i += dlen
            continue
        char = path[i]
        if not in_param and char == "<" and not current:
            in_param = True
        elif in_param and char == ">":
            nxt = i + 1
            if nxt == n or path.startswith(delimiter, nxt):
                in_param = False
        current.append(char)
        i += 1
    parts.append("".join(current))
    return tuple(parts)


def parts_to_path(parts: t.Sequence[str], delimiter: str = "/") -> str:
    """Join parts back into a path (the inverse of :func:`path_to_parts`)."""
    return delimiter.join(parts)


def parse_parameter_basket(
    route: Route, basket: dict[t.Any, t.Any], raw_path: str | None = None
) -> dict[str, t.Any]:
    """Turn what the matcher collected (``__matches__`` by segment index, or
    ``__params__`` from a regex) into the route's typed parameters."""
    params: dict[str, t.Any] = {}
    if not route.params:
        return params
    regex_params = basket.get("__params__")
    if regex_params:
        # In path order, as the regex's groups (``route.params`` puts regex ones last).
        for info in route.defined_params.values():
            raw = regex_params[info.name]
            if raw is not None and route.unquote:
                raw = unquote(raw)
            if info.regex or raw is None:
                value: t.Any = raw
                if raw is not None and info.regex and info.pattern.groups == 1:
                    # `<ext:file\.(txt)>`: an unnamed group's match is the value.
                    if not info.pattern.groupindex:
                        found = info.pattern.match(raw)
                        value = found.group(1) if found is not None else raw
            else:
                try:
                    value = info.cast(raw)
                except ValueError:
                    raise NotFound(
                        f"Invalid value for parameter {info.name!r} of {route.uri}: {raw!r}"
                    ) from None
            info.process(params, value)
    else:
        matches = basket["__matches__"]
        unquoting = route.unquote
        for idx, info in route.params.items():
            value = matches[idx]
            if unquoting and value.__class__ is str and "%" in value:
                value = unquote(value)
            if info.__class__ is ParamInfo:
                params[info.name] = value
            else:
                info.process(params, value)
    return params
