"""The settings the HTTP core reads, under Sanic's names, with Sanic's defaults.

The framework's ``Config`` starts from these; used alone, ``HttpConfig()`` is enough.
"""

from __future__ import annotations

from typing import Any

HTTP_DEFAULTS: dict[str, Any] = {
    "ACCESS_LOG": False,
    "FORWARDED_FOR_HEADER": "X-Forwarded-For",
    "FORWARDED_SECRET": None,
    "GRACEFUL_SHUTDOWN_TIMEOUT": 15.0,
    "GRACEFUL_TCP_CLOSE_TIMEOUT": 5.0,
    "KEEP_ALIVE": True,
    "KEEP_ALIVE_TIMEOUT": 120,
    "NOISY_EXCEPTIONS": False,
    "PROXIES_COUNT": None,
    "REAL_IP_HEADER": None,
    "REQUEST_BUFFER_SIZE": 65536,
    "REQUEST_ID_HEADER": "X-Request-ID",
    "REQUEST_MAX_HEADER_SIZE": 8192,
    "REQUEST_MAX_SIZE": 100_000_000,
    "REQUEST_TIMEOUT": 60,
    "RESPONSE_TIMEOUT": 60,
    "WEBSOCKET_MAX_SIZE": 2**20,
    "WEBSOCKET_PING_INTERVAL": 20,
    "WEBSOCKET_PING_TIMEOUT": 20,
}


def no_limit_if_nan(value: Any) -> Any:
    """A timeout setting as given, or ``None`` (no limit) if it is NaN, as in Sanic, where
    a deadline at NaN never comes (no comparison with NaN is true). Scheduled as is, a
    timer at NaN fails in uvloop (``ValueError``, logged) and runs at once, every loop
    turn, in asyncio."""
    return None if isinstance(value, float) and value != value else value


class HttpConfig(dict):
    """A dict of settings that also allows attribute access (``config.REQUEST_TIMEOUT``)."""

    def __init__(self, **overrides: Any) -> None:
        super().__init__(HTTP_DEFAULTS)
        self.update(overrides)

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"Config has no '{name}'") from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


__all__ = ["HTTP_DEFAULTS", "HttpConfig", "no_limit_if_nan"]
