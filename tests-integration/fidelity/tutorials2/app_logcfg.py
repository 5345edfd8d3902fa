"""Custom logging configuration (pattern origin: an ONS-style `init_app()` passing
`log_config=default_log_config` and `request_class=ONSRequest`, tutorials that copy
`LOGGING_CONFIG_DEFAULTS` and change the format, handlers logging through
`sanic.log.logger`/`error_logger` and `logging.getLogger(__name__)`, a logging filter
that reads `Request.get_current()` to stamp the request id)."""

import copy
import logging

from sanic import Request, Sanic
from sanic.log import LOGGING_CONFIG_DEFAULTS, error_logger, logger
from sanic.response import json


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        try:
            record.rid = Request.get_current().headers.get("x-rid", "-")
        except Exception as e:
            record.rid = type(e).__name__
        return True


# copy.deepcopy(LOGGING_CONFIG_DEFAULTS) fails alike ("cannot pickle '_io.TextIOWrapper'":
# the handlers hold sys.stdout/sys.stderr), so the sections are copied one level down.
log_config = {
    k: (copy.copy(v) if isinstance(v, dict) else v) for k, v in LOGGING_CONFIG_DEFAULTS.items()
}
log_config["loggers"] = {k: dict(v) for k, v in log_config["loggers"].items()}
log_config["filters"] = {"rid": {"()": RequestIdFilter}}
log_config["formatters"]["tagged"] = {
    "format": "TAG %(levelname)s %(name)s rid=%(rid)s: %(message)s",
    "class": "logging.Formatter",
}
log_config["handlers"]["tagged"] = {
    "class": "logging.StreamHandler",
    "formatter": "tagged",
    "filters": ["rid"],
    "stream": "ext://sys.stderr",
}
log_config["loggers"]["tut.app"] = {"level": "INFO", "handlers": ["tagged"], "propagate": False}
log_config["loggers"]["sanic.error"]["handlers"] = ["tagged"]

app = Sanic("TutLogCfg", log_config=log_config)
app_log = logging.getLogger("tut.app")


@app.get("/")
async def index(request):
    app_log.info("handling %s", request.path)
    logger.info("root logger line")
    cur = Request.get_current()
    return json({"same": cur is request, "keys": sorted(log_config["loggers"])})


@app.get("/error")
async def err(request):
    error_logger.error("explicit error line")
    raise ValueError("boom")


@app.before_server_start
async def start(app):
    app_log.info("starting")
