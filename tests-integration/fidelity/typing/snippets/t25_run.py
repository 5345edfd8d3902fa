from sanic import Sanic

app = Sanic("T25")
def main() -> None:
    app.run(host="127.0.0.1", port=8000, workers=2, debug=True, dev=True, access_log=False, fast=False, single_process=False, auto_reload=False)
    app.prepare(host="127.0.0.1", port=8001)
    Sanic.serve()
