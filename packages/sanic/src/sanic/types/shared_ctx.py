"""``sanic.types.shared_ctx``: ``SharedContext``: state shared between worker processes."""

from hurtle_worker import SharedContext

__all__ = ["SharedContext"]
