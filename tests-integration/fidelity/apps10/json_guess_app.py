"""Round ten of the real-world apps: an error page made JSON only because the request body
parses as JSON. Sanic answers JSON and warns (DeprecationWarning, once per route) that the
guess is deprecated; a JSON Content-Type or Accept, an empty object, an HTML Accept and an
unrouted path do not warn.

    /work/shared/tools/sanic-diff --logs json_guess_app.py json_guess.http

Expect every answer the same (but the `date` field and the HTML page markup, kept) and the same three warnings in both logs (their source line
differs: Sanic's module or Hurtle's, kept).
"""

from sanic import Sanic
from sanic.exceptions import InvalidUsage
from sanic.response import raw

app = Sanic("jsonguess")


def route(path: str) -> None:
    async def handler(request):
        if request.args.get("ok"):
            return raw(b"x")  # no single response type: the route's format stays "auto"
        raise InvalidUsage("bad")

    handler.__name__ = "h_" + path.strip("/")
    app.add_route(handler, path, methods=["POST", "GET"])


for path in ("/body", "/typed", "/accept", "/texttype", "/empty", "/html"):
    route(path)
