"""Typed and regex route parameters for hostile, long inputs (routes.http)."""

from sanic import Sanic, response

app = Sanic("rt")


def mk(path, name):
    async def h(request, **kw):
        return response.json(
            {"n": name, "kw": {k: f"{str(v)[:40]}..{len(str(v))}" for k, v in kw.items()}}
        )

    app.add_route(h, path, name=name)


for path, name in [
    ("/p/<p:path>", "p"),
    ("/pp/<a:path>/x/<b:path>/y", "pp"),
    ("/slug/<s:slug>", "slug"),
    ("/ext/<e:ext>", "ext"),
    ("/ext2/<e:ext=txt|html>", "ext2"),
    ("/uuid/<u:uuid>", "uuid"),
    ("/float/<f:float>", "float"),
    ("/int/<i:int>", "int"),
    ("/ymd/<d:ymd>", "ymd"),
    ("/alpha/<a:alpha>", "alpha"),
    ("/re/<r:[a-z]+(?:-[a-z]+)*>", "re"),
    ("/re2/<r:\\d+>/<s:[^/]+>", "re2"),
    ("/str/<s:str>/<t:strorempty>", "str"),
]:
    mk(path, name)
