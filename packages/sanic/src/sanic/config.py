"""``sanic.config``: App configuration."""

from hurtle_app.config import (
    DEFAULT_CONFIG,
    SANIC_PREFIX,
    Config,
    DescriptorMeta,
    DetailedConverter,
)

__all__ = ["DEFAULT_CONFIG", "SANIC_PREFIX", "Config", "DescriptorMeta", "DetailedConverter"]
