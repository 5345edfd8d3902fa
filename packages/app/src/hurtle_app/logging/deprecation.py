"""``deprecation(message, version)``: warn about an API Sanic removes in ``version``."""

from __future__ import annotations

import sys
from warnings import warn_explicit

from hurtle_app.logging.color import Colors

# The module the warnings are attributed to: Sanic's, whose path (``sanic.logging.
# deprecation``) re-exports this function. Filters on Sanic's modules, a user's
# ``filterwarnings(..., module="sanic.*")``, pytest's ``ignore::DeprecationWarning:sanic.*``
# and ``config.DEPRECATION_FILTER``, then apply as under Sanic.
_MODULE = "sanic.logging.deprecation"
_REGISTRY: dict[object, object] = globals().setdefault("__warningregistry__", {})


def deprecation(message: str, version: float) -> None:
    """Emit a ``DeprecationWarning`` prefixed with the version that removes the API.

    As Sanic, the warning is raised from this module (named as Sanic's), so
    ``config.DEPRECATION_FILTER`` (a filter on the framework's modules) decides whether it
    shows.
    """
    # As Sanic: no version (None, 0, "") is left out of the prefix, and a message that is
    # not a str is a TypeError.
    # On a colour terminal (``Colors`` are empty strings otherwise) the label is red and
    # the message yellow, as Sanic's.
    prefix = f"[DEPRECATION v{version}] " if version else "[DEPRECATION] "
    text = Colors.RED + prefix + Colors.YELLOW + message + Colors.END
    line = sys._getframe().f_lineno + 1
    warn_explicit(text, DeprecationWarning, __file__, line, module=_MODULE, registry=_REGISTRY)


__all__ = ["deprecation"]
