"""One side of ``run.py``: prints a JSON object, one key per observation (run under
Sanic 25.12's interpreter and under Hurtle's)."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import sys

from sanic import Blueprint, Sanic
from sanic.mixins.listeners import ListenerEvent
from sanic.signals import RESERVED_NAMESPACES

Sanic.test_mode = True
OUT: dict[str, object] = {}
WAITS = [
    ("a.b.%3Cq%3E", "a.b.zz"), ("a.b.%3cq:int%3e", "a.b.7"), ("ns.%78.<q>", "ns.x.5"),
    ("a.b.<q%3E", "a.b.z"), ("a.%62.c", "a.b.c"), ("st.a.%63", "st.a.c"),
    ("a.b.%2A", "a.b.z"), ("a.b.%253Cq%253E", "a.b.z"), ("a.b.%3Cq%3E", "a.b.%3Cq%3E"),
    ("a.b.<q", "a.b.z"), ("a.b.%3Cq", "a.b.z"), ("a.b.<>", "a.b.z"),
    ("a.b.%3Cq%3E%20", "a.b.z"), ("st.%61.c", "st.%61.c"),
]
DOTTED = [
    "d1.b.<p:a.*>", "d2.b.<p:.+>", "d3.b.<p:x.y.z>", "d4.b.<p:\\d.\\d>", "d5.<x:.>.c",
    "d6.b.<p>.c", "d7.b.<p:x.y", "d8.b.<p:a.b>.c", "d9.b.<p:a.b>x", "d10.b.<p:a>b.c>",
]
DOTTED_EVENTS = [
    "d1.b.a", "d1.b.abc", "d1.b.a.x", "d1.b.b", "d2.b.zz", "d3.b.xqyrz", "d4.b.1x2",
    "d4.b.1.2", "d10.b.a>bqc", "d10.b.a>b.c",
]


def outcome(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


async def signals() -> None:
    app = Sanic("Leftovers5")
    seen: list[object] = []

    def record(tag: str):
        async def handler(**kw: object) -> None:
            seen.append([tag, kw])
        return handler

    app.signal("a.b.<q>")(record("q"))
    app.signal("ns.x.<q:int>")(record("ns"))
    app.signal("st.a.c")(record("st"))
    app.signal("st.%61.c")(record("st61"))
    for definition in DOTTED:
        try:
            app.signal(definition)(record(definition))
            OUT[f"2 define {definition}"] = "ok"
        except Exception as exc:
            OUT[f"2 define {definition}"] = outcome(exc)
    app.signal_router.finalize()
    for name, dispatched in WAITS:
        waiting = asyncio.ensure_future(app.event(name, timeout=0.3))
        await asyncio.sleep(0.01)
        try:
            await app.dispatch(dispatched)
            await asyncio.sleep(0.01)
        except Exception:
            pass
        try:
            OUT[f"1 wait {name} / {dispatched}"] = await waiting
        except (Exception, asyncio.TimeoutError) as exc:
            OUT[f"1 wait {name} / {dispatched}"] = outcome(exc)
    for event in DOTTED_EVENTS:
        seen.clear()
        try:
            await app.dispatch(event, inline=True)
            OUT[f"2 dispatch {event}"] = seen[:]
        except Exception as exc:
            OUT[f"2 dispatch {event}"] = outcome(exc)


async def blueprint_condition() -> None:
    app, bp = Sanic("Leftovers5bp"), Blueprint("bp")
    bp.signal("a.b.c", condition={"k": "v"})(lambda **kw: None)
    app.blueprint(bp)
    app.signal_router.finalize()
    condition = {"k": "v"}
    task = await bp.dispatch("a.b.c", condition=condition)
    if isinstance(task, asyncio.Task):
        await task
    OUT["3 bp.dispatch leaves the caller's condition"] = condition


def motd_and_constants() -> None:
    app = Sanic("Leftovers5motd")
    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("sanic.root").addHandler(handler)
    app.motd()
    logging.getLogger("sanic.root").removeHandler(handler)
    OUT["4 motd mode before prepare"] = [line for line in lines if line.startswith("mode:")]
    OUT["5 RESERVED_NAMESPACES types"] = {
        key: type(value).__name__ for key, value in RESERVED_NAMESPACES.items()
    }
    for member in (ListenerEvent.BEFORE_SERVER_START, ListenerEvent.MAIN_PROCESS_START):
        try:
            app.register_listener(lambda app: None, member)
            OUT[f"6 register_listener {member.name}"] = "ok"
        except Exception as exc:
            OUT[f"6 register_listener {member.name}"] = [
                isinstance(exc, KeyError), outcome(exc)
            ]


async def create_server_order() -> None:
    app = Sanic("Leftovers5server")
    app.get("/")(lambda request: None)
    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
    for name in ("sanic.root", "asyncio"):
        logging.getLogger(name).addHandler(handler)
        logging.getLogger(name).setLevel(logging.INFO)
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        await app.create_server(port=port, return_asyncio_server=True)
    except OSError:
        pass
    taken.close()
    OUT["7 banner when the address is in use"] = any("Goin' Fast" in line for line in lines)
    lines.clear()
    server = await app.create_server(port=port, debug=True, return_asyncio_server=True)
    order = [
        "banner" if "Goin' Fast" in line else "asyncio serving"
        for line in lines if "Goin' Fast" in line or "is serving" in line
    ]
    OUT["7 create_server(debug=True) order"] = order
    server.close()
    await server.wait_closed()


async def main() -> None:
    await signals()
    await blueprint_condition()
    motd_and_constants()
    await create_server_order()


if __name__ == "__main__":
    asyncio.run(main())
    sys.stdout.write("\n" + json.dumps(OUT, default=repr) + "\n")
