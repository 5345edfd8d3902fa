"""The app both servers run for the inspector probes (ports and options from the env)."""

import asyncio
import os

from sanic import Sanic
from sanic.response import text
from sanic.worker.inspector import Inspector


class MyInspector(Inspector):
    def hello(self, name="world"):
        return f"hello {name}"

    def add(self, a, b=0):
        return a + b

    def several(self, *args, **kwargs):
        return {"args": list(args), "kwargs": kwargs}

    def boom(self):
        raise RuntimeError("kaboom")

    async def slow(self, n=1):
        await asyncio.sleep(0.01)
        return {"n": n}

    def nothing(self):
        return None

    def numbers(self):
        return [1, 2.5, True, None]

    def _private(self):
        return "private"


app = Sanic("InspApp", inspector_class=MyInspector)
app.config.INSPECTOR = True
app.config.INSPECTOR_HOST = os.environ.get("IHOST", "127.0.0.1")
app.config.INSPECTOR_PORT = int(os.environ["IPORT"])
if os.environ.get("IKEY"):
    app.config.INSPECTOR_API_KEY = os.environ["IKEY"]
if "ICERT" in os.environ:
    app.config.INSPECTOR_TLS_CERT = os.environ["ICERT"]
if "IKEYFILE" in os.environ:
    app.config.INSPECTOR_TLS_KEY = os.environ["IKEYFILE"]


@app.get("/")
async def index(request):
    return text(str(os.getpid()))


@app.get("/crash")
async def crash(request):
    os._exit(3)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]),
            workers=int(os.environ.get("WORKERS", "2")), motd=False)
