"""Probe: app.run(protocol="x", single_process=True); compare the log lines and exit code."""

from sanic import Sanic
from sanic.response import text

app = Sanic("protoapp")


@app.get("/")
async def index(request):
    return text("ok")


if __name__ == "__main__":
    app.run(port=0, protocol="x", single_process=True)
