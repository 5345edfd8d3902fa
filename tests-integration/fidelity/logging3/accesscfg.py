"""config.ACCESS_LOG seen by a worker for ACCESS_LOG config x run(access_log=) x debug."""
import sys

from sanic import Sanic, response

app = Sanic("AC")
cfg, arg, debug = sys.argv[2], sys.argv[3], sys.argv[4]
if cfg != "-":
    app.config.ACCESS_LOG = cfg == "1"


@app.get("/")
async def root(request):
    return response.text("x")


@app.after_server_start
async def report(app):
    print("ACCESS", app.config.ACCESS_LOG, "DEBUG", app.debug, "NOISY", app.config.NOISY_EXCEPTIONS, "MOTD", app.config.MOTD, flush=True)
    app.stop()


if __name__ == "__main__":
    kw = {}
    if arg != "-":
        kw["access_log"] = arg == "1"
    if debug != "-":
        kw["debug"] = debug == "1"
    app.run(port=int(sys.argv[1]), single_process=True, motd=False, **kw)
