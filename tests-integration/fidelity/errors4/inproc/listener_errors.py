import logging
import os

from sanic import Sanic, text

W = os.environ["WHICH"]
MODE = os.environ.get("MODE", "single")
recs = []


class H(logging.Handler):
    def emit(self, r):
        msg = r.getMessage()
        recs.append(
            (
                r.name,
                r.levelname,
                msg.splitlines()[0][:140] if msg else msg,
                bool(r.exc_info),
                type(r.exc_info[1]).__name__ if r.exc_info else None,
            )
        )


logging.getLogger().addHandler(H())
app = Sanic("l1")
seen = []


@app.report_exception
async def rep(app, exc):
    print("REPORT", type(exc).__name__, exc, flush=True)


def mk(name):
    async def l(app):
        print("LISTENER", name, flush=True)
        if W == name:
            raise RuntimeError("boom " + name)
        if name == "after_server_start":
            app.loop.call_later(0.5, app.stop)

    l.__name__ = "l_" + name
    return l


for ev in [
    "before_server_start",
    "after_server_start",
    "before_server_stop",
    "after_server_stop",
    "main_process_start",
    "main_process_ready",
    "main_process_stop",
    "reload_process_start",
]:
    app.register_listener(mk(ev), ev)


@app.get("/")
def i(r):
    return text("i")


import atexit


def dump():
    for r in recs:
        if r[0] in ("sanic.access",) or "Starting worker" in r[2] or "Goin" in r[2]:
            continue
        if r[1] in ("INFO", "DEBUG") and r[0] == "sanic.root":
            continue
        print("LOG", r, flush=True)


atexit.register(dump)
try:
    if MODE == "single":
        app.run(
            host="127.0.0.1",
            port=int(os.environ.get("PORT", "18811")),
            single_process=True,
            motd=False,
            access_log=False,
        )
    else:
        app.run(
            host="127.0.0.1",
            port=int(os.environ.get("PORT", "18811")),
            workers=1,
            motd=False,
            access_log=False,
        )
    print("RUN RETURNED", flush=True)
except BaseException as e:
    print("RUN RAISED", type(e).__name__, e, flush=True)
    raise
