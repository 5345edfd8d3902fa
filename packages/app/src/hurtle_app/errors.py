"""Registration errors that are both what Hurtle raises and what Sanic raised."""

from __future__ import annotations


class UnknownNameError(ValueError, KeyError):
    """An unknown listener event or middleware location.

    Sanic fails on a ``KeyError`` from an enum lookup here; this is a ``ValueError``
    with a message saying what is allowed, and a ``KeyError`` so code catching Sanic's
    type keeps working.
    """

    def __str__(self) -> str:
        # KeyError would show the message quoted, as a key.
        return str(self.args[0]) if self.args else ""


class NoExceptionsGiven(TypeError, IndexError):
    """``@app.exception()`` with no exception classes.

    Sanic fails on an ``IndexError`` when the handler is decorated; this is a ``TypeError``
    saying what to pass, and an ``IndexError`` so code catching Sanic's type keeps working.
    """


class ConfigNotAccepted(TypeError, AttributeError):
    """``Sanic(config=...)`` with an object that cannot be an app's config (a dict, a number).

    Sanic fails on an ``AttributeError`` about setting attributes on the app; this is a
    ``TypeError`` saying what to pass, and an ``AttributeError`` for code catching Sanic's.
    """


class NotABlueprint(TypeError, AttributeError):
    """``app.blueprint(x)`` with something that is not a blueprint or a group of them.

    Sanic fails on an ``AttributeError`` (no ``name``); this is a ``TypeError`` naming the
    object, and an ``AttributeError`` for code catching Sanic's type.
    """


class NotAPath(TypeError, AttributeError):
    """A route's uri or a blueprint's url_prefix that is not a string.

    Sanic fails on an ``AttributeError`` (no ``startswith``/``endswith``); this is a
    ``TypeError`` saying what to write, and an ``AttributeError`` for code catching Sanic's.
    """


class NotAHost(ValueError, TypeError):
    """A route's or blueprint's ``host`` that is neither a string nor an iterable of them.

    Sanic raises this ``ValueError`` for a route's host, and fails on a ``TypeError``
    (``'int' object is not iterable``) for a blueprint's; this is both, with the message.
    """


class ConfigSourceError(TypeError, AttributeError):
    """``update_config(x)`` with something settings cannot be read from (a number, None).

    Sanic fails on an ``AttributeError`` (no ``__dict__``); this is a ``TypeError`` naming
    what is taken, and an ``AttributeError`` for code catching Sanic's type.
    """


__all__ = ["ConfigNotAccepted", "ConfigSourceError", "NotABlueprint", "NotAHost", "NotAPath", "NoExceptionsGiven", "UnknownNameError"]
