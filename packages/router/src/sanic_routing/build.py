"""URL building: a route plus parameter values -> a path, each value checked against
its parameter's type so that the built path resolves back to the same route."""

from __future__ import annotations

import typing as t
from urllib.parse import quote

from sanic_routing.exceptions import InvalidUsage
from sanic_routing.patterns import ExtParamInfo

if t.TYPE_CHECKING:  # pragma: no cover
    from sanic_routing.route import Route

__all__ = ["build_path"]


def build_path(route: Route, params: t.Mapping[str, t.Any]) -> str:
    """The route's path with every parameter replaced by its (checked, quoted) value."""
    delimiter = route.router.delimiter
    out = []
    for idx, part in enumerate(route.parts):
        info = route.defined_params.get(idx)
        if info is None:
            out.append(part)
            continue
        if info.name not in params:
            raise InvalidUsage(
                f"Cannot build {route.uri}: missing value for parameter {info.name!r}"
            )
        value = params[info.name]
        if isinstance(info, ExtParamInfo):
            text = _ext_value(route, info, value, params.get("ext"))
        else:
            text = str(value)
            if not info.pattern.match(text):
                # Worded as sanic-routing words it (the type is the cast's name).
                if info.regex:
                    raise InvalidUsage(
                        f'Value "{text}" for parameter `{info.name}` does not satisfy '
                        f"pattern {info.pattern.pattern}"
                    )
                raise InvalidUsage(
                    f'Value "{text}" for parameter `{info.name}` does not match pattern for '
                    f"type `{getattr(info.cast, '__name__', info.label)}`: "
                    f"{info.pattern.pattern}"
                )
            if not info.regex:
                try:
                    info.cast(text)
                except ValueError as exc:
                    raise InvalidUsage(
                        f"Cannot build {route.uri}: value {text!r} for parameter "
                        f"{info.name!r} is not a valid {info.label} ({exc})"
                    ) from None
        # A value that may span segments keeps its delimiters (a ``path`` parameter, or
        # an inline regex that matches them, e.g. ``<rest:[a-z/]+>``).
        spans = info.label == "path" or (info.regex and delimiter in info.label)
        safe = "/" if spans else ""
        out.append(quote(text, safe=safe + ":@!$&'()*+,;=-._~"))
    path = delimiter.join(out)
    return path if path.startswith(delimiter) else delimiter + path


def _ext_value(route: Route, info: ExtParamInfo, value: t.Any, extension: t.Any) -> str:
    text = str(value)
    if extension is None:
        if "." not in text:
            raise InvalidUsage(
                f"Cannot build {route.uri}: parameter {info.name!r} needs an extension; pass "
                f"ext=... or a value like 'name.{(info.ctx.allowed or ('txt',))[0]}'"
            )
        text, extension = text.rsplit(".", 1)
    extension = str(extension)
    if info.ctx.allowed and extension not in info.ctx.allowed:
        raise InvalidUsage(
            f"Cannot build {route.uri}: extension {extension!r} is not one of "
            f"{'|'.join(info.ctx.allowed)}"
        )
    try:
        if info.ctx.label != "str" or not text:
            info.ctx.cast(text)
    except ValueError as exc:
        raise InvalidUsage(
            f"Cannot build {route.uri}: file name {text!r} is not a valid {info.ctx.label} ({exc})"
        ) from None
    return f"{text}.{extension}"
