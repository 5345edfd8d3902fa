"""app_conn with KEEP_ALIVE=False."""

from app_conn import app

app.config.KEEP_ALIVE = False
