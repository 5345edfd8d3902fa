"""clients2: a handler raising, debug=, timeouts: what the test sees and what is logged."""

import asyncio

from _c import capture, exc_line, new_app, noport

from sanic import response
from sanic.exceptions import SanicException

LOG = capture()


def make(name):
    app = new_app(name)

    @app.get("/boom")
    async def boom(request):
        raise ValueError("kaput")

    @app.get("/sanicexc")
    async def sanicexc(request):
        raise SanicException("teapot here", status_code=418)

    @app.get("/slow")
    async def slow(request):
        await asyncio.sleep(1.5)
        return response.text("late")

    @app.get("/streamboom")
    async def streamboom(request):
        r = await request.respond()
        await r.send("one,")
        raise RuntimeError("mid-stream")

    @app.get("/debug")
    async def debug(request):
        return response.json(
            [
                request.app.debug,
                request.app.state.mode.name
                if hasattr(request.app.state.mode, "name")
                else str(request.app.state.mode),
            ]
        )

    return app


def out(fn):
    try:
        r = fn()
    except BaseException as e:
        return exc_line(e)[:160]
    if isinstance(r, tuple):
        r = r[1]
    if r is None:
        return None
    # Sanic's literal `content-type: None` is known kept (README top list)
    return (
        r.status,
        str(r.headers.get("content-type")).replace("None", "-"),
        noport(r.text.splitlines()[0] if r.text else "")[:60],
        r.text.count("Traceback"),
        "kaput" in r.text,
    )


sapp = make("c2err_sock")
aapp = make("c2err_asgi")
CASES = [
    ("/boom", {}),
    ("/boom", {"headers": {"accept": "application/json"}}),
    ("/sanicexc", {}),
    ("/slow", {"timeout": 0.3}),
    ("/slow", {"timeout": 5}),
    ("/streamboom", {}),  # KEPT (known): Sanic's ASGI mode raises AssertionError
    ("/debug", {}),
    ("/debug", {"debug": True}),  # last: sanic-testing leaves debug on (known kept)
    ("/boom", {"debug": True}),
]
for path, kw in CASES:
    LOG.take()
    print(f"sock {path} {kw}: {out(lambda: sapp.test_client.get(path, **kw))}")  # noqa: B023
    print(f"  logged: {[r for r in LOG.take() if r[1] in ('WARNING', 'ERROR', 'CRITICAL')]}")
    if "debug" in kw or "timeout" in kw:
        continue
    print(f"asgi {path} {kw}: {out(lambda: asyncio.run(aapp.asgi_client.get(path, **kw)))}")  # noqa: B023
    print(f"  logged: {[r for r in LOG.take() if r[1] in ('WARNING', 'ERROR', 'CRITICAL')]}")

# the exception reaching the test when gather_request=False and the server gives nothing
print(
    "sock nogather slow:",
    out(lambda: sapp.test_client.get("/slow", timeout=0.3, gather_request=False)),
)
print(f"  logged: {[r for r in LOG.take() if r[1] in ('WARNING', 'ERROR', 'CRITICAL')]}")
