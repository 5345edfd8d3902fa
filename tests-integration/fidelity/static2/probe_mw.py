"""What response middleware sees of static answers: type, status, headers, body."""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
logging.disable(logging.CRITICAL)
from tree import build  # noqa: E402

from sanic import Sanic  # noqa: E402

ROOT, _ = build()
app = Sanic("M")
app.static("/d", ROOT, name="d")
app.static("/s", ROOT, stream_large_files=100, use_content_range=True, name="s")
app.static("/v", ROOT, directory_view=True, name="v")
seen = []


@app.on_response
async def mw(request, response):
    body = getattr(response, "body", "-")
    seen.append(
        (
            request.method,
            request.path,
            type(response).__name__,
            response.status,
            sorted((k, v) for k, v in response.headers.items() if k != "date"),
            response.content_type,
            (body[:20] if isinstance(body, bytes) else body),
        )
    )


IMS = "Tue, 14 Nov 2023 22:13:20 GMT"
for m, u, h in [
    ("get", "/d/hello.txt", {}),
    ("get", "/s/big.bin", {}),
    ("get", "/s/big.bin", {"range": "bytes=0-3"}),
    ("get", "/s/hello.txt", {"range": "bytes=0-3"}),
    ("get", "/d/hello.txt", {"if-modified-since": IMS}),
    ("head", "/d/hello.txt", {}),
    ("get", "/v/", {}),
    ("get", "/v/sub", {}),
    ("get", "/d/nope", {}),
    ("head", "/s/big.bin", {}),
]:
    getattr(app.test_client, m)(u, headers=h)
for s in seen:
    print(s)
