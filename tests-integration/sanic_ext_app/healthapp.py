"""sanic-ext's health monitor, health endpoint and background logger under app.run.

With ``auto`` as second argument, sanic-ext is not set up by the app but loaded by the
server itself (AUTO_EXTEND), as most apps rely on.
"""

import sys

from sanic_ext import Extend

from sanic import Sanic
from sanic.response import text

app = Sanic("ExtHealth")
app.config.HEALTH = True
app.config.HEALTH_ENDPOINT = True
app.config.LOGGING = True
if sys.argv[2:] != ["auto"]:
    Extend(app)


@app.get("/")
async def index(request):
    return text("ok")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), workers=1, motd=False, access_log=False)
