"""Start-up lines with MOTD_DISPLAY / motd_display / motd=False / debug / auto_reload."""
import sys

from sanic import Sanic, response

app = Sanic("M")
case = sys.argv[2]
if "cfgdisplay" in case:
    app.config.MOTD_DISPLAY = {"db": "postgres", "Cache Layer": "redis"}


@app.get("/")
async def root(request):
    return response.text("x")


@app.after_server_start
async def stop(app):
    app.stop()


if __name__ == "__main__":
    kw = dict(port=int(sys.argv[1]), single_process="workers" not in case)
    if "workers" in case:
        kw["workers"] = 2
    if "nomotd" in case:
        kw["motd"] = False
    if "rundisplay" in case:
        kw["motd_display"] = {"extra": "value", "n": 1}
    if "debug" in case:
        kw["debug"] = True
    if "fast" in case:
        kw.pop("single_process")
        kw["fast"] = True
    app.run(**kw)
