"""``sanic.models.ctx_types``: what ``app.repl_ctx`` holds."""

from hurtle_app.app_surface import REPLContext, REPLLocal

__all__ = ["REPLContext", "REPLLocal"]
