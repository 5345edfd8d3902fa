"""Byte ranges and conditional requests on the wire: app.static and file(_range=...)."""

from pathlib import Path

from sanic import Sanic
from sanic.handlers import ContentRangeHandler
from sanic.response import file

HERE = Path(__file__).parent / "static"
app = Sanic("FidelityRanges")
app.static("/s", HERE)
app.static("/big", HERE, stream_large_files=4, name="big")
app.static("/r", HERE, use_content_range=True, name="ranged")
app.static("/rbig", HERE, use_content_range=True, stream_large_files=4, name="rbig")


@app.route("/file", methods=["GET", "HEAD"])
async def file_range(request):
    path = HERE / "hello.txt"
    try:
        rng = ContentRangeHandler(request, path.stat())
    except Exception as error:  # the handler's own error, as Sanic raises it
        return await file(path, headers={"x-error": f"{type(error).__name__}: {error}"})
    return await file(path, _range=rng)
