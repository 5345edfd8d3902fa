"""SignalRouter: registration rules, dispatch order, conditions, waiters."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest

from hurtle_app.signals import RESERVED_NAMESPACES, Event, SignalRouter
from hurtle_http.exceptions import InvalidSignal
from sanic_routing.exceptions import NotFound


def recorder() -> tuple[list[Any], Any]:
    calls: list[Any] = []

    def make(name: str, result: Any = None) -> Any:
        async def handler(**context: Any) -> Any:
            calls.append((name, context))
            return result

        return handler

    return calls, make


def test_event_enum_lists_builtin_events() -> None:
    values = {event.value for event in Event}
    for name in (
        "http.lifecycle.begin", "http.lifecycle.read_head", "http.lifecycle.request",
        "http.lifecycle.handle", "http.lifecycle.read_body", "http.lifecycle.exception",
        "http.lifecycle.response", "http.lifecycle.send", "http.lifecycle.complete",
        "http.routing.before", "http.routing.after", "http.handler.before",
        "http.handler.after", "http.middleware.before", "http.middleware.after",
        "server.init.before", "server.init.after", "server.shutdown.before",
        "server.shutdown.after", "server.exception.report",
    ):  # fmt: skip
        assert name in values
    # A plain Enum, as Sanic's: not equal to its value, str() is the member's name.
    assert Event.HTTP_LIFECYCLE_BEGIN.value == "http.lifecycle.begin"
    assert Event.HTTP_LIFECYCLE_BEGIN != "http.lifecycle.begin"
    assert str(Event.HTTP_LIFECYCLE_BEGIN) == "Event.HTTP_LIFECYCLE_BEGIN"
    assert set(RESERVED_NAMESPACES) == {"http", "server", "websocket"}


def test_reserved_namespaces_hold_the_types_sanics_do() -> None:
    # As Sanic: tuples in Event order for "http" and "server", a set for "websocket"
    # (a tuple in Hurtle).
    assert RESERVED_NAMESPACES["server"][0] == "server.exception.report"
    assert isinstance(RESERVED_NAMESPACES["http"], tuple)
    assert RESERVED_NAMESPACES["websocket"] == {
        "websocket.handler.after",
        "websocket.handler.before",
        "websocket.handler.exception",
    }


@pytest.mark.parametrize(
    "event", ["foo.bar", "a.b.c.d", "a.<x>.c", "<x>.b.c", "a.<x>.<y>", ".a.b", ".."]
)
def test_malformed_events_are_refused(event: str) -> None:
    with pytest.raises(InvalidSignal) as info:
        SignalRouter().add(lambda **_: None, event)
    assert str(info.value) == f"Invalid signal event: {event}"


async def test_dynamic_parts_reach_the_handlers_cast() -> None:
    calls, make = recorder()
    router = SignalRouter()
    router.add(make("any"), "foo.bar.<thing>")
    router.add(make("num"), "foo.num.<n:int>")
    router.add(make("word"), "foo.num.<w>")
    router.finalize()
    await router.dispatch("foo.bar.baz", context={"a": 1}, inline=True)
    await router.dispatch("foo.num.7", inline=True)
    await router.dispatch("foo.num.seven", inline=True)
    assert calls == [
        ("any", {"thing": "baz", "a": 1}),
        ("num", {"n": 7}),
        ("word", {"w": "seven"}),
    ]


async def test_waiters_see_the_dynamic_parts() -> None:
    router = SignalRouter()
    router.add(lambda **_: None, "foo.bar.<thing>")
    router.finalize()
    waiting = asyncio.ensure_future(router.wait_for("foo.bar.<thing>", timeout=5))
    await asyncio.sleep(0)
    await router.dispatch("foo.bar.zz", inline=True)
    assert await waiting == {"thing": "zz"}


@pytest.mark.parametrize("event", ["http.lifecycle.nope", "server.foo.bar"])
def test_reserved_namespaces_only_take_builtin_events(event: str) -> None:
    with pytest.raises(InvalidSignal, match="Cannot declare reserved signal event"):
        SignalRouter().add(lambda **_: None, event)
    SignalRouter().add(lambda **_: None, Event.HTTP_LIFECYCLE_REQUEST)


def test_an_empty_second_or_third_part_is_taken() -> None:
    # As Sanic: only the namespace (first part) may not be empty.
    router = SignalRouter()
    router.add(lambda **_: None, "a..c")
    router.add(lambda **_: None, "a.b.")


def test_one_word_events_get_the_generic_namespace() -> None:
    router = SignalRouter()
    signal = router.add(lambda **_: None, "foo")
    assert signal.name == "__generic__.__signal__.foo"


async def test_handlers_run_in_priority_then_registration_order() -> None:
    calls, make = recorder()
    router = SignalRouter()
    router.add(make("h0"), "foo.bar.<thing>")
    router.add(make("h1"), "foo.bar.baz")
    router.add(make("h2"), "foo.bar.baz", priority=5)
    router.add(make("h3"), "foo.bar.<other>")
    router.finalize()
    result = await router.dispatch("foo.bar.baz", context={"a": 1}, inline=True)
    assert [name for name, _ in calls] == ["h2", "h0", "h1", "h3"]
    # As Sanic: every handler of the namespace's str group, static ones too, gets the
    # parameter as the group's last signal to run (``<other>``) names it.
    assert [kw for _, kw in calls] == [{"a": 1, "other": "baz"}] * 4
    assert result is None
    calls.clear()
    await router.dispatch("foo.bar.baz", inline=True, reverse=True)
    assert [name for name, _ in calls] == ["h3", "h1", "h0", "h2"]
    calls.clear()
    await router.dispatch("foo.bar.other", inline=True)
    assert [name for name, _ in calls] == ["h0", "h3"]


async def test_the_first_truthy_result_ends_the_dispatch() -> None:
    # As Sanic: handlers run in order until one returns a truthy value, which is the
    # dispatch's result; the later handlers do not run (Hurtle ran them all and returned
    # the first value that was not None, 0 and "" included).
    calls, make = recorder()
    router = SignalRouter()
    router.add(make("h0", 0), "foo.bar.baz")
    router.add(make("h1", ""), "foo.bar.baz")
    router.add(make("h2", "found"), "foo.bar.baz")
    router.add(make("h3", "late"), "foo.bar.baz")
    router.finalize()
    assert await router.dispatch("foo.bar.baz", inline=True) == "found"
    assert [name for name, _ in calls] == ["h0", "h1", "h2"]
    calls.clear()
    assert await router.dispatch("foo.bar.baz", inline=True, reverse=True) == "late"
    assert [name for name, _ in calls] == ["h3"]


async def test_conditions_exclusive_and_not() -> None:
    calls, make = recorder()
    router = SignalRouter()
    router.add(make("plain"), "foo.bar.<any>")
    router.add(make("cond"), "foo.bar.cond", condition={"x": "1"})
    router.add(make("loose"), "foo.bar.loose", condition={"x": "1"}, exclusive=False)
    router.finalize()

    async def ran(event: str, condition: dict[str, str] | None) -> list[str]:
        calls.clear()
        await router.dispatch(event, condition=condition, inline=True)
        return [name for name, _ in calls]

    assert await ran("foo.bar.cond", None) == ["plain"]
    assert await ran("foo.bar.cond", {"x": "1"}) == ["cond"]
    assert await ran("foo.bar.loose", None) == ["plain", "loose"]
    assert await ran("foo.bar.loose", {"x": "1"}) == ["loose"]
    assert await ran("foo.bar.loose", {"x": "2"}) == []


async def test_non_inline_dispatch_returns_a_task() -> None:
    calls, make = recorder()
    router = SignalRouter()
    router.add(make("h", "done"), "a.b.c")
    router.finalize()
    task = await router.dispatch("a.b.c")
    assert isinstance(task, asyncio.Task)
    assert await task == "done"
    missing = await router.dispatch("x.y.z")
    assert await missing is None


async def test_missing_event_inline_raises_unless_told_not_to() -> None:
    router = SignalRouter()
    router.finalize()
    with pytest.raises(NotFound, match="Could not find signal x.y.z"):
        await router.dispatch("x.y.z", inline=True)
    assert await router.dispatch("x.y.z", inline=True, fail_not_found=False) is None


async def test_missing_event_message_names_the_condition() -> None:
    # As Sanic: the inline NotFound says which condition found nothing (not for {}).
    router = SignalRouter()
    router.finalize()
    with pytest.raises(NotFound) as caught:
        await router.dispatch("x.y.z", condition={"k": "w"}, inline=True)
    assert str(caught.value) == "Could not find signal x.y.z with {'k': 'w'}"
    with pytest.raises(NotFound) as caught:
        await router.dispatch("x.y.z", condition={}, inline=True)
    assert str(caught.value) == "Could not find signal x.y.z"


@pytest.mark.parametrize(
    ("event", "error", "message"),
    [
        ("x.y", InvalidSignal, "Invalid signal event: x.y"),
        ("a.b.c.d", InvalidSignal, "Invalid signal event: a.b.c.d"),
        ("http.x.y", InvalidSignal, "Cannot declare reserved signal event: http.x.y"),
        ("bad", NotFound, "Could not find signal bad"),
        ("q.q.q", NotFound, "Could not find signal q.q.q"),
        (Event.HTTP_LIFECYCLE_BEGIN, NotFound, "Could not find signal Event.HTTP_LIFECYCLE_BEGIN"),
    ],
)
async def test_waiting_for_an_unknown_event_says_what_is_wrong_with_it(
    event: str | Event, error: type[Exception], message: str
) -> None:
    # As Sanic: a malformed or reserved name is InvalidSignal, not NotFound, and a one-word
    # event is named as given (not with the generic namespace it is stored under).
    router = SignalRouter()
    router.add(lambda **_: None, "a.b.c")
    router.finalize()
    with pytest.raises(error) as caught:
        await router.wait_for(event, timeout=0.01)
    assert str(caught.value) == message


async def test_handler_errors_propagate_inline_and_into_the_task() -> None:
    async def bad(**_: Any) -> None:
        raise ValueError("in signal")

    router = SignalRouter()
    router.add(bad, "a.b.e")
    with pytest.raises(ValueError, match="in signal"):
        await router.dispatch("a.b.e", inline=True)
    task = await router.dispatch("a.b.e")
    with pytest.raises(ValueError, match="in signal"):
        await task


async def test_sync_handlers_are_called_too() -> None:
    seen = []
    router = SignalRouter()
    router.add(lambda **ctx: seen.append(ctx), "a.b.c")
    await router.dispatch("a.b.c", context={"k": 1}, inline=True)
    assert seen == [{"k": 1}]


async def test_has_is_true_only_for_events_with_handlers() -> None:
    router = SignalRouter()
    router.add(lambda **_: None, Event.HTTP_LIFECYCLE_REQUEST)
    router.add(lambda **_: None, "my.event.<kind>")
    router.finalize()
    assert router.has("http.lifecycle.request")
    assert router.has(Event.HTTP_LIFECYCLE_REQUEST)
    assert not router.has("http.lifecycle.begin")
    assert router.has("my.event.custom")
    assert router.finalized


async def test_waiters_receive_the_dispatch_context() -> None:
    router = SignalRouter()
    router.add(lambda **_: None, "a.b.c")
    router.finalize()
    waiting = asyncio.ensure_future(router.wait_for("a.b.c", timeout=5))
    await asyncio.sleep(0)
    await router.dispatch("a.b.c", context={"k": 1}, inline=True)
    assert await waiting == {"k": 1}
    with pytest.raises(NotFound, match="Could not find signal q.q.q"):
        await router.wait_for("q.q.q", timeout=0.1)
    with pytest.raises(asyncio.TimeoutError):
        await router.wait_for("a.b.c", timeout=0.01)


@pytest.mark.parametrize(
    ("waits_with", "exclusive", "dispatched_with", "woken"),
    [
        (None, True, None, True),
        (None, True, {}, False),  # (an empty condition is a condition)
        (None, False, {}, False),
        ({}, True, None, True),
        ({}, True, {}, True),
        ({"k": "a"}, True, None, False),
        ({"k": "a"}, False, None, True),
        ({"k": "a"}, False, {}, False),
        ({"k": "a"}, False, {"k": "a"}, True),
        ({"k": "a"}, False, {"k": "b"}, False),
    ],
)
async def test_which_dispatch_conditions_wake_a_waiter(
    waits_with: dict[str, str] | None,
    exclusive: bool,
    dispatched_with: dict[str, str] | None,
    woken: bool,
) -> None:
    # As Sanic's app.event(..., condition=, exclusive=) (the table was observed there).
    router = SignalRouter()
    router.add(lambda **_: None, "a.b.c")
    router.finalize()
    waiting = asyncio.ensure_future(
        router.wait_for("a.b.c", condition=waits_with, exclusive=exclusive, timeout=5)
    )
    await asyncio.sleep(0)
    await router.dispatch("a.b.c", context={"k": 1}, condition=dispatched_with, inline=True)
    for _ in range(5):
        await asyncio.sleep(0)
    assert waiting.done() is woken
    waiting.cancel()


async def test_a_static_signal_last_in_its_namespace_gives_no_parameter_to_any() -> None:
    """As Sanic: with ``x.y.<w>`` then ``x.y.z``, the group's last signal is static, so
    neither handler gets ``w`` (Hurtle gave it to the dynamic one)."""
    seen: list[Any] = []

    def static_handler(**kw: Any) -> None:
        seen.append(("static", kw))

    def dynamic_handler(**kw: Any) -> None:
        seen.append(("dynamic", kw))

    router = SignalRouter()
    router.add(dynamic_handler, "x.y.<w>")
    router.add(static_handler, "x.y.z")
    router.finalize()
    await router.dispatch("x.y.z", inline=True)
    await router.dispatch("x.y.q", inline=True)
    assert seen == [("dynamic", {}), ("static", {}), ("dynamic", {})]


async def test_a_static_handler_gets_the_part_a_later_dynamic_signal_names() -> None:
    """As Sanic: with ``x.y.z`` then ``x.y.<w>``, a dispatch of ``x.y.z`` gives ``w`` to
    both handlers, so a static handler written ``def h(w)`` works (it was called
    without it, a TypeError)."""
    seen: list[Any] = []

    def static_handler(w: str) -> None:
        seen.append(("static", w))

    def dynamic_handler(w: str) -> None:
        seen.append(("dynamic", w))

    router = SignalRouter()
    router.add(static_handler, "x.y.z")
    router.add(dynamic_handler, "x.y.<w>")
    router.finalize()
    await router.dispatch("x.y.z", inline=True)
    assert seen == [("static", "z"), ("dynamic", "z")]


async def test_a_static_signal_counts_as_a_str_part_against_typed_ones() -> None:
    """As Sanic: ``x.y.7`` beside ``x.y.<n:int>`` is in the str group, which the int
    group outranks for ``x.y.7``: only the int handler runs (both ran)."""
    seen: list[Any] = []
    router = SignalRouter()
    router.add(lambda **kw: seen.append(("static7", kw)), "x.y.7")
    router.add(lambda **kw: seen.append(("int", kw)), "x.y.<n:int>")
    router.add(lambda **kw: seen.append(("alpha", kw)), "x.y.<a:alpha>")
    router.add(lambda **kw: seen.append(("baz", kw)), "x.y.baz")
    router.finalize()
    for event in ("x.y.7", "x.y.baz", "x.y.x-y"):
        await router.dispatch(event, inline=True)
    # x.y.baz goes to the alpha group; x.y.x-y to the str group, where no static matches
    assert seen == [("int", {"n": 7}), ("alpha", {"a": "baz"})]


async def test_an_inline_pattern_ranks_below_every_built_in_type() -> None:
    """As Sanic: ``<s>`` wins over ``<r:[a-z]+>`` for ``x.y.zz``; of two patterns the
    one that sorts first wins (Hurtle ran the pattern, or both)."""
    seen: list[str] = []
    router = SignalRouter()
    router.add(lambda **kw: seen.append("pattern"), "x.y.<r:[a-z]+>")
    router.add(lambda **kw: seen.append("str"), "x.y.<s>")
    router.add(lambda **kw: seen.append("word"), "z.y.<r:\\w+>")
    router.add(lambda **kw: seen.append("two"), "z.y.<r:[a-z]{2}>")
    router.finalize()
    await router.dispatch("x.y.zz", inline=True)
    await router.dispatch("z.y.zz", inline=True)
    assert seen == ["str", "two"]


def test_signal_router_add_takes_priority_by_keyword_only() -> None:
    # Sanic's signature: add(handler, event, condition=None, exclusive=True, *, priority=0).
    from hurtle_app.signals import SignalRouter

    async def handler(**context) -> None:
        pass

    router = SignalRouter()
    assert router.add(handler, "foo.bar.baz", priority=5).priority == 5
    with pytest.raises(TypeError):
        router.add(handler, "foo.bar.qux", None, True, 5)


async def test_a_finalized_router_counts_its_init_signal_as_sanics() -> None:
    # Sanic's finalized signal router holds one signal of its own: tests written
    # against Sanic count it in ``routes`` (two handlers: three routes)
    router = SignalRouter()
    router.add(lambda **_: None, "foo.bar.baz")
    router.add(lambda **_: None, "foo.bar.baz")
    assert len(router.routes) == 2
    router.finalize()
    assert len(router.routes) == 3
    router.finalize()
    assert len(router.routes) == 3
    assert router.routes[-1].name == "sanic.__signal__.__init__"


def test_dynamic_routes_group_signals_by_their_first_two_parts() -> None:
    router = SignalRouter()
    for event in ("foo.bar.baz", "foo.bar.baz", "foo.bar.<x>", "one.two.three"):
        router.add(lambda **_: None, event)
    groups = router.dynamic_routes
    assert sorted(groups) == [
        ("foo", "bar", "<__dynamic__:str>"),
        ("one", "two", "<__dynamic__:str>"),
    ]
    assert len(groups[("foo", "bar", "<__dynamic__:str>")]) == 3
    assert router.static_routes == {}


async def test_get_reports_the_group_and_the_parameters_a_dispatch_gives() -> None:
    # As Sanic: the whole group, last to run first, whatever its conditions; the
    # parameter as the last signal names it (``__trigger__`` for a static one).
    router = SignalRouter()
    router.add(lambda **_: None, "foo.bar.<n:int>")
    router.finalize()
    group, _handlers, params = router.get("foo.bar.7")
    assert [s.name for s in group] == ["foo.bar.*"] and params == {"n": 7}
    router.add(lambda **_: None, "one.two.three", condition={"k": 1})
    router.add(lambda **_: None, "one.two.<x>")
    router.add(lambda **_: None, "one.two.four", priority=-1)
    router.finalize()
    group, handlers, params = router.get("one.two.zz")
    assert [s.name for s in group] == ["one.two.four", "one.two.*", "one.two.three"]
    assert len(handlers) == 3 and params == {"__trigger__": "zz"}
    assert [s.path for s in group][:2] == ["one.two.<__trigger__:str>", "one.two.<x:str>"]


async def test_a_wait_on_a_typed_signal_ignores_a_dispatch_that_reaches_no_signal() -> None:
    # As Sanic: `order.placed.q` reaches no `order.placed.<n:int>` signal, so a wait on
    # `order.placed.<n>` goes on (it was woken with {}); `order.placed.5` wakes it.
    from hurtle_app import Sanic

    app = Sanic("Waits", configure_logging=False)

    @app.signal("order.placed.<n:int>")
    async def placed(**context):
        pass

    app.signal_router.finalize()
    waiter = asyncio.ensure_future(app.event("order.placed.<n>", timeout=2))
    await asyncio.sleep(0)
    await app.dispatch("order.placed.q", inline=True, fail_not_found=False)
    await asyncio.sleep(0)
    assert not waiter.done()
    await app.dispatch("order.placed.5", context={"x": 1}, inline=True)
    assert await waiter == {"n": 5, "x": 1}


async def test_any_event_of_a_namespace_with_a_static_signal_is_found() -> None:
    # As Sanic: beside an `order.placed.new` signal, dispatching `order.placed.old` runs
    # nothing and raises nothing (it was NotFound); another namespace still is NotFound.
    from hurtle_app import Sanic

    app = Sanic("Namespaces", configure_logging=False)
    ran: list[str] = []

    @app.signal("order.placed.new")
    async def placed(**context):
        ran.append("new")

    app.signal_router.finalize()
    assert await app.dispatch("order.placed.old", inline=True) is None
    assert ran == []
    with pytest.raises(NotFound):
        await app.dispatch("order.lost.old", inline=True)


@pytest.mark.parametrize("last", ["<x:int", "<user-id>", "<1x>", "<x>y", "< x >", "<é>"])
def test_a_malformed_parameter_is_refused_as_sanic(last: str) -> None:
    # As Sanic: InvalidUsage naming the part (Hurtle took them as literals or as a
    # parameter no handler could be written for).
    from sanic_routing.exceptions import InvalidUsage

    with pytest.raises(InvalidUsage, match=f"^Invalid declaration: {last}$"):
        SignalRouter().add(lambda **_: None, f"a.b.{last}")


@pytest.mark.parametrize("event", ["a.b.x>", "a.b.x:int>", "a.x>.c", "a.<x.c", "<x.b.c"])
def test_a_stray_angle_bracket_outside_the_last_part_is_an_invalid_signal(event: str) -> None:
    with pytest.raises(InvalidSignal, match=f"^Invalid signal event: {event}$"):
        SignalRouter().add(lambda **_: None, event)


async def test_a_part_without_a_parameter_name_is_a_literal() -> None:
    # As Sanic: `<>` and `<:int>` name no parameter, so they are literal parts (Hurtle
    # made them parameters named "", run for every event of the namespace).
    calls, make = recorder()
    router = SignalRouter()
    router.add(make("empty"), "a.b.<>")
    router.add(make("typed"), "a.b.<:int>")
    router.finalize()
    await router.dispatch("a.b.7", inline=True)
    await router.dispatch("a.b.<>", inline=True)
    assert calls == [("empty", {})]


def test_router_add_refuses_an_event_that_is_no_string() -> None:
    with pytest.raises(TypeError, match="A signal event is a string"):
        SignalRouter().add(lambda **_: None, 5)  # type: ignore[arg-type]


async def test_a_signal_added_on_the_router_without_condition_skips_an_empty_one() -> None:
    # As Sanic: router.add(handler, event) has no condition, so dispatch(condition={})
    # passes it by; app.signal(event) has the empty one and runs (both ran).
    from hurtle_app import Sanic

    app = Sanic("EmptyCondition", configure_logging=False)
    calls, make = recorder()
    app.signal_router.add(make("router"), "a.b.c")
    app.signal("a.b.c")(make("app"))
    app.signal_router.finalize()
    await app.dispatch("a.b.c", condition={}, inline=True)
    assert [name for name, _ in calls] == ["app"]
    calls.clear()
    await app.dispatch("a.b.c", inline=True)
    assert [name for name, _ in calls] == ["router", "app"]


async def test_a_signal_added_to_a_served_app_leaves_its_router_finalized() -> None:
    # As Sanic: the router of a started app is finalized again at once (it read False
    # until the next request), and the new handler runs.
    from hurtle_app import Sanic
    from hurtle_http.response import text

    from .conftest import exchange

    app = Sanic("LateSignal", configure_logging=False)

    @app.get("/")
    async def index(request: Any) -> Any:
        return text("ok")

    await exchange(app, "GET", "/")
    calls, make = recorder()
    app.add_signal(make("late"), "late.added.one")
    assert app.signal_router.finalized
    await app.dispatch("late.added.one", inline=True)
    assert [name for name, _ in calls] == ["late"]


async def test_a_pattern_with_a_dot_matches_the_last_part_alone() -> None:
    # As Sanic: the dots of an inline pattern are its own (Hurtle split the name on them,
    # InvalidSignal); an event with more parts does not match it.
    calls, make = recorder()
    router = SignalRouter()
    signal = router.add(make("dotted"), "a.b.<p:a.*>")
    router.finalize()
    assert (signal.name, signal.path) == ("a.b.*", "a.b.<p:a.*>")
    await router.dispatch("a.b.abc", inline=True)
    for event in ("a.b.a.x", "a.b.b"):
        with pytest.raises(NotFound, match=f"Could not find signal {event}"):
            await router.dispatch(event, inline=True)
    assert calls == [("dotted", {"p": "abc"})]


@pytest.mark.parametrize(
    ("event", "error"),
    [
        ("a.b.<p:a.b>.c", InvalidSignal),  # a fourth part after the parameter
        ("a.b.<p:x.y", InvalidSignal),  # unclosed: its dots split it
        ("a.b.<p:a.b>x", "InvalidUsage"),  # Sanic's "Invalid declaration"
    ],
)
def test_a_dotted_pattern_is_still_the_last_part_only(event: str, error: Any) -> None:
    from sanic_routing.exceptions import InvalidUsage

    with pytest.raises(InvalidUsage if error == "InvalidUsage" else error):
        SignalRouter().add(lambda **_: None, event)


async def test_a_priority_that_does_not_order_with_its_group_is_refused_at_registration() -> None:
    calls, make = recorder()
    router = SignalRouter()
    # Alone in its group, any orderable priority is taken and runs (as in Sanic).
    router.add(make("alone"), "a.b.c", priority="x")
    router.add(make("other"), "a.x.c")
    # a.b.d shares a.b.c's group: 0 and "x" cannot be ordered; refused here, not at dispatch.
    with pytest.raises(TypeError, match=r"Signal 'a.b.d': priority=0 cannot be ordered "
                                        r"with priority='x' of signal 'a.b.c'"):
        router.add(make("refused"), "a.b.d")
    assert [s.name for s in router.routes] == ["a.b.c", "a.x.c"]
    router.finalize()
    await router.dispatch("a.b.c", inline=True)
    assert [name for name, _ in calls] == ["alone"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("a.b.c", "a.b.<x>"),  # a static last part is a str parameter's group
        ("a.b.<x>", "a.b.<y>"),
        ("a.b.<x:int>", "a.b.<y:int>"),
        ("a.b.<x>", "a.b.c"),
    ],
)
async def test_signals_of_one_group_but_different_paths_must_order_at_registration(
    first: str, second: str
) -> None:
    calls, make = recorder()
    router = SignalRouter()
    router.add(make("first"), first, priority=1)
    # As Sanic: refused here with a TypeError naming both, not failing every dispatch later.
    with pytest.raises(TypeError, match=rf"Signal '{re.escape(second)}': priority='x' "
                                        rf"cannot be ordered with priority=1 of signal "
                                        rf"'{re.escape(first)}'"):
        router.add(make("second"), second, priority="x")
    router.finalize()
    await router.dispatch("a.b.7" if "int" in first else "a.b.c", inline=True)
    assert [name for name, _ in calls] == ["first"]


async def test_signals_of_other_types_of_last_part_need_not_order() -> None:
    calls, make = recorder()
    router = SignalRouter()
    # Two groups (str and int), as in Sanic: each sorts alone, so both are taken.
    router.add(make("str"), "a.b.<x>", priority=1)
    router.add(make("int"), "a.b.<y:int>", priority="x")
    router.finalize()
    await router.dispatch("a.b.7", inline=True)
    await router.dispatch("a.b.c", inline=True)
    assert [name for name, _ in calls] == ["int", "str"]
