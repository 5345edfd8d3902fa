"""sanic-ext's health monitor, health endpoint and background logger under app.run."""

import sys

from sanic_ext import Extend

from sanic import Sanic
from sanic.response import text

app = Sanic("ExtHealth")
app.config.HEALTH = True
app.config.HEALTH_ENDPOINT = True
app.config.LOGGING = True
Extend(app)


@app.get("/")
async def index(request):
    return text("ok")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), workers=1, motd=False, access_log=False)
