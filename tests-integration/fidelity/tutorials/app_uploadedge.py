"""Upload handler variants that tutorials' clients produce: a quoted boundary, a
Windows path as filename (old IE), an empty file part, a part with a charset,
binary content, a missing closing boundary (pattern origin:
https://github.lovairy.cn/felciano/sanic/blob/master/docs/request_data.md ; File
fields .name/.type/.body)."""

from sanic import Sanic
from sanic.response import json

app = Sanic("TutUploadEdge")


@app.post("/upload")
async def upload(request):
    return json(
        {
            "files": {
                k: [
                    {"name": f.name, "type": f.type, "len": len(f.body), "head": f.body[:8].hex()}
                    for f in v
                ]
                for k, v in request.files.items()
            },
            "form": {k: v for k, v in request.form.items()},
        }
    )
