"""``VerbosityFilter``: drop records whose ``verbosity`` exceeds the app's verbosity."""

from __future__ import annotations

import logging


class VerbosityFilter(logging.Filter):
    """Lets a record through when its ``verbosity`` extra is at most ``self.verbosity``."""

    verbosity: int = 0

    def filter(self, record: logging.LogRecord) -> bool:
        """Whether to keep ``record``."""
        return getattr(record, "verbosity", 0) <= self.verbosity


__all__ = ["VerbosityFilter"]
