"""The error page format a route's handler implies: the one response type its source returns.

As Sanic, a route left without ``error_format`` (or ``"auto"``) shows its errors in the
format of the only response maker (``json``, ``html``, ``text``, ``JSONResponse``) its
handler returns. The source is read as Python: a ``return`` counts when its value is a call
of one of those names (``return json(x)``, ``return (json(x))``, ``return json (x)``), in
the handler or any function defined in it; ``return json(x), 201``, ``return json(x) if a
else b``, ``return response.json(x)`` and text in strings or comments do not.
"""

from __future__ import annotations

import ast
from inspect import getsource, unwrap
from textwrap import dedent
from typing import Any

_RESPONSE_FORMATS = {"json": "json", "html": "html", "text": "text", "JSONResponse": "json"}


def guess_error_format(extra: Any, fallback: str) -> str:
    """The error page format of a route: what its handler returns, else the config's.

    As in Sanic, the handler's own response type wins even over a fixed
    ``FALLBACK_ERROR_FORMAT`` (a route returning ``text()`` answers errors in text).
    """
    if extra.websocket or extra.static:
        return fallback
    return implied_error_format(getattr(extra, "original_handler", None)) or fallback


def implied_error_format(handler: Any) -> str:
    """The only response type (``json``, ``html``, ``text``) ``handler``'s source returns;
    ``""`` for none, several, or no source to read."""
    if handler is None:
        return ""
    # PERF: one source read per handler, not per route (apps register one handler on
    # many routes; getsource tokenizes the function each time: benchmarks/run.py start-up)
    # The key is the code getsource reads: that of the function a decorator wraps
    # (functools.wraps), as every handler a decorator returns shares its inner code.
    try:
        key = getattr(unwrap(handler), "__code__", None)
    except ValueError:  # a __wrapped__ cycle
        key = None
    found = _formats_by_code.get(key) if key is not None else None
    if found is None:
        try:
            tree = ast.parse(dedent(getsource(handler)))
        except Exception:
            # OSError/TypeError: no source; and where the file the code names is not the
            # code's (exec of compiled text), reading it can fail in tokenize (3.12+:
            # TokenError), or the lines read are not a whole statement (SyntaxError): no
            # guess then, as with no source.
            return ""
        found = frozenset(
            _RESPONSE_FORMATS[node.value.func.id]
            for node in ast.walk(tree)
            if isinstance(node, ast.Return)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id in _RESPONSE_FORMATS
        )
        if key is not None and len(_formats_by_code) < 4096:
            _formats_by_code[key] = found
    return next(iter(found)) if len(found) == 1 else ""


_formats_by_code: dict[Any, frozenset[str]] = {}
