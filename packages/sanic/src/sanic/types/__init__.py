"""``sanic.types``: Small data types."""


class HashableDict(dict):
    """A dict usable as a dict key or set member (hashed by its items)."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items())))


__all__ = ["HashableDict"]

from sanic._submodules import lazy_submodules as _lazy_submodules  # noqa: E402

__getattr__ = _lazy_submodules(__name__)
