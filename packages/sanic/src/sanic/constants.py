"""``sanic.constants``: HTTP methods and other constants."""

from hurtle_app.constants import *  # noqa: F403 - the same names, listed there once
from hurtle_app.constants import __all__ as __all__
