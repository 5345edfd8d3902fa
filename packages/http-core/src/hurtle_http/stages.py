"""The request/response stage machine of one HTTP/1.1 connection, as data.

Theory of operation
-------------------
A connection handles one request at a time (RFC 9112 section 9.3: responses go out in
the order the requests came in, even when the client pipelines them).  ``Http`` keeps a
``Stage`` and moves it only through :data:`TRANSITIONS`; a (stage, event) pair missing
from the table is a protocol error and :func:`advance` raises ``ServerError`` for it, so
an impossible sequence (a second response head, a body after the end) fails loudly
instead of corrupting the byte stream.

    IDLE --begin--> REQUEST --head--> HANDLER --respond--> RESPONSE --end--> IDLE
                                         \\----------------end----------------/
    any --fail--> FAILED  (a response was half written; the connection must close)

``HANDLER --end--> IDLE`` is the common case: the handler's response goes out head and
body in one write.  ``REQUEST --error--> HANDLER`` lets a framing error (400, 413, 431...)
be answered through the same response path as a handler's response.
"""

from __future__ import annotations

from enum import Enum

from hurtle_http.exceptions import ServerError


class Stage(Enum):
    """Where a connection is in the request/response cycle."""

    # A plain Enum as in Sanic: a stage equals no int and has no order. The values and
    # the printed form are Sanic's (``Stage.HANDLER``, value 3).
    IDLE = 0  # Waiting for a request
    REQUEST = 1  # Request head being received
    HANDLER = 3  # Head done, handler running
    RESPONSE = 4  # Response head sent, body in progress
    FAILED = 100  # Unrecoverable (error while sending a response)

    # PERF: members are singletons compared by identity, so object's C-level hash is
    # consistent with equality; it keeps the (stage, event) table lookups on the hot path
    # as cheap as an int's hash (Enum.__hash__ is Python code). timeit of
    # ``TRANSITIONS[stage, event]``, 500k lookups on 3.11: IntEnum 0.099 s, Enum 0.105 s,
    # Enum with object's hash 0.054 s.
    __hash__ = object.__hash__


# The members as module names, for the hot path's identity tests (``stage is IDLE``).
IDLE, REQUEST, HANDLER, RESPONSE, FAILED = Stage

# Events, as interned strings (hash cached).
BEGIN = "begin"  # first byte of a request head arrived
HEAD = "head"  # a complete request head was accepted
ERROR = "error"  # a request could not be accepted; an error response follows
RESPOND = "respond"  # a response head was written, the body is still to come
END = "end"  # the response is complete
FAIL = "fail"  # writing the response failed half way

TRANSITIONS: dict[tuple[Stage, str], Stage] = {
    # RFC 9112 section 2.2: a server reads a request head after the connection opens or
    # after the previous response; anything before it is part of that head.
    (Stage.IDLE, BEGIN): Stage.REQUEST,
    # A pipelined head can be complete already when the previous response ends.
    (Stage.IDLE, HEAD): Stage.HANDLER,
    (Stage.REQUEST, HEAD): Stage.HANDLER,
    # Framing errors (RFC 9112 sections 6.3, 7.1) and timeouts are answered, then closed.
    (Stage.IDLE, ERROR): Stage.HANDLER,
    (Stage.REQUEST, ERROR): Stage.HANDLER,
    (Stage.HANDLER, ERROR): Stage.HANDLER,
    # RFC 9112 section 6: a response is a head, then a body framed by Content-Length or
    # chunked coding (or nothing, for HEAD, 1xx, 204 and 304).
    (Stage.HANDLER, RESPOND): Stage.RESPONSE,
    (Stage.HANDLER, END): Stage.IDLE,
    (Stage.RESPONSE, END): Stage.IDLE,
    (Stage.HANDLER, FAIL): Stage.FAILED,
    (Stage.RESPONSE, FAIL): Stage.FAILED,
    (Stage.FAILED, FAIL): Stage.FAILED,
}


def advance(stage: Stage, event: str) -> Stage:
    """The stage after ``event`` in ``stage``; raises ``ServerError`` if not allowed."""
    try:
        return TRANSITIONS[stage, event]
    except KeyError:
        raise ServerError(
            f"HTTP protocol error: cannot '{event}' while in stage {stage.name}"
        ) from None


__all__ = [
    "BEGIN",
    "END",
    "ERROR",
    "FAIL",
    "FAILED",
    "HANDLER",
    "HEAD",
    "IDLE",
    "REQUEST",
    "RESPOND",
    "RESPONSE",
    "TRANSITIONS",
    "Stage",
    "advance",
]
