"""Static content types on the wire: app.static over files of many kinds and names."""

from pathlib import Path

from sanic import Sanic

app = Sanic("FidelityMimes")
app.static("/t", Path(__file__).parent / "static_types")
app.static("/typed", Path(__file__).parent / "static_types", content_type="text/x-forced", name="typed")
