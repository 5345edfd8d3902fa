from sanic import Sanic, json, text
from sanic.errorpages import (
    BaseRenderer,
    HTMLRenderer,
    JSONRenderer,
    TextRenderer,
    exception_response,
)
from sanic.exceptions import *
from sanic.handlers import ErrorHandler


class MyText(TextRenderer):
    @property
    def title(self):
        return "T:" + super().title

    @property
    def text(self):
        return "X:" + super().text

    @property
    def headers(self):
        return {**super().headers, "x-r": "1"}


class MyJSON(JSONRenderer):
    def full(self):
        return json({"full": self.title}, status=299)

    def minimal(self):
        return json({"min": self.title, "t": self.text, "s": self.status})


class MyHTML(HTMLRenderer):
    def render(self):
        r = super().render()
        r.headers["x-html"] = "1"
        return r

    @property
    def status(self):
        return 418


class MyBase(BaseRenderer):
    def full(self):
        return text("base-full " + self.title)

    def minimal(self):
        return text("base-min " + self.title + "|" + self.text)


class EH(ErrorHandler):
    def default(self, request, exception):
        which = request.args.get("r")
        if which:
            R = {
                "text": MyText,
                "json": MyJSON,
                "html": MyHTML,
                "base": MyBase,
                "plain": TextRenderer,
            }[which]
            return exception_response(
                request,
                exception,
                debug=bool(request.args.get("d")),
                fallback="auto",
                base=TextRenderer,
                renderer=R,
            )
        return super().default(request, exception)


app = Sanic("r1", error_handler=EH(base=MyBase))


@app.get("/e")
def e(r):
    raise BadRequest("bad thing", context={"k": "v"}, extra={"x": 1}, headers={"h1": "v1"})


@app.get("/v")
def v(r):
    raise ValueError("val")


@app.get("/u")
def u(r):
    raise Unauthorized("who", scheme="Basic", realm="r")


@app.get("/fmt")
def fmt(r):
    app.config.FALLBACK_ERROR_FORMAT = r.args.get("f")
    return text("ok " + str(app.config.FALLBACK_ERROR_FORMAT))


@app.get("/ej", error_format="json")
def ej(r):
    raise NotFound("nf")
