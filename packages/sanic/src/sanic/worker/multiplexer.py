"""``sanic.worker.multiplexer``: ``app.m`` inside a worker."""

from hurtle_worker.multiplexer import WorkerMultiplexer

__all__ = ["WorkerMultiplexer"]
