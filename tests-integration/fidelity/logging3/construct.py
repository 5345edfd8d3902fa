"""Logger state after Sanic(...) with various log_config / configure_logging (argv[1])."""
import logging
import sys

from sanic import Sanic

NAMES = ("sanic.root", "sanic.error", "sanic.access", "sanic.server", "sanic.websockets", "", "other")
logging.getLogger("other").addHandler(logging.NullHandler())


def state(tag):
    for n in NAMES:
        lg = logging.getLogger(n)
        hs = [(type(h).__name__, type(h.formatter).__name__ if h.formatter else None,
               getattr(getattr(h, "stream", None), "name", None)) for h in lg.handlers]
        print(tag, n or "root", logging.getLevelName(lg.level), lg.propagate, lg.disabled, hs)


case = sys.argv[1]
USER = {"version": 1, "disable_existing_loggers": True,
        "formatters": {"f": {"format": "%(message)s"}},
        "handlers": {"h": {"class": "logging.StreamHandler", "formatter": "f", "stream": "ext://sys.stderr"}},
        "loggers": {"sanic.root": {"handlers": ["h"], "level": "WARNING"}}}
state("import")
if case == "default":
    Sanic("A")
elif case == "user":
    Sanic("A", log_config=USER)
elif case == "user_noconf":
    Sanic("A", log_config=USER, configure_logging=False)
elif case == "noconf":
    Sanic("A", configure_logging=False)
elif case == "two":
    Sanic("A")
    Sanic("B", log_config=USER)
elif case == "empty":
    try:
        Sanic("A", log_config={})
    except Exception as e:
        print("raised", type(e).__name__, e)
elif case == "bad":
    try:
        Sanic("A", log_config={"version": 1, "handlers": {"x": {"class": "nope.Nope"}}})
    except Exception as e:
        print("raised", type(e).__name__, e)
elif case == "incremental":
    Sanic("A")
    Sanic("B", log_config={"version": 1, "incremental": True, "loggers": {"sanic.access": {"level": "ERROR"}}})
state("after")
