"""The app log_compare runs under Sanic and Hurtle; the environment picks the settings.

T_FMT / T_ACC: a class of sanic.logging.formatter for the generic / access handlers;
T_EXTRA=1|0: config.LOG_EXTRA; T_DEBUG=1: debug; T_ACCESS=1|0: access_log;
T_MODE=multi: workers=2 (else single_process); T_NOMOTD=1: motd=False;
T_NOCOLOR=1: config.NO_COLOR.
"""

import os

from sanic import Sanic, response
from sanic.log import LOGGING_CONFIG_DEFAULTS, logger

FMT = os.environ.get("T_FMT", "")
ACC = os.environ.get("T_ACC", "")
kw = {}
if FMT or ACC:
    config = dict(LOGGING_CONFIG_DEFAULTS)
    config["formatters"] = dict(config["formatters"])
    if FMT:
        config["formatters"]["generic"] = {"class": "sanic.logging.formatter." + FMT}
    if ACC:
        config["formatters"]["access"] = {"class": "sanic.logging.formatter." + ACC}
    kw["log_config"] = config
app = Sanic("LogApp", **kw)
if os.environ.get("T_NOCOLOR"):
    app.config.NO_COLOR = True
if os.environ.get("T_EXTRA"):
    app.config.LOG_EXTRA = os.environ["T_EXTRA"] == "1"


@app.get("/ok")
async def ok(request):
    logger.info("handler info %s", request.args.get("q"), extra={"user": "bob", "n": 3})
    logger.warning("a warning")
    return response.text("ok")


@app.get("/boom")
async def boom(request):
    raise ValueError("boom")


@app.get("/stream")
async def stream(request):
    r = await request.respond(content_type="text/plain")
    await r.send("a")
    await r.send("bb")
    await r.eof()


@app.get("/json")
async def j(request):
    return response.json({"a": 1})


if __name__ == "__main__":
    run = {
        "host": "127.0.0.1",
        "port": int(os.environ["T_PORT"]),
        "debug": os.environ.get("T_DEBUG") == "1",
    }
    if os.environ.get("T_ACCESS"):
        run["access_log"] = os.environ["T_ACCESS"] == "1"
    if os.environ.get("T_NOMOTD"):
        run["motd"] = False
    if os.environ.get("T_MODE") == "multi":
        run["workers"] = 2
    else:
        run["single_process"] = True
    app.run(**run)
