from sanic import Sanic, text

app = Sanic("p6")
@app.post("/")
async def h(r): return text(repr(r.body))
