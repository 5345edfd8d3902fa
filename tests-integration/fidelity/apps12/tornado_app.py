"""dawelter2/test_sanic_tornado (Sanic/server.py, as written but for the folder): an upload
read from `request.files.get("file")` and written with aiofiles, a download answered with
`file_stream(path, headers={"Content-Length": ..., "Content-Disposition": ...},
chunked=None, chunk_size=1024 * 1024)` of a name taken from `request.args['filename'][0]`,
and a websocket that sends a text file line by line (`async for line in f`) and returns.
Stand-ins: aiofiles (a small async wrapper over open(), written here); the files folder is
``tornado_files`` next to this file (the original used ``../files``)."""

import os

from sanic import Sanic, response
from sanic.response import file_stream

FILES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tornado_files")
if not os.path.exists(f"{FILES}/medium.bin"):  # a 75 KB binary to download, made here
    with open(f"{FILES}/medium.bin", "wb") as f:
        f.write(bytes(range(256)) * 300)


class _AsyncFile:
    def __init__(self, path, mode):
        self.f = open(path, mode)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.f.close()

    async def write(self, data):
        return self.f.write(data)

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = self.f.readline()
        if not line:
            raise StopAsyncIteration
        return line


class aiofiles:
    open = _AsyncFile

    class os:
        @staticmethod
        async def stat(path):
            return os.stat(path)


async_os = aiofiles.os
app = Sanic(__name__.replace(".", "_"))


@app.post("/upload")
async def ProcessUpload(request):
    item = request.files.get("file")
    print("name: ", item.name)
    print("type: ", item.type)
    async with aiofiles.open(f"{FILES}/upload/{item.name}", "wb") as f:
        await f.write(item.body)
    return response.empty()


@app.route("/download")
async def ProcessDownload(request):
    print("sending file...")
    file_name = request.args["filename"][0]
    file_path = f"{FILES}/{file_name}"
    file_stat = await async_os.stat(file_path)
    headers = {
        "Content-Length": str(file_stat.st_size),
        "Content-Disposition": f"attachment;filename={file_name}",
    }
    return await file_stream(file_path, headers=headers, chunked=None, chunk_size=1024 * 1024)


@app.websocket("/get_log")
async def GetLog(request, ws):
    async with aiofiles.open(f"{FILES}/log.txt", "r") as f:
        async for line in f:
            await ws.send(line)


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ.get("APP_PORT", 8000)), debug=True)
