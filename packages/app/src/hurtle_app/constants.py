"""Constants of the Sanic API (HTTP methods, local certificate creators), from the HTTP core."""

from hurtle_http.constants import *  # noqa: F403 - the same names, listed there once
from hurtle_http.constants import __all__ as __all__
