"""What Python 3.11 added and the stack uses, for Python 3.10 (which Sanic supports too)."""

from __future__ import annotations

import sys
from datetime import timezone
from enum import Enum

UTC = timezone.utc  # datetime.UTC (3.11) is this object

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:

    class StrEnum(str, Enum):
        """``enum.StrEnum`` of 3.11: members are strs, ``str()`` is the value, and
        ``auto()`` gives the lower-cased member name."""

        @staticmethod
        def _generate_next_value_(name: str, start: int, count: int, last_values: list) -> str:
            return name.lower()

        def __str__(self) -> str:
            return str.__str__(self)

        def __format__(self, format_spec: str) -> str:
            return str.__format__(str.__str__(self), format_spec)


__all__ = ["UTC", "StrEnum"]
