"""Shared helpers for the API probes: print one observed fact per line, never an address."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from typing import Any

_ADDR = re.compile(r"<([\w.]+) object at 0x[0-9a-f]+>")
_FUNC = re.compile(
    r"<(function|bound method|coroutine object) ([\w.<>]+)( of .*?)? at 0x[0-9a-f]+>"
)


def fmt(value: Any) -> str:
    """repr() with default object reprs reduced to their class name (they carry an address)."""
    text = repr(value)
    text = _ADDR.sub(lambda m: f"<{m.group(1).rsplit('.', 1)[-1]} object>", text)
    text = _FUNC.sub(lambda m: f"<{m.group(1)} {m.group(2)}>", text)
    if " at 0x" in text:
        text = f"<{type(value).__name__} with address in repr>"
    return text


def exc_line(e: BaseException) -> str:
    return f"raises {type(e).__name__}: {e}"


def show(label: str, fn: Callable[[], Any]) -> Any:
    """Print label: repr of fn() or the exception it raised."""
    try:
        out = fn()
    except BaseException as e:
        print(f"{label}: {exc_line(e)}")
        return None
    print(f"{label}: {fmt(out)}")
    return out


def ashow(label: str, coro_fn: Callable[[], Any]) -> Any:
    """show() for a coroutine function, run on a fresh loop."""
    return show(label, lambda: asyncio.run(coro_fn()))


def new_app(name: str, **kw: Any) -> Any:
    from sanic import Sanic

    Sanic.test_mode = True
    kw.setdefault("configure_logging", False)
    return Sanic(name, **kw)


def resp_line(response: Any, headers: tuple[str, ...] = ("content-type",)) -> str:
    """Status, chosen headers and body of a sanic_testing response."""
    parts = [str(response.status)]
    for h in headers:
        parts.append(f"{h}={response.headers.get(h)!r}")
    body = response.body
    if isinstance(body, bytes):
        try:
            body = body.decode()
        except UnicodeDecodeError:
            pass
    parts.append(f"body={body!r}")
    return " ".join(parts)


def asgi(
    app: Any, method: str, path: str, headers: tuple[str, ...] = ("content-type",), **kw: Any
) -> str:
    """Send one request over app.asgi_client and describe the response."""

    if "send_headers" in kw:  # request headers (``headers`` names the ones shown)
        kw["headers"] = kw.pop("send_headers")

    async def go() -> str:
        _, response = await getattr(app.asgi_client, method.lower())(path, **kw)
        return resp_line(response, headers)

    try:
        return asyncio.run(go())
    except BaseException as e:
        return exc_line(e)


def req(
    app: Any,
    label: str,
    method: str,
    path: str,
    headers: tuple[str, ...] = ("content-type",),
    **kw: Any,
) -> None:
    print(f"{label}: {asgi(app, method, path, headers, **kw)}")
