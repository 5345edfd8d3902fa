from sanic import Sanic
from sanic.response import text

app = Sanic("Big")
app.config.REQUEST_MAX_SIZE = 600


@app.route("/", methods=["GET", "POST"])
async def i(request):
    return text("ok")
