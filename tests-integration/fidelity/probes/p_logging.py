"""sanic.log: loggers, the default logging config, and what a request logs."""

import asyncio
import logging

from _probe import new_app, show

import sanic.log as L
from sanic import response

show("log names", lambda: sorted(n for n in dir(L) if not n.startswith("_")))
for name in ("logger", "error_logger", "access_logger", "server_logger", "websockets_logger"):
    show(f"{name}.name", lambda n=name: getattr(L, n).name if hasattr(L, n) else "missing")
cfg = L.LOGGING_CONFIG_DEFAULTS
show("config keys", lambda: sorted(cfg))
show(
    "config loggers",
    lambda: {
        k: (v.get("level"), v.get("handlers"), v.get("propagate"), v.get("qualname"))
        for k, v in sorted(cfg["loggers"].items())
    },
)
show(
    "config handlers",
    lambda: {
        k: (v.get("class"), v.get("formatter"), v.get("stream"))
        for k, v in sorted(cfg["handlers"].items())
    },
)
show("config formatters", lambda: {k: sorted(v) for k, v in sorted(cfg["formatters"].items())})
show(
    "config formatter classes",
    lambda: {k: v.get("class") for k, v in sorted(cfg["formatters"].items())},
)
show("config version/disable", lambda: (cfg.get("version"), cfg.get("disable_existing_loggers")))

records = []


class Catch(logging.Handler):
    def emit(self, record):
        records.append(record)


app = new_app("logapp", configure_logging=True)
show("after configure: sanic.root level", lambda: logging.getLogger("sanic.root").level)
show("after configure: sanic.error level", lambda: logging.getLogger("sanic.error").level)
show("after configure: sanic.access level", lambda: logging.getLogger("sanic.access").level)
show(
    "after configure: handler types",
    lambda: {
        n: [type(h).__name__ for h in logging.getLogger(n).handlers]
        for n in ("sanic.root", "sanic.error", "sanic.access", "sanic.server", "sanic.websockets")
    },
)
for n in ("sanic.root", "sanic.error", "sanic.access", "sanic.server"):
    lg = logging.getLogger(n)
    lg.addHandler(Catch())
    lg.setLevel(logging.DEBUG)
    lg.propagate = False
    for h in list(lg.handlers):
        if not isinstance(h, Catch):
            lg.removeHandler(h)
app.config.ACCESS_LOG = True


@app.get("/ok")
async def ok(request):
    return response.text("ok")


@app.get("/boom")
async def boom(request):
    raise ValueError("boom")


@app.get("/nf")
async def nf(request):
    from sanic.exceptions import NotFound

    raise NotFound("nf")


async def go(path):
    records.clear()
    await app.asgi_client.get(path)
    return [
        (
            r.name,
            r.levelname,
            r.getMessage().split("\n")[0][:80],
            sorted(k for k in ("status", "byte", "host", "request", "duration") if hasattr(r, k)),
        )
        for r in records
        if "uri" in r.getMessage() or r.name in ("sanic.access", "sanic.error")
    ]


for path in ["/ok", "/boom", "/nf", "/missing"]:
    show(f"records {path}", lambda p=path: asyncio.run(go(p)))
