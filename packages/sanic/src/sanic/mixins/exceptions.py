"""``sanic.mixins.exceptions``: ``@app.exception`` and ``all_exceptions``."""

from hurtle_app.futures import FutureException
from hurtle_app.registration import Registrar as ExceptionMixin
from sanic.base.meta import SanicMeta

__all__ = ["ExceptionMixin", "FutureException", "SanicMeta"]
