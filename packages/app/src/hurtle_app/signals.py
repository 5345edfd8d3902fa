"""Signals: named events (``"a.b.c"``) with handlers, dispatched inline or as tasks.

``SignalRouter.add`` records a handler for an event (parts may be dynamic, ``<name>``);
``finalize`` freezes the registrations; ``dispatch`` runs every matching handler in
priority order and wakes ``SignalWaiter``s (``app.event(...)``). ``has(event)`` is the
cheap check the request path uses so that built-in events cost nothing when unused.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from enum import Enum
from types import SimpleNamespace
from typing import Any, NoReturn
from urllib.parse import unquote

from hurtle_app.sequence import next_registration
from hurtle_http.exceptions import InvalidSignal
from sanic_routing import BaseRouter
from sanic_routing.exceptions import InvalidUsage, NotFound
from sanic_routing.patterns import REGEX_TYPES

SignalHandler = Callable[..., Any]
GENERIC_SIGNAL_FORMAT = "__generic__.__signal__.%s"
#: The signal every finalized router holds (as Sanic's: it counts in ``routes``).
INIT_SIGNAL = "sanic.__signal__.__init__"
#: The last part of a signal, as Sanic's router keys and reports it.
_TRIGGER = "__trigger__"
_DYNAMIC_KEY = "<__dynamic__:str>"
#: The condition key that ties a blueprint's signals to it (``bp.dispatch`` adds it).
BLUEPRINT_CONDITION = "__blueprint__"


class Event(Enum):
    """The built-in events the framework and the HTTP core dispatch."""

    SERVER_EXCEPTION_REPORT = "server.exception.report"
    SERVER_INIT_AFTER = "server.init.after"
    SERVER_INIT_BEFORE = "server.init.before"
    SERVER_SHUTDOWN_AFTER = "server.shutdown.after"
    SERVER_SHUTDOWN_BEFORE = "server.shutdown.before"
    HTTP_LIFECYCLE_BEGIN = "http.lifecycle.begin"
    HTTP_LIFECYCLE_COMPLETE = "http.lifecycle.complete"
    HTTP_LIFECYCLE_EXCEPTION = "http.lifecycle.exception"
    HTTP_LIFECYCLE_HANDLE = "http.lifecycle.handle"
    HTTP_LIFECYCLE_READ_BODY = "http.lifecycle.read_body"
    HTTP_LIFECYCLE_READ_HEAD = "http.lifecycle.read_head"
    HTTP_LIFECYCLE_REQUEST = "http.lifecycle.request"
    HTTP_LIFECYCLE_RESPONSE = "http.lifecycle.response"
    HTTP_ROUTING_AFTER = "http.routing.after"
    HTTP_ROUTING_BEFORE = "http.routing.before"
    HTTP_HANDLER_AFTER = "http.handler.after"
    HTTP_HANDLER_BEFORE = "http.handler.before"
    HTTP_LIFECYCLE_SEND = "http.lifecycle.send"
    HTTP_MIDDLEWARE_AFTER = "http.middleware.after"
    HTTP_MIDDLEWARE_BEFORE = "http.middleware.before"
    WEBSOCKET_HANDLER_AFTER = "websocket.handler.after"
    WEBSOCKET_HANDLER_BEFORE = "websocket.handler.before"
    WEBSOCKET_HANDLER_EXCEPTION = "websocket.handler.exception"


#: The event a handler's error is reported to (``app.report_exception``).
REPORT_EVENT = Event.SERVER_EXCEPTION_REPORT.value


_by_namespace: dict[str, tuple[str, ...]] = {}
for _event in Event:
    _namespace = _event.value.split(".", 1)[0]
    _by_namespace[_namespace] = (*_by_namespace.get(_namespace, ()), _event.value)
#: The built-in events of each reserved namespace. As Sanic's: tuples in Event order, but
#: ``websocket``'s is a set.
RESERVED_NAMESPACES: dict[str, tuple[str, ...] | set[str]] = {
    namespace: set(events) if namespace == "websocket" else events
    for namespace, events in _by_namespace.items()
}
_BUILTIN_EVENTS = frozenset(event.value for event in Event)


def _is_dynamic(part: str) -> bool:
    # As Sanic: a part without a parameter name (``<>``, ``<:int>``) is a literal.
    return len(part) > 2 and part[0] == "<" and part[-1] == ">" and part[1] != ":"


def _event_parts(event: str) -> list[str]:
    """A signal definition's dotted parts. As Sanic, the dots from its first ``<`` to its
    last ``>`` are a parameter's own (``a.b.<p:a.*>`` has three parts)."""
    start, end = event.find("<"), event.rfind(">")
    if start < 0 or end < start or "." not in event[start:end]:
        return event.split(".")
    head, tail = event[:start].split("."), event[end + 1 :].split(".")
    head[-1] += event[start : end + 1] + tail[0]
    return head + tail[1:]


_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _check_declaration(part: str) -> None:
    """Refuse a malformed parameter in a signal's last part, as Sanic does."""
    if not part.startswith("<"):
        return
    inner = part[1:-1]
    name = inner.partition(":")[0]
    if not name:
        return  # ``<``, ``<>``, ``<:int>``: a literal part (Sanic's reading)
    if not part.endswith(">") or not _PARAM_NAME.fullmatch(name):
        # As Sanic: ``<x:int`` (unclosed), ``<user-id>``, ``<1x>``, ``<x>y``
        raise InvalidUsage(f"Invalid declaration: {part}")
    if inner.count(":") > 1:
        raise ValueError(f"A signal parameter is <name> or <name:type>, not {part}")


class _Param:
    """A dynamic part ``<name>`` / ``<name:type>``: how it matches and what it casts to."""

    __slots__ = ("name", "kind", "cast", "pattern", "precedence")

    def __init__(self, definition: str) -> None:
        name, _, kind = definition[1:-1].partition(":")
        self.name = name
        kind = self.kind = kind or "str"
        if kind in REGEX_TYPES:
            self.cast, self.pattern, _ = REGEX_TYPES[kind]
            self.precedence = _TYPE_ORDER.index(kind) + 1
        else:  # an inline regular expression
            self.cast, self.pattern = str, re.compile(f"^{kind}$")
            # As Sanic: any built-in type, ``str`` too, wins over an inline pattern.
            self.precedence = 0

    def convert(self, part: str) -> Any:
        """The part cast to the parameter's type; ``ValueError`` when it does not match."""
        if not self.pattern.match(part):
            raise ValueError(part)
        return self.cast(part)


_TYPE_ORDER = tuple(REGEX_TYPES)
_STR_PRECEDENCE = _TYPE_ORDER.index("str") + 1
_STR_PATTERN = REGEX_TYPES["str"][1]


class Signal:
    """One handler registered for one event definition (``"a.b.c"`` or with ``<param>``)."""

    __slots__ = (
        "name",
        "path",
        "handler",
        "requirements",
        "unconditioned",
        "ctx",
        "parts",
        "params",
        "priority",
        "order",
    )

    def __init__(
        self,
        event: str,
        handler: SignalHandler,
        requirements: dict[str, Any] | None,
        exclusive: bool,
        priority: int,
        order: int,
    ) -> None:
        self.handler = handler
        # As Sanic: a signal added on the router without a condition runs only for a
        # dispatch without one (``condition={}`` passes it by).
        self.unconditioned = requirements is None
        try:
            self.requirements = dict(requirements or {})
        except (TypeError, ValueError) as exc:
            # The type dict() raised (as Sanic's), with what to write instead.
            raise type(exc)(
                f"A signal's condition is a dict, such as condition={{'key': 'value'}}, "
                f"not {requirements!r}"
            ) from None
        self.parts = tuple(_event_parts(event))
        # The dynamic parts by position (Sanic allows one, in the last part).
        self.params = {i: _Param(p) for i, p in enumerate(self.parts) if _is_dynamic(p)}
        self.priority = priority
        self.order = order
        # As Sanic's records: a dynamic signal is named ``a.b.*`` and its path spells the
        # type; a static one's path is its group's (``a.b.<__trigger__:str>``).
        last = self.params.get(len(self.parts) - 1)
        prefix = ".".join(self.parts[:-1])
        # (Sanic's ``*`` stands for any last part written with a ``<``, even a literal one)
        self.name = f"{prefix}.*" if self.parts[-1].startswith("<") else event
        self.path = f"{prefix}.<{last.name}:{last.kind}>" if last else f"{prefix}.<{_TRIGGER}:str>"
        self.ctx = SimpleNamespace(
            exclusive=exclusive,
            definition=event,
            trigger=last.name if last else "",
            priority=priority,
        )

    @property
    def extra(self) -> SimpleNamespace:
        """Alias of ``ctx`` (where routes keep framework data)."""
        return self.ctx

    @property
    def precedence(self) -> tuple[int, ...]:
        """How specific the last part is (``int`` wins over ``str``, as in routing); a
        static last part counts as a ``str`` parameter, as in Sanic."""
        if not self.params:
            return (_STR_PRECEDENCE,)
        return tuple(param.precedence for param in self.params.values())

    @property
    def kind(self) -> str:
        """The type of the last part (``str`` for a static one): one group per type."""
        return self.params[len(self.parts) - 1].kind if self.params else "str"

    def accepts(self, parts: tuple[str, ...]) -> dict[str, Any] | None:
        """The cast parameters when ``parts`` falls in this signal's group (same namespace,
        a last part its type takes: any ``str`` for a static one), else ``None``."""
        if len(parts) != len(self.parts) or parts[:-1] != self.parts[:-1]:
            return None
        if not self.params:
            return {} if _STR_PATTERN.match(parts[-1]) else None
        return self.match(parts)

    def match(self, parts: tuple[str, ...]) -> dict[str, Any] | None:
        """The cast parameters when this definition matches the event's parts, else ``None``."""
        if len(parts) != len(self.parts):
            return None
        values: dict[str, Any] = {}
        for i, (pattern, part) in enumerate(zip(self.parts, parts, strict=True)):
            param = self.params.get(i)
            if param is None:
                if pattern != part:
                    return None
                continue
            try:
                values[param.name] = param.convert(part)
            except (ValueError, TypeError):
                return None
        return values

    def matches_event(self, parts: tuple[str, ...]) -> bool:
        """Whether this signal's definition matches the dispatched event's parts."""
        return self.match(parts) is not None

    def matches_condition(self, condition: dict[str, Any] | None) -> bool:
        """Exclusive signals need the same condition; others run without one, too."""
        if self.unconditioned:
            return condition is None
        if self.ctx.exclusive:
            return self.requirements == (condition or {})
        # As Sanic: an empty condition is a condition (only a signal without one runs).
        return condition is None or self.requirements == condition

    def __repr__(self) -> str:
        return f"<Signal: {self.ctx.definition} handler={getattr(self.handler, '__name__', self.handler)}>"


def _no_handler(**_: Any) -> None:
    return None


class SignalGroup(list):
    """The signals one dispatched event runs, in order."""


def _event_matches(definition: str, event: str) -> bool:
    """Whether a dispatched ``event`` matches a waited-for definition (``*``: any part)."""
    wanted, parts = _event_parts(definition), event.split(".")
    if len(wanted) != len(parts):
        return False
    if "*" in wanted:
        return all(w == "*" or w == p or _is_dynamic(w) for w, p in zip(wanted, parts, strict=True))
    return Signal(definition, _no_handler, None, True, 0, 0).match(tuple(parts)) is not None


class SignalWaiter:
    """A pending ``app.event(...)``: resolved with the dispatch context of the next match."""

    def __init__(
        self,
        signal: Signal | None,
        event_definition: str,
        trigger: str = "",
        requirements: dict[str, str] | None = None,
        exclusive: bool = True,
        future: asyncio.Future[Any] | None = None,
    ) -> None:
        self.signal = signal
        self.event_definition = event_definition
        self.trigger = trigger
        self.requirements = requirements
        self.exclusive = exclusive
        self.future = future

    async def wait(self) -> Any:
        """Wait for the event; returns the context it was dispatched with."""
        if self.future is None:
            self.future = asyncio.get_running_loop().create_future()
        return await self.future

    def matches(
        self,
        event: str,
        condition: dict[str, Any] | None,
        signals: tuple[Signal, ...] | None = None,
    ) -> bool:
        """Whether a dispatch of ``event`` (reaching ``signals``) with ``condition``
        resolves this waiter."""
        if self.signal is not None and signals is not None:
            # As Sanic: a wait is on the signal it found, so a dispatch reaching that signal
            # wakes it whatever the wait's own type (`a.b.<x:int>` on an `a.b.<x>` signal
            # is woken by `a.b.zz`), and one reaching no signal does not.
            if self.signal not in signals:
                return False
        elif not _event_matches(self.event_definition, event):
            return False
        # As Sanic: a dispatch without a condition wakes a wait without one (or any, when
        # not exclusive); one with a condition, even {}, wakes a wait for that condition.
        if condition is None:
            return not self.exclusive or not self.requirements
        return self.requirements is not None and self.requirements == condition


#: What a dispatch of one event runs, the parameters they get, and the group they are of.
_Resolved = tuple[tuple[Signal, ...], dict[str, Any], tuple[Signal, ...]]


class SignalRouter(BaseRouter):
    """Holds the signal handlers of one app and dispatches events to them."""

    def __init__(self) -> None:
        super().__init__(delimiter=".", stacking=True)
        if getattr(self, "ctx", None) is None:
            self.ctx = SimpleNamespace()
        self.allow_fail_builtin = True
        self._signals: list[Signal] = []
        self._by_event: dict[str, _Resolved] = {}
        self._waiters: list[SignalWaiter] = []
        self._signal_finalized = False

    @property
    def finalized(self) -> bool:
        """Whether ``finalize()`` ran since the last registration."""
        return self._signal_finalized

    @finalized.setter
    def finalized(self, value: bool) -> None:
        self._signal_finalized = bool(value)

    # -- events -----------------------------------------------------------------------

    @staticmethod
    def format_event(event: str | Enum) -> str:
        """The canonical event name: enum value; one-word events get a generic namespace."""
        name = str(event.value) if isinstance(event, Enum) else str(event)
        if "." not in name:
            name = GENERIC_SIGNAL_FORMAT % name
        return name

    def _check_event(self, event: str) -> None:
        parts = _event_parts(event)
        # As Sanic: three parts, the first two not dynamic, and a namespace (``.a.b`` is
        # refused; an empty second or third part is taken).
        if (
            len(parts) != 3
            or not parts[0]
            or any(part.startswith("<") for part in parts[:2])
            # As Sanic: a ``>`` without its ``<`` (``a.b.x>``) outside the namespace
            or any(">" in part and "<" not in part for part in parts[1:])
        ):
            raise InvalidSignal(f"Invalid signal event: {event}")
        if parts[0] in RESERVED_NAMESPACES and event not in _BUILTIN_EVENTS:
            raise InvalidSignal(f"Cannot declare reserved signal event: {event}")

    # -- registration -----------------------------------------------------------------

    def add(  # type: ignore[override]
        self,
        handler: SignalHandler,
        event: str | Enum,
        condition: dict[str, Any] | None = None,
        exclusive: bool = True,
        *,
        priority: int = 0,
    ) -> Signal:
        """Register ``handler(**context)`` for ``event``; returns the ``Signal``."""
        if not isinstance(event, (str, Enum)):
            # Sanic fails reading it as a string (a TypeError); the same type, saying why.
            raise TypeError(
                "A signal event is a string of three dotted parts, such as "
                f"'my.event.happened', or a sanic.signals.Event; not {event!r}"
            )
        name = self.format_event(event)
        self._check_event(name)
        _check_declaration(_event_parts(name)[-1])
        signal = Signal(name, handler, condition, exclusive, priority, next_registration())
        self._check_priority(signal)
        self._signals.append(signal)
        self._by_event.clear()
        return signal

    def _check_priority(self, signal: Signal) -> None:
        """Refuse ``signal`` when its priority cannot be ordered with that of a signal of
        the same group (the group ``_resolve`` sorts: same namespace, same type of last
        part, a static one counting as ``str``: ``a.b.c``, ``a.b.d`` and ``a.b.<x>``
        share one), as Sanic refuses it here with a TypeError; the signals already added
        stay."""
        for other in self._signals:
            if other.parts[:-1] != signal.parts[:-1] or other.kind != signal.kind:
                continue
            try:
                other.priority < signal.priority  # noqa: B015 (only whether it orders)
                signal.priority < other.priority  # noqa: B015
            except TypeError:
                raise TypeError(
                    f"Signal {signal.ctx.definition!r}: priority={signal.priority!r} cannot be ordered "
                    f"with priority={other.priority!r} of signal {other.ctx.definition!r} of the same "
                    "group; give each an int"
                ) from None

    @property
    def routes(self) -> tuple[Signal, ...]:  # type: ignore[override]
        """Every registered signal (Sanic's router calls them routes)."""
        return tuple(self._signals)

    @routes.setter
    def routes(self, value: Any) -> None:
        # The base router may initialise ``routes``; signals keep their own list.
        return None

    @property
    def dynamic_routes(self) -> dict[tuple[str, ...], SignalGroup]:  # type: ignore[override]
        """The signals grouped as Sanic's router groups them: by their first two parts
        (the last part of every signal is a parameter there)."""
        groups: dict[tuple[str, ...], SignalGroup] = {}
        for signal in self._signals:
            key = (*signal.parts[:-1], _DYNAMIC_KEY)
            groups.setdefault(key, SignalGroup()).append(signal)
        return groups

    @dynamic_routes.setter
    def dynamic_routes(self, value: Any) -> None:
        return None

    def finalize(self, do_compile: bool = True, do_optimize: bool = False) -> None:  # type: ignore[override]
        """Freeze the registrations and index the built-in events (inside the event loop)."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError("Cannot finalize signals outside of event loop") from None
        self.freeze()

    def freeze(self) -> None:
        """``finalize`` without the event-loop check (the app's start-up uses it)."""
        if not any(s.name == INIT_SIGNAL for s in self._signals):
            # Sanic's finalized router holds this one signal of its own; apps and their
            # tests that count ``routes`` see it
            self._signals.append(Signal(INIT_SIGNAL, _no_handler, None, True, 0, -1))
        self._by_event.clear()
        for event in _BUILTIN_EVENTS:
            self._signals_for(event)
        self._signal_finalized = True

    def reset(self) -> None:
        """Forget every signal and waiter."""
        self._signals.clear()
        self._by_event.clear()
        self._waiters.clear()
        self._signal_finalized = False

    @property
    def signals(self) -> tuple[Signal, ...]:
        """Every registered signal, in registration order."""
        return tuple(self._signals)

    def _signals_for(self, event: str) -> tuple[Signal, ...]:
        return self._resolve(event)[0]

    def _resolve(self, event: str) -> _Resolved:
        """The signals ``event`` runs (priority, then registration order), the parameters
        they all get, and the whole group they were chosen from.

        As in Sanic, a namespace's signals (``a.b.*``) form one group per type of their
        last part, a static one counting as ``str``; the most specific type that takes
        the event's last part wins (``<n:int>`` over ``<s>`` and ``a.b.7`` for ``a.b.7``),
        and every handler of that group gets the parameter as its last signal (by
        priority, then registration) names it: none when that signal is static.
        """
        found = self._by_event.get(event)
        if found is None:
            parts = tuple(event.split("."))
            taken: list[tuple[Signal, dict[str, Any]]] = []
            for s in self._signals:
                values = s.accepts(parts)
                if values is not None:
                    taken.append((s, values))
            best = max((s.precedence for s, _ in taken), default=())
            group = [(s, v) for s, v in taken if s.precedence == best]
            if len({s.kind for s, _ in group}) > 1:
                # As Sanic: of two inline patterns taking the part, the one that sorts first.
                kind = min(s.kind for s, _ in group)
                group = [(s, v) for s, v in group if s.kind == kind]
            # Two stable sorts, not a key of -priority: a priority need only be orderable
            # (Sanic takes priority="x" for a signal alone in its group).
            group.sort(key=lambda pair: pair[0].order)
            group.sort(key=lambda pair: pair[0].priority, reverse=True)
            params: dict[str, Any] = group[-1][1] if group else {}
            runs = tuple(s for s, _ in group if s.params or s.parts == parts)
            found = self._by_event[event] = (runs, params, tuple(s for s, _ in group))
        return found

    def resolved(self, event: str) -> tuple[Signal, ...]:
        """The signals dispatching ``event`` runs, by priority then registration order."""
        return self._resolve(event)[0]

    def notify(self, event: str, context: dict[str, Any]) -> None:
        """Wake the waiters of ``event`` (what a dispatch does before its handlers)."""
        if self._waiters:
            self._wake(event, context, None)

    @staticmethod
    async def run_one(signal: Signal, context: dict[str, Any]) -> Any:
        """Run one signal's handler as a dispatch without a condition would."""
        if not signal.matches_condition(None):
            return None
        value = signal.handler(**context)
        if asyncio.iscoroutine(value) or isinstance(value, asyncio.Future):
            value = await value
        return value

    def has(self, event: str | Enum) -> bool:
        """Whether dispatching ``event`` would run a handler or wake a waiter (cheap)."""
        name = event.value if isinstance(event, Enum) else event
        return bool(self._waiters) or bool(self._signals_for(self.format_event(name)))

    def get(  # type: ignore[override]
        self, event: str | Enum, condition: dict[str, str] | None = None
    ) -> tuple[SignalGroup, list[SignalHandler], dict[str, Any]]:
        """The group of signals ``event`` falls in, their handlers and the parameters a
        dispatch gives them (``NotFound`` if no group takes it).

        As Sanic's: the whole group (the signals a dispatch runs are among them), last
        to run first, whatever ``condition``.
        """
        name = self.format_event(event)
        _signals, params, whole = self._resolve(name)
        if not whole:
            raise NotFound(f"Could not find signal {name}")
        group = SignalGroup(reversed(whole))
        # As Sanic: the parameter as the group's last signal names it, a static one
        # under Sanic's trigger key.
        if not whole[-1].params:
            params = {_TRIGGER: name.rsplit(".", 1)[-1]}
        return group, [s.handler for s in group], dict(params)

    # -- waiting ----------------------------------------------------------------------

    def get_waiter(
        self,
        event: str | Enum,
        condition: dict[str, Any] | None = None,
        exclusive: bool = True,
        dispatched: bool = False,
    ) -> SignalWaiter | None:
        """A waiter for ``event``, or ``None`` when no signal is registered for it
        (``dispatched``: the event happens anyway, so a waiter without a signal will do)."""
        name = self._wait_name(self.format_event(event))
        signals = self._waitable(name)
        if not signals and not dispatched:
            return None
        return SignalWaiter(
            # As Sanic: a wait on a namespace's dynamic signals is on the last one defined
            # (``a.b.<x>`` beside ``a.b.<n:int>`` defined after it waits for ints).
            signals[-1] if signals else None,
            name,
            requirements=condition,
            exclusive=exclusive,
            future=asyncio.get_running_loop().create_future(),
        )

    @staticmethod
    def _wait_name(name: str) -> str:
        """The name a wait looks up: as Sanic, a percent-encoded dynamic one is decoded
        (``a.b.%3Cq%3E`` waits as ``a.b.<q>``); any other is taken as written."""
        if "%" in name:
            decoded = unquote(name)
            if _is_dynamic(decoded.rpartition(".")[2]):
                return decoded
        return name

    def _waitable(self, name: str) -> tuple[Signal, ...]:
        """The signals a wait for ``name`` can be woken by: those defined as ``name`` (a
        dynamic definition too), or matching its ``*``. As Sanic, a concrete value of a
        dynamic definition (``a.b.3`` for ``a.b.<n:int>``) has none: NotFound."""
        parts = _event_parts(name)
        if "*" in parts:
            # As Sanic: a `*` stands for a dynamic last part only (`a.b.*` waits on
            # `a.b.<x>`; beside a static `a.b.c` alone, or as `a.*.c`, it finds nothing).
            if len(parts) != 3 or parts.index("*") != 2:
                return ()
            return tuple(
                s
                for s in self._signals
                if len(s.parts) == 3 and s.parts[:2] == tuple(parts[:2]) and _is_dynamic(s.parts[2])
            )
        if len(parts) == 3 and _is_dynamic(parts[2]):
            # As Sanic: any dynamic last part names the group's dynamic signals
            # (``a.b.<q>`` waits on ``a.b.<p:int>``).
            return tuple(
                s
                for s in self._signals
                if len(s.parts) == 3 and s.parts[:2] == tuple(parts[:2]) and _is_dynamic(s.parts[2])
            )
        return tuple(s for s in self._signals if s.ctx.definition == name)

    def can_wait(self, event: str | Enum) -> bool:
        """Whether ``app.event(event)`` has a signal to wait on."""
        return bool(self._waitable(self._wait_name(self.format_event(event))))

    def refuse_wait(self, event: str | Enum) -> NoReturn:
        """Raise what waiting for ``event``, which has no signal, raises."""
        # As Sanic: a dotted name that is no valid event is InvalidSignal (two parts,
        # four, an undeclared reserved one); otherwise NotFound naming the event as given
        # (an Event member by its str(), ``Event.HTTP_LIFECYCLE_BEGIN``).
        name = str(event.value) if isinstance(event, Enum) else str(event)
        if "." in name:
            self._check_event(name)
        raise NotFound(f"Could not find signal {event}")

    def add_waiter(self, waiter: SignalWaiter) -> None:
        """Register ``waiter`` so the next matching dispatch resolves it."""
        self._waiters.append(waiter)

    def remove_waiter(self, waiter: SignalWaiter) -> None:
        """Forget ``waiter`` (after it resolved or timed out)."""
        if waiter in self._waiters:
            self._waiters.remove(waiter)

    async def wait_for(
        self,
        event: str | Enum,
        timeout: float | None = None,
        *,
        condition: dict[str, Any] | None = None,
        exclusive: bool = True,
        dispatched: bool = False,
    ) -> Any:
        """Wait for the next dispatch of ``event``; ``NotFound`` if it has no signal, unless
        it is ``dispatched`` anyway (a server event that has listeners)."""
        waiter = self.get_waiter(event, condition, exclusive, dispatched)
        if waiter is None:
            self.refuse_wait(event)
        self.add_waiter(waiter)
        try:
            return await asyncio.wait_for(waiter.wait(), timeout=timeout)
        finally:
            self.remove_waiter(waiter)

    def _wake(
        self,
        event: str,
        context: dict[str, Any],
        condition: Any,
        signals: tuple[Signal, ...] | None = None,
    ) -> None:
        for waiter in tuple(self._waiters):
            if waiter.signal is not None and signals is not None and not signals:
                # As Sanic: a wait on a signal is woken by a dispatch that reaches a signal
                # (`a.b.q` reaches no `a.b.<n:int>`, so a wait on `a.b.<n>` goes on).
                continue
            if (
                waiter.matches(event, condition, signals)
                and waiter.future
                and not waiter.future.done()
            ):
                waiter.future.set_result(dict(context))

    # -- dispatching ------------------------------------------------------------------

    async def _dispatch(
        self,
        event: str,
        context: dict[str, Any] | None = None,
        condition: dict[str, str] | None = None,
        fail_not_found: bool = True,
        reverse: bool = False,
    ) -> Any:
        signals, params, group = self._resolve(event)
        given = context or {}
        context = {**params, **given} if params else given
        if self._waiters:
            self._wake(event, context, condition, tuple(signals))
        if not signals:
            # As Sanic: an event of a group that none of its signals takes (``a.b.zz``
            # beside a static ``a.b.c``) runs nothing and is no ``NotFound``.
            if fail_not_found and not group:
                given_condition = f" with {condition}" if condition else ""
                raise NotFound(f"Could not find signal {event}{given_condition}")
            return None
        ordered = reversed(signals) if reverse else signals
        try:
            for signal in ordered:
                if not signal.matches_condition(condition):
                    continue
                value = signal.handler(**context)
                if asyncio.iscoroutine(value) or isinstance(value, asyncio.Future):
                    value = await value
                if value:
                    # As Sanic: the first handler returning a truthy value ends the
                    # dispatch (the later ones do not run) and gives its result.
                    return value
        except Exception as error:
            await self._report(event, error)
            raise
        return None

    async def _report(self, event: str, error: Exception) -> None:
        """As Sanic: a handler's error is handed to ``server.exception.report`` handlers
        by the dispatch it failed in (inline or not, caught by the caller or not: once per
        dispatch it goes through), and marked ``__dispatched__`` so that a request's error
        handling does not report it again."""
        if event != REPORT_EVENT and self.has(REPORT_EVENT):
            await self.dispatch(REPORT_EVENT, context={"exception": error}, fail_not_found=False)
        try:
            error.__dispatched__ = True  # type: ignore[attr-defined]
        except AttributeError:  # (an exception class with __slots__)
            pass

    async def dispatch(
        self,
        event: str | Enum,
        *,
        context: dict[str, Any] | None = None,
        condition: dict[str, str] | None = None,
        fail_not_found: bool = True,
        inline: bool = False,
        reverse: bool = False,
    ) -> asyncio.Task[Any] | Any:
        """Run the handlers of ``event`` with ``**context``.

        ``inline=True`` awaits them and returns the first non-``None`` result (raising
        their errors, and ``NotFound`` for an event without signals unless
        ``fail_not_found=False``); otherwise they run in a task, which is returned.
        """
        name = self.format_event(event)
        if inline:
            return await self._dispatch(name, context, condition, fail_not_found, reverse)
        task = asyncio.get_running_loop().create_task(
            self._dispatch(name, context, condition, False, reverse)
        )
        await asyncio.sleep(0)
        return task


__all__ = [
    "BLUEPRINT_CONDITION",
    "GENERIC_SIGNAL_FORMAT",
    "INIT_SIGNAL",
    "RESERVED_NAMESPACES",
    "Event",
    "Signal",
    "SignalGroup",
    "SignalHandler",
    "SignalRouter",
    "SignalWaiter",
]
