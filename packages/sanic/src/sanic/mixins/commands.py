"""``sanic.mixins.commands``: ``@app.command`` for ``sanic <app> exec``."""

from hurtle_app.futures import FutureCommand
from hurtle_app.registration import Registrar as CommandMixin
from sanic.base.meta import SanicMeta

__all__ = ["CommandMixin", "FutureCommand", "SanicMeta"]
