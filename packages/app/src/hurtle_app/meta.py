"""``SanicMeta``: the metaclass of the app and blueprint classes, as in Sanic.

It adds no behaviour; it is there because it is observable: ``type(Blueprint)`` is
``SanicMeta`` (``type(Sanic)`` its ``TouchUpMeta`` subclass), and a subclass asking for an
unrelated metaclass (``class App(Sanic, metaclass=Singleton)`` with ``Singleton(type)``)
fails with Python's metaclass conflict, as it does on Sanic.
"""

from __future__ import annotations


class SanicMeta(type):
    """The metaclass of ``Sanic`` and ``Blueprint`` (no behaviour of its own)."""


__all__ = ["SanicMeta"]
