"""Parameter types taken from a handler's annotations: ``/<uid>`` with ``uid: int``."""

from __future__ import annotations

import inspect
import re
import uuid
from collections.abc import Callable
from typing import Any

#: The annotations that type a bare ``<name>`` parameter, as in Sanic.
ANNOTATED_TYPES: dict[Any, str] = {str: "str", int: "int", float: "float", uuid.UUID: "uuid"}

_BARE_PARAMETER = re.compile(r"<([A-Za-z_][A-Za-z0-9_]*)>")


def typed_uri(uri: str, handler: Callable[..., Any]) -> str:
    """``uri`` with each untyped ``<name>`` given the type its handler annotates.

    Only real annotations count (a string one, as ``from __future__ import annotations``
    makes, is left alone, as in Sanic); a declared type always wins.
    """
    if "<" not in uri or getattr(handler, "view_class", None) is not None:
        return uri
    try:
        parameters = inspect.signature(handler).parameters
    except (TypeError, ValueError):
        return uri
    labels = {}
    for name, parameter in parameters.items():
        try:
            label = ANNOTATED_TYPES.get(parameter.annotation)
        except TypeError:  # an unhashable annotation
            label = None
        if label is not None:
            labels[name] = label
    if not labels:
        return uri

    def typed(found: re.Match[str]) -> str:
        name = found.group(1)
        label = labels.get(name)
        return f"<{name}:{label}>" if label else found.group(0)

    return _BARE_PARAMETER.sub(typed, uri)


__all__ = ["ANNOTATED_TYPES", "typed_uri"]
