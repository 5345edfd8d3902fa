from sanic import Sanic
from sanic.log import logger
from sanic.response import text

app = Sanic("HealthApp")
app.config.HEALTH = True
app.config.HEALTH_ENDPOINT = True
app.config.LOGGING = True
app.config.HEALTH_REPORT_INTERVAL = 1

@app.get("/")
async def i(request):
    logger.info("handler log line")
    return text("hi")
