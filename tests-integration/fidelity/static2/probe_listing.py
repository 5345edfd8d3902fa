"""Run under each interpreter: the rows of each directory listing, and the path a
DirectoryHandler subclass is given, in a comparable form."""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import logging

logging.disable(logging.CRITICAL)
from app_options import ROOT, app  # noqa: E402

from sanic.handlers.directory import DirectoryHandler  # noqa: E402
from sanic.response import text  # noqa: E402


class Echo(DirectoryHandler):
    async def handle(self, request, path):
        return text(f"path={path!r}")


R = ROOT

app.static("/echo", R, directory_handler=Echo("/echo", R), name="echo")
app.static("/echo2/", R, directory_handler=Echo("/echo2/", R), name="echo2")

for url in [
    "/dv/",
    "/dv/sub/",
    "/dv/emptydir/",
    "/dv/.hdir/",
    "/dv/dir_in/",
    "/dv/a..b/",
    "/bp/v/",
    "/fxb/dir_out/",
    "/dvi/sub/",
    "/echo/",
    "/echo/sub",
    "/echo/sub/",
    "/echo//sub/",
    "/echo/a..b/",
    "/echo2/sub/",
    "/echo/%C3%A9/",
    "/echo/sp%20ace/",
]:
    _, r = app.test_client.get(url)
    body = r.body.decode()
    rows = re.findall(r'<a href="([^"]*)">(.*?)</a>', body)
    cells = re.findall(r"<td>(.*?)</td>", body)
    h1 = re.findall(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    print(url, r.status, r.headers.get("location"), r.headers.get("content-type"))
    if "path=" in body:
        print("  ", body)
    else:
        print("   h1:", h1)
        print("   links:", rows)
        print("   cells:", cells[:60])
