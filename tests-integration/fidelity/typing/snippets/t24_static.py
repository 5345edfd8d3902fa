from pathlib import Path

from sanic import Sanic

app = Sanic("T24")
app.static("/static", "/tmp", name="assets", use_modified_since=True)
app.static("/one", Path("/etc/hosts"), name="hosts", content_type="text/plain")
