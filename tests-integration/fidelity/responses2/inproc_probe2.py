"""Second in-process probe of the response API (same use as inproc_probe.py)."""

import asyncio
import json as stdjson
from http import HTTPStatus

from sanic import Sanic, response
from sanic.response import HTTPResponse, JSONResponse

N = [0]


def show(label, fn):
    N[0] += 1
    try:
        r = fn()
        if asyncio.iscoroutine(r):
            r = asyncio.run(r)
    except BaseException as e:
        print(f"{label}: EXC {type(e).__name__}: {e}")
        return
    if isinstance(r, HTTPResponse):
        print(
            f"{label}: {type(r).__name__} status={r.status!r} body={r.body!r} "
            f"ct={r.content_type!r} headers={sorted(r.headers.items())!r}"
        )
    else:
        print(f"{label}: {r!r}")


def seq(*fns):
    def run():
        out = []
        for f in fns:
            try:
                out.append(f())
            except BaseException as e:
                out.append(f"EXC {type(e).__name__}: {e}")
        return out

    return run


r1 = JSONResponse([1, 2])
show("raw_body mutate then body", seq(lambda: r1.raw_body.append(3), lambda: r1.body, lambda: r1.raw_body))
r2 = JSONResponse([1])
show("body None then raw", seq(lambda: setattr(r2, "body", None), lambda: r2.body, lambda: r2.raw_body, lambda: r2.append(1)))
r3 = JSONResponse({"a": 1})
show("body str then", seq(lambda: setattr(r3, "body", "x"), lambda: r3.body, lambda: r3.raw_body, lambda: r3.pop("a")))
r4 = JSONResponse({"a": 1})
show("set_body then raw", seq(lambda: r4.set_body("s"), lambda: r4.body, lambda: r4.raw_body, lambda: r4.update({})))
r5 = JSONResponse([3])
show("set_body dumps persists", seq(lambda: r5.set_body([1], dumps=lambda o, **k: "X"), lambda: r5.append(2), lambda: r5.body))
r6 = JSONResponse([3], indent=3)
show("set_body kw persists", seq(lambda: r6.set_body([1], sort_keys=True), lambda: r6.append(2), lambda: r6.body))
r7 = JSONResponse([3])
show("extend non-iter", seq(lambda: r7.extend(5), lambda: r7.body))
show("append 2 args", seq(lambda: JSONResponse([1]).append(1, 2)))
show("update 2 args", seq(lambda: JSONResponse({}).update({}, {})))
show("pop 3 args", seq(lambda: JSONResponse({}).pop(1, 2, 3)))
show("update nonser", seq(lambda: JSONResponse({}).update({"a": object()})))
r8 = JSONResponse([1])
show("append nonser then", seq(lambda: r8.append(object()), lambda: r8.body, lambda: len(r8.raw_body)))
show("jr status HTTPStatus", lambda: JSONResponse({}, status=HTTPStatus.OK).status)
show("jr ct", lambda: JSONResponse({}, content_type="a/b").content_type)
show("jr headers ct", lambda: JSONResponse({}, headers={"content-type": "a/b"}).content_type)
show("json headers ct", lambda: response.json({}, headers={"content-type": "a/b"}))
show("text headers ct", lambda: response.text("", headers={"Content-Type": "a/b"}))
show("text ct None", lambda: response.text("", content_type=None))
show("html ct?", lambda: response.html("", headers={"content-type": "a/b"}))
show("json dumps raises", lambda: response.json({}, dumps=lambda o: 1 / 0))
show("json dumps returns int", lambda: response.json({}, dumps=lambda o: 5))
show("redirect idn", lambda: response.redirect("http://ü.com/ü"))
show("redirect query plus", lambda: response.redirect("/a?x=a b&y=+"))
show("redirect pct-lower", lambda: response.redirect("/%e9"))
show("redirect ipv6", lambda: response.redirect("http://[::1]:8000/a b"))
show("redirect userinfo", lambda: response.redirect("http://u:p w@h/"))
show("redirect status str", lambda: response.redirect("/", status="301"))
show("redirect None", lambda: response.redirect(None))
show("redirect Path", lambda: response.redirect(__import__("pathlib").PurePosixPath("/a b")))
show("empty status str", lambda: response.empty(status="204"))
show("empty headers ct", lambda: response.empty(headers={"content-type": "a/b"}))
show("text status HTTPStatus", lambda: response.text("x", status=HTTPStatus.IM_A_TEAPOT).status)
show("status set HTTPStatus type", lambda: type(HTTPResponse(status=HTTPStatus.OK).status).__name__)
show("HTTPResponse status bool", lambda: HTTPResponse(status=True).status)
show("HTTPResponse body list", lambda: HTTPResponse([1]).body)
show("HTTPResponse body dict", lambda: HTTPResponse({"a": 1}).body)
show("HTTPResponse body bool", lambda: HTTPResponse(False).body)
show("HTTPResponse body 0", lambda: HTTPResponse(0).body)
show("HTTPResponse body ''", lambda: HTTPResponse("").body)
show("HTTPResponse headers None", lambda: HTTPResponse(headers=None).headers)
show("HTTPResponse headers str", lambda: HTTPResponse(headers="abc").headers)
show("HTTPResponse headers bad list", lambda: HTTPResponse(headers=[1, 2]).headers)
show("HTTPResponse repr status str", lambda: repr(HTTPResponse(status="404")))
show("HTTPResponse repr JSON", lambda: repr(JSONResponse({})))
show("HTTPResponse repr ct", lambda: repr(HTTPResponse(content_type="a/b")))
show("cookies then ph", lambda: (lambda r: (r.add_cookie("a", "b"), list(r.processed_headers)))(HTTPResponse()))
show("ph 204 with ct", lambda: list(HTTPResponse(status=204, content_type="text/plain").processed_headers))
show("ph 304", lambda: list(HTTPResponse(status=304, content_type="text/plain", headers={"ETag": "x", "Content-Encoding": "gzip", "Last-Modified": "x", "Expires": "y"}).processed_headers))
show("ph 412", lambda: list(HTTPResponse(status=412, content_type="text/plain").processed_headers))
show("ph ct set on text", lambda: list(response.text("x").processed_headers))
show("ph 100", lambda: list(HTTPResponse(status=100, content_type="text/plain").processed_headers))
show("ph 101", lambda: list(HTTPResponse(status=101, content_type="text/plain").processed_headers))
show("ph 199", lambda: list(HTTPResponse(status=199, content_type="text/plain").processed_headers))
show("stream attr", lambda: (HTTPResponse().stream, HTTPResponse().asgi))
show("dumps attr", lambda: HTTPResponse._dumps is stdjson.dumps)
show("json before app", lambda: response.json({"a": "/"}).body)
app = Sanic("probe2", dumps=lambda o, **k: "APP:" + stdjson.dumps(o, **k))
show("json after app", lambda: response.json({"a": "/"}).body)
show("jr after app", lambda: JSONResponse({"a": 1}).body)
show("jr append after app", lambda: (lambda r: (r.append(2), r.body))(JSONResponse([1])))
show("json after app kw", lambda: response.json({"b": 1, "a": 2}, sort_keys=True).body)
show("json after app dumps given", lambda: response.json({"a": 1}, dumps=stdjson.dumps).body)
show("app dumps attr", lambda: HTTPResponse._dumps is stdjson.dumps)
print("probes:", N[0])
