from typing import reveal_type

from sanic import Sanic

app = Sanic("T34")
reveal_type(app.config.REQUEST_MAX_SIZE)
reveal_type(app.config.KEEP_ALIVE_TIMEOUT)
reveal_type(app.config.ACCESS_LOG)
reveal_type(app.config.PROXIES_COUNT)
reveal_type(app.config.FORWARDED_SECRET)
reveal_type(app.config.REAL_IP_HEADER)
reveal_type(app.config.get("X", 1))
app.config.REQUEST_TIMEOUT = 30
app.config.load_environment_vars("MYAPP_")
