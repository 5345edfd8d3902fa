"""app_conn with a small REQUEST_MAX_SIZE (300; Sanic bounds heads by it too) and REQUEST_MAX_HEADER_SIZE."""

from app_conn import app

app.config.REQUEST_MAX_SIZE = 300
app.config.REQUEST_MAX_HEADER_SIZE = 200
