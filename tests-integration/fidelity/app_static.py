"""app.static on the wire: files, directories, index, traversal, ranges, HEAD."""

from pathlib import Path

from sanic import Sanic

HERE = Path(__file__).parent / "static"
app = Sanic("FidelityStatic")
app.static("/s", HERE)
app.static("/one", HERE / "hello.txt", name="one")
app.static("/idx", HERE, index="page.html", name="idx")
app.static("/list", HERE, directory_view=True, name="listing")
