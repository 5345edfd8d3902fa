"""``sanic.startup``: start-up helpers."""

__all__: list[str] = []
