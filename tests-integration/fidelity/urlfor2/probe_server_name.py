"""app.url_for with odd SERVER_NAME values (trailing slash, IPv6, no scheme, upper case)."""

from sanic import Sanic
from sanic.response import text

for i, sn in enumerate(
    [
        "conf.example/",
        "http://conf.example/",
        "HTTPS://conf.example",
        "//conf.example",
        "conf.example:443",
        "https://conf.example:443",
        "[::1]",
        "[::1]:8000",
        "http://[::1]:8000",
        "",
    ]
):
    app = Sanic(f"A{i}")
    app.config.SERVER_NAME = sn

    @app.get("/p")
    async def p(request):
        return text("")

    @app.websocket("/w")
    async def w(request, ws):
        pass

    out = []
    for kw in [{}, {"_scheme": "https"}, {"_server": "s.example/"}]:
        for n in ["p", "w"]:
            try:
                out.append(app.url_for(n, _external=True, **kw))
            except Exception as e:
                out.append(f"!{type(e).__name__}: {e}")
    print(repr(sn), out)
