"""PacktPublishing/Python-Web-Development-with-Sanic, Chapter04/requeststream/server.py (the
book's code repository; no licence file is stored with it). Two streamed POST routes made
with the `sanic.views.stream` decorator on app routes: `/transaction` joins every chunk that
`request.stream.read()` gives and answers 201; `/upload` takes the first chunk as a file
name and writes the rest to it through aiofiles. `FALLBACK_ERROR_FORMAT = "text"`.

Stand-in: `aiofiles.open` writes into a dict (as written the client's first chunk names a
file in the working directory); `/files` (added here) shows what was written and in how
many pieces, so the chunking the handler saw is compared.
"""

from sanic import Request, Sanic, text, json
from sanic.views import stream

WRITTEN = {}


class _Writer:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        WRITTEN[self.name] = []
        return self

    async def __aexit__(self, *_):
        return False

    async def write(self, data):
        WRITTEN[self.name].append(data)


class aiofiles:  # stand-in for the package: the same call the handler makes
    @staticmethod
    def open(name, mode="r"):
        return _Writer(name)


app = Sanic(__name__)
app.config.FALLBACK_ERROR_FORMAT = "text"


@app.post("/transaction")
@stream
async def transaction(request: Request):
    result = ""
    while True:
        body = await request.stream.read()  # type: ignore
        if body is None:
            break
        result += body.decode("utf-8")
    return text(result, status=201)


@app.post("/upload")
@stream
async def upload(request: Request):
    filename = await request.stream.read()  # type: ignore
    async with aiofiles.open(filename.decode("utf-8"), mode="w") as f:
        while True:
            body = await request.stream.read()  # type: ignore
            if body is None:
                break
            await f.write(body.decode("utf-8"))
    return text("Done", status=201)


@app.get("/files")
async def files(request: Request):
    return json(WRITTEN)
