"""Each server worker records what ``app.config`` says of RELOADED_FILES as it starts.

    python app.py PORT RELOAD_DIR OUT_FILE

``GET /restart`` calls ``app.m.restart()``, ``GET /restart-zd`` the zero-downtime one.
"""

import sys

from sanic import Sanic
from sanic.response import text

app = Sanic("ReloadedFiles")
PORT, RELOAD_DIR, OUT = int(sys.argv[1]), sys.argv[2], sys.argv[3]


@app.before_server_start
def record(app):
    value = app.config.get("RELOADED_FILES", "<unset>")
    with open(OUT, "a") as out:
        out.write(repr(value).replace(RELOAD_DIR, "DIR") + "\n")


@app.get("/")
async def index(request):
    return text("ok")


@app.get("/restart")
async def restart(request):
    request.app.m.restart()
    return text("restarting")


@app.get("/restart-zd")
async def restart_zero_downtime(request):
    request.app.m.restart(zero_downtime=True)
    return text("restarting")


if __name__ == "__main__":
    app.config.RELOADER_INTERVAL = 0.2
    app.run(port=PORT, auto_reload=True, reload_dir=RELOAD_DIR, access_log=False)
