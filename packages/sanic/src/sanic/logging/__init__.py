"""``sanic.logging``: Logging: loggers, default config, formatters, filter, colours."""

__all__ = []
