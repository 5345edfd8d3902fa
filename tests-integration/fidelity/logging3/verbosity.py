"""Records with extra={"verbosity": N} under app.run(verbosity=V): which are printed."""
import sys

from sanic import Sanic
from sanic.log import access_logger, error_logger, logger, server_logger, websockets_logger

app = Sanic("V")
app.get("/")(lambda r: None)


@app.after_server_start
async def report(app):
    for lg in (logger, error_logger, server_logger, websockets_logger, access_logger):
        for v in (0, 1, 2, 3):
            lg.warning("%s v%s", lg.name, v, extra={"verbosity": v, "host": "", "request": "", "status": "", "byte": "", "duration": ""})
    from sanic.logging.filter import VerbosityFilter
    print("FILTER", VerbosityFilter.verbosity, flush=True)
    app.stop()


if __name__ == "__main__":
    app.run(port=int(sys.argv[1]), single_process=True, verbosity=int(sys.argv[2]), motd=False, debug=len(sys.argv) > 3)
