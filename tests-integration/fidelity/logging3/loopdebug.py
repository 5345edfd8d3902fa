"""Is the event loop in asyncio debug mode? (app.run(debug=...) / sanic --debug)."""
import asyncio
import sys

from sanic import Sanic, response

app = Sanic("LD")


@app.get("/")
async def root(request):
    return response.text(str(asyncio.get_running_loop().get_debug()))


@app.after_server_start
async def report(app):
    print("LOOPDEBUG", asyncio.get_running_loop().get_debug(), flush=True)
    app.stop()


if __name__ == "__main__":
    app.run(port=int(sys.argv[1]), single_process=True, debug=bool(int(sys.argv[2])), motd=False)
