"""The app insprobe.py runs (multi-process mode: the inspector runs in the main process)."""

import sys

from sanic import Sanic, response

app = Sanic("InsApp")


@app.get("/")
async def index(request):
    return response.text("ok")


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(sys.argv[1]), workers=1, motd=False)
