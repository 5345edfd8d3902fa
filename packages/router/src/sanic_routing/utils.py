"""Small helpers: path <-> parts, the immutable dict, the parameter basket."""

from __future__ import annotations

import re
import typing as t
from urllib.parse import quote, unquote

from sanic_routing.exceptions import InvalidUsage, NotFound
from sanic_routing.patterns import REGEX_PARAM_NAME, REGEX_PARAM_NAME_EXT, ParamInfo

# Importable from here too, as from sanic-routing's utils.
_REEXPORTED = (InvalidUsage, REGEX_PARAM_NAME, REGEX_PARAM_NAME_EXT)

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
    """A dict that refuses item assignment and deletion once built (``TypeError``, as
    sanic-routing's)."""

    def __setitem__(self, *args: t.Any) -> None:
        raise TypeError("Cannot change immutable dict (route requirements are fixed)")

    def __delitem__(self, *args: t.Any) -> None:
        raise TypeError("Cannot change immutable dict (route requirements are fixed)")


# After a delimiter, a ``>`` reached before any ``<`` means the delimiter sits inside a
# parameter's regex (``<p:[a-z/]+>``), so it does not split. A ``<`` right after ``?``
# belongs to the regex itself (``(?<!js)``, ``(?P<name>``) and does not count.
_INSIDE_PARAMETER = re.compile(r"(?:\?<|[^<])*>")


def path_to_parts(path: str, delimiter: str = "/") -> tuple[str, ...]:
    """Split a route path into its parts, as sanic-routing does.

    Leading delimiters are dropped and the path is percent-decoded before splitting; a
    delimiter inside a ``<param:regex>`` does not split. Static parts come back
    percent-encoded (``"/π/<x>"`` -> ``("%CF%80", "<x>")``); parameter parts as written.
    """
    path = unquote(path.lstrip(delimiter))
    size = len(delimiter)
    raw: list[str] = []
    start = 0
    at = path.find(delimiter)
    while at != -1:
        if not _INSIDE_PARAMETER.match(path, at + size):
            raw.append(path[start:at])
            start = at + size
        at = path.find(delimiter, at + size)
    raw.append(path[start:])
    return tuple(part if part.startswith("<") else quote(part) for part in raw)


def invalid_declaration(part: str) -> InvalidUsage:
    """The error for a parameter part that is no ``<name>``, ``<name:type>`` or ext form."""
    return InvalidUsage(
        f"Invalid declaration: {part} (a parameter is written "
        "<name>, <name:type> or <name:regex>, the name a Python identifier)"
    )


def _declared(part: str) -> str:
    """A parameter part as sanic-routing writes it back: checked, and ``<x:>`` (an empty
    type) as ``<x>``."""
    ext = REGEX_PARAM_NAME_EXT.match(part)
    if ext:
        return ext.group(0)
    match = REGEX_PARAM_NAME.match(part)
    if not match:
        raise invalid_declaration(part)
    name, label = match.groups()
    return f"<{name}:{label}>" if label else f"<{name}>"


def parts_to_path(parts: t.Sequence[str], delimiter: str = "/") -> str:
    """Join parts back into a path with the delimiter. As sanic-routing's, a part starting
    with ``<`` must be a parameter declaration (``InvalidUsage`` otherwise: ``<1x>``,
    ``<x>y``), and is written in its short form."""
    return delimiter.join(_declared(part) if part[:1] == "<" else part for part in parts)


def _by_position(route: Route, regex_params: dict[str, t.Any], position: int) -> t.Any:
    """The value of ``route``'s parameter at ``position`` when another route of its group
    (same path shape, other parameter names: ``/a/<x:[a-z]+>/`` beside ``/a/<y:[a-z]+>``)
    matched the path with its own pattern, whose groups carry that route's names."""
    values = list(regex_params.values())
    if len(values) != len(route.defined_params):
        raise NotFound(f"Path does not fit the parameters of {route.uri}")
    return values[position]


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
        for position, info in enumerate(route.defined_params.values()):
            try:
                raw = regex_params[info.name]
            except KeyError:
                raw = _by_position(route, regex_params, position)
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
