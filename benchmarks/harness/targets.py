"""What is measured: the routes, and the servers (targets) that serve them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .envs import env_python

__all__ = ["ROUTES", "TARGETS", "Route", "Target", "find_route"]

BENCH_DIR = Path(__file__).resolve().parents[1]
APPS = BENCH_DIR / "apps"
ECHO_SIZE = 1024


@dataclass(frozen=True)
class Route:
    """One benchmarked request."""

    name: str
    method: str
    path: str
    expect: bytes
    body_size: int = 0
    middleware: bool = False

    @property
    def body(self) -> bytes:
        """The request body sent (``x`` repeated ``body_size`` times)."""
        return b"x" * self.body_size


def _routes() -> list[Route]:
    found = []
    for prefix, mw in (("", False), ("/mw", True)):
        label = "mw " if mw else ""
        found += [
            Route(f"{label}GET /", "GET", prefix or "/", b"Hello, world!", middleware=mw),
            Route(f"{label}GET /json", "GET", f"{prefix}/json", b'{"hello":"world"}', middleware=mw),
            Route(f"{label}GET /user/123", "GET", f"{prefix}/user/123", b'{"id":123}', middleware=mw),
            Route(
                f"{label}POST /echo", "POST", f"{prefix}/echo", b"x" * ECHO_SIZE,
                body_size=ECHO_SIZE, middleware=mw,
            ),
        ]  # fmt: skip
    return found


ROUTES: list[Route] = _routes()


def find_route(key: str) -> Route:
    """A route by name (``"mw GET /json"``), path (``"/mw/json"``) or short name (``json``)."""
    key = key.strip()
    for route in ROUTES:
        if key in (route.name, route.path, route.name.split(" ", 1)[-1]):
            return route
    short = {
        "text": "/", "json": "/json", "user": "/user/123", "echo": "/echo",
        "mw-text": "/mw", "mw-json": "/mw/json", "mw-user": "/mw/user/123", "mw-echo": "/mw/echo",
    }  # fmt: skip
    if key in short:
        return find_route(short[key])
    names = ", ".join(sorted(short)) + " or a path such as /mw/json"
    raise KeyError(f"unknown route {key!r}; use one of {names}")


@dataclass(frozen=True)
class Target:
    """One server under test: which environment runs which script."""

    name: str
    env: str
    script: Path
    middleware: bool
    many_routes: Path | None = None
    check_import: str = ""

    @property
    def python(self) -> Path:
        """The interpreter of the target's environment."""
        return env_python(self.env)

    def argv(self, port: int, script: Path | None = None) -> list[str]:
        """The command that serves ``script`` (default: the benchmark app) on ``port``."""
        return [str(self.python), str(script or self.script), str(port)]


TARGETS: dict[str, Target] = {
    t.name: t
    for t in (
        Target(
            "hurtle", "hurtle", APPS / "sanic_app.py", True, APPS / "many_routes.py",
            check_import="from sanic import Sanic, Blueprint; from sanic.response import json, raw, text",
        ),
        Target(
            "sanic", "sanic", APPS / "sanic_app.py", True, APPS / "many_routes.py",
            check_import="from sanic import Sanic",
        ),
        Target(
            "starlette", "uvicorn", APPS / "starlette_app.py", True,
            check_import="import starlette, uvicorn",
        ),
        Target("floor", "uvicorn", BENCH_DIR / "floor.py", False, check_import="import uvloop, httptools"),
        Target(
            "hurtle-core", "hurtle", APPS / "core_app.py", True,
            check_import="from hurtle_http import serve; from hurtle_http.response import json, raw, text",
        ),
    )
}  # fmt: skip
