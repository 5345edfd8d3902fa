"""Logging probe app: L3_MODE picks the logging set-up, L3_RUN how it is started.

L3_MODE: default | userdict | partial | disable | noconf | access_off | cfg_access |
         json | legacy | debugfmt | prodfmt | rootonly
L3_RUN: single | workers (app.run(workers=2)); the sanic CLI is run as `sanic app:app`.
"""
import asyncio
import logging
import os
import sys

from sanic import Sanic, response
from sanic.log import access_logger, error_logger, logger, server_logger

MODE = os.environ.get("L3_MODE", "default")
PORT = int(os.environ.get("L3_PORT", "8931"))
FMT = "%(name)s|%(levelname)s|%(message)s"
ACCESS_FMT = "%(name)s|%(levelname)s|%(host)s|%(request)s|%(status)s|%(byte)s"

kwargs = {}
if MODE == "userdict":
    kwargs["log_config"] = {
        "version": 1,
        "disable_existing_loggers": True,
        "formatters": {
            "plain": {"format": FMT},
            "acc": {"format": ACCESS_FMT},
        },
        "handlers": {
            "out": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stdout"},
            "err": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"},
            "acc": {"class": "logging.StreamHandler", "formatter": "acc", "stream": "ext://sys.stdout"},
        },
        "loggers": {
            "sanic.root": {"handlers": ["out"], "level": "DEBUG", "propagate": False},
            "sanic.error": {"handlers": ["err"], "level": "INFO", "propagate": False},
            "sanic.access": {"handlers": ["acc"], "level": "INFO", "propagate": False},
            "sanic.server": {"handlers": ["out"], "level": "INFO", "propagate": False},
        },
    }
elif MODE == "partial":
    kwargs["log_config"] = {"version": 1, "loggers": {"sanic.access": {"level": "WARNING"}}}
elif MODE == "rootonly":
    kwargs["log_config"] = {
        "version": 1,
        "formatters": {"plain": {"format": "ROOT " + FMT}},
        "handlers": {"out": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stdout"}},
        "root": {"handlers": ["out"], "level": "INFO"},
    }
elif MODE == "disable":
    kwargs["log_config"] = {
        "version": 1,
        "incremental": False,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": FMT}},
        "handlers": {"out": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stdout"}},
        "loggers": {
            "sanic.access": {"handlers": [], "propagate": False, "level": "CRITICAL"},
            "sanic.root": {"handlers": ["out"], "level": "INFO"},
            "sanic.error": {"handlers": ["out"], "level": "INFO"},
        },
    }
elif MODE in ("json", "legacy", "debugfmt", "prodfmt"):
    gen, acc = {
        "json": ("JSONFormatter", "JSONAccessFormatter"),
        "legacy": ("LegacyFormatter", "LegacyAccessFormatter"),
        "debugfmt": ("DebugFormatter", "DebugAccessFormatter"),
        "prodfmt": ("ProdFormatter", "ProdAccessFormatter"),
    }[MODE]
    from sanic.log import LOGGING_CONFIG_DEFAULTS

    cfg = {k: (dict((n, dict(v)) for n, v in d.items()) if isinstance(d, dict) else d)
           for k, d in LOGGING_CONFIG_DEFAULTS.items()}
    cfg["formatters"]["generic"]["class"] = "sanic.logging.formatter." + gen
    cfg["formatters"]["access"]["class"] = "sanic.logging.formatter." + acc
    kwargs["log_config"] = cfg
elif MODE == "noconf":
    logging.basicConfig(level=logging.DEBUG, format="BASIC %(name)s|%(levelname)s|%(message)s", stream=sys.stdout)
    kwargs["configure_logging"] = False

app = Sanic("L3", **kwargs)
if MODE == "cfg_access":
    app.config.ACCESS_LOG = True
app.config.KEEP_ALIVE = False


@app.get("/")
async def root(request):
    logger.info("root handler %s", "arg", extra={"k": 1})
    return response.text("hello")


@app.get("/err")
async def err(request):
    raise RuntimeError("boom")


@app.get("/stream")
async def stream(request):
    r = await request.respond(content_type="text/plain")
    await r.send("a")
    await r.send("bc")
    await r.eof()


@app.get("/json")
async def js(request):
    error_logger.warning("warned")
    server_logger.info("server says")
    access_logger.info("own access line")
    return response.json({"a": 1})


@app.get("/slow")
async def slow(request):
    await asyncio.sleep(1.5)
    return response.text("late")


@app.get("/slowstream")
async def slowstream(request):
    r = await request.respond(content_type="text/plain")
    for _ in range(20):
        await r.send("x" * 1000)
        await asyncio.sleep(0.1)
    await r.eof()


@app.get("/bigstream")
async def bigstream(request):
    r = await request.respond(content_type="text/plain")
    for _ in range(200):
        await r.send("y" * 65536)
    await r.eof()


@app.get("/logexc")
async def logexc(request):
    try:
        _ = 1 / 0
    except ZeroDivisionError:
        logger.exception("caught it")
        error_logger.error("with info", exc_info=True, stack_info=False)
    return response.text("ok")


@app.websocket("/wserr")
async def wserr(request, sock):
    raise ValueError("ws boom")


@app.websocket("/ws")
async def ws(request, sock):
    msg = await sock.recv()
    await sock.send(msg)


if __name__ == "__main__":
    run = os.environ.get("L3_RUN", "single")
    access = {"access_off": False}.get(MODE, None if MODE == "cfg_access" else True)
    kw = dict(host="127.0.0.1", port=PORT)
    if access is not None:
        kw["access_log"] = access
    if os.environ.get("L3_DEBUG"):
        kw["debug"] = True
    if os.environ.get("L3_NOMOTD"):
        kw["motd"] = False
    if run == "single":
        kw["single_process"] = True
    else:
        kw["workers"] = 2
    app.run(**kw)
