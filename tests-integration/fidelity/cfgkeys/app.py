"""Configuration keys under sanic-diff: set them as JSON in CFGKEYS, e.g.

    CFGKEYS='{"KEEP_ALIVE_TIMEOUT": 0}' /work/shared/tools/sanic-diff app.py requests.http
"""

import asyncio
import json
import os

from sanic import Sanic, response

app = Sanic("cfgkeys")
app.config.update(json.loads(os.environ.get("CFGKEYS", "{}")))


def _id(request):
    value = str(request.id)
    return "uuid" if len(value) == 36 and value.count("-") == 4 else value


@app.route("/", methods=["GET", "POST"])
async def index(request):
    return response.json(
        {
            "id": _id(request),
            "ip": request.ip,
            "remote": request.remote_addr,
            "scheme": request.scheme,
            "host": request.host,
            "len": len(request.body),
            "fwd": dict(request.forwarded),
        }
    )


@app.get("/slow")
async def slow(request):
    await asyncio.sleep(1.5)
    return response.text("slow")


@app.get("/err")
async def err(request):
    raise ValueError("boom")
