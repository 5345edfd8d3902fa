"""URL building: a route plus parameter values -> a path, each value checked against
its parameter's type so that the built path resolves back to the same route."""

from __future__ import annotations

import typing as t
from urllib.parse import quote

from sanic_routing.exceptions import InvalidUsage, ParameterNameConflicts
from sanic_routing.patterns import ExtParamInfo, ParamInfo

if t.TYPE_CHECKING:  # pragma: no cover
    from sanic_routing.route import Route

__all__ = ["UnservableValue", "build_order", "build_path", "param_text"]


class UnservableValue(InvalidUsage):
    """A value that fits its parameter's pattern but that the route would answer with a
    404 (a cast that fails, an extension outside ``ext=a|b``). sanic-routing has no such
    check, so a URL builder reports these after every pattern and presence check."""


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
        text = param_text(route, info, params[info.name], params.get("ext"))
        # A value that may span segments keeps its delimiters (a ``path`` parameter, or
        # an inline regex that matches them, e.g. ``<rest:[a-z/]+>``).
        spans = info.label == "path" or (info.regex and delimiter in info.label)
        safe = "/" if spans else ""
        out.append(quote(text, safe=safe + ":@!$&'()*+,;=-._~"))
    # The parts follow the leading delimiter: an empty first value (strorempty) or a path
    # value starting with "/" keeps its segment ("//v1" for "/<p:strorempty>/v1" and ""),
    # so the URL resolves back to the route, as in sanic-routing.
    return delimiter + delimiter.join(out)


def build_order(route: Route) -> list[ParamInfo]:
    """The route's parameters in the order a URL builder checks them: ``route.params``
    (typed ones by pattern priority, then inline regexes), as sanic-routing orders them,
    so the first error reported is the one Sanic reports."""
    if route.params is not None:
        return list(route.params.values())
    names = [info.name for info in route.defined_params.values()]
    if len(set(names)) != len(names):
        # As Sanic: the error finalize() would raise, here before the router is finalized.
        raise ParameterNameConflicts(f"Duplicate named parameters in: {route._raw_path}")
    items = sorted(
        route.defined_params.items(), key=lambda item: (item[1].regex, item[1].priority, item[0])
    )
    return [info for _, info in items]


def param_text(route: Route, info: ParamInfo, value: t.Any, extension: t.Any = None) -> str:
    """The text ``value`` gives parameter ``info`` in a built path (unquoted);
    ``InvalidUsage`` when it does not fit the parameter's type."""
    if isinstance(info, ExtParamInfo):
        return _ext_value(route, info, value, extension)
    text = str(value)
    if not info.pattern.match(text):
        # Worded as sanic-routing words it: the type is the cast's name, and a parameter
        # cast by plain str (inline regex, strorempty, path) only "does not satisfy".
        if info.regex or info.cast is str:
            raise InvalidUsage(
                f'Value "{text}" for parameter `{info.name}` does not satisfy '
                f"pattern {info.pattern.pattern}"
            )
        raise _mismatch(info, text)
    if not info.regex:
        try:
            info.cast(text)
        except Exception as exc:  # a registered cast may raise anything
            raise UnservableValue(
                f"Cannot build {route.uri}: value {text!r} for parameter "
                f"{info.name!r} is not a valid {info.label} ({exc})"
            ) from None
    return text


def _mismatch(info: ParamInfo, text: str) -> InvalidUsage:
    return InvalidUsage(
        f'Value "{text}" for parameter `{info.name}` does not match pattern for '
        f"type `{getattr(info.cast, '__name__', info.label)}`: {info.pattern.pattern}"
    )


def _split_extension(text: str, count: int) -> tuple[str, str]:
    """``text`` as file name and extension, the extension being the last ``count``
    dot-separated parts (``ext=tar.gz`` takes two), as the router splits a request's value;
    a value with no more parts than that has an empty file name."""
    parts = text.rsplit(".", count)
    if len(parts) <= count:
        return "", text
    return parts[0], ".".join(parts[1:])


def _ext_value(route: Route, info: ExtParamInfo, value: t.Any, extension: t.Any) -> str:
    text = str(value)
    if extension is None:
        if not info.pattern.match(text):
            # As sanic-routing: a value without a (valid) extension does not match.
            raise _mismatch(info, text)
        text, extension = _split_extension(text, info.ctx.allowed_sub_count)
    extension = str(extension)
    if info.ctx.allowed and extension not in info.ctx.allowed:
        raise UnservableValue(
            f"Cannot build {route.uri}: extension {extension!r} is not one of "
            f"{'|'.join(info.ctx.allowed)}"
        )
    try:
        if info.ctx.label != "str" or not text:
            info.ctx.cast(text)
    except ValueError as exc:
        raise UnservableValue(
            f"Cannot build {route.uri}: file name {text!r} is not a valid {info.ctx.label} ({exc})"
        ) from None
    return f"{text}.{extension}"
