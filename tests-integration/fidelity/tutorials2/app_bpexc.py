"""Blueprint exception handlers as users report them (pattern origin: sanic-org/sanic#2282
"Blueprint and NotFound Exception" with `@bp.exception(NotFound)` and
`@bp.exception(SanicException)` on two prefixed blueprints, #2202 a handler in one
blueprint meeting an error raised in another, #2242 handlers added in a loop over
`Blueprint.group(...).blueprints` for an exception class with multiple bases)."""

from sanic import Blueprint, HTTPResponse, Request, Sanic
from sanic.exceptions import NotFound, SanicException
from sanic.response import json, text

app = Sanic("TutBpExc")

bp_inputs = Blueprint("inputs", url_prefix="/inputs")
bp_outputs = Blueprint("outputs", url_prefix="/outputs")


@bp_inputs.exception(NotFound)
def inputs_404(request, exception):
    return json({"bp": "inputs", "kind": "404", "msg": str(exception)}, status=404)


@bp_inputs.exception(SanicException)
def inputs_error(request, exception):
    return json(
        {"bp": "inputs", "kind": "sanic", "status": exception.status_code},
        status=exception.status_code,
    )


@bp_inputs.route("/get")
async def get_inputs(request):
    raise SanicException("Something went wrong.", status_code=501)


@bp_inputs.route("/missing")
async def missing_input(request):
    raise NotFound("no such input")


@bp_outputs.exception(NotFound)
def outputs_404(request, exception):
    return json({"bp": "outputs", "kind": "404"}, status=404)


@bp_outputs.route("/get")
async def get_outputs(request):
    raise SanicException("outputs failed", status_code=502)


class Error(Exception):
    pass


handled = Blueprint("handled")


@handled.exception(Error)
def handle_error(req, e):
    return text(f"handled {e}")


other = Blueprint("other", url_prefix="/other")


@other.route("/")
def raises_error(request):
    raise Error("error in other")


class BaseError(SanicException):
    status_code = 400


class ErrorA(BaseError):
    error = "a"


class ErrorB(BaseError):
    status_code = 409


class ErrorBA(ErrorB, ErrorA):
    error = "foo"


auth = Blueprint("auth", url_prefix="/auth")
token = Blueprint("token")


@auth.route("/network", version=1)
async def network(_: Request):
    raise ErrorBA("diamond")


@token.route("/token")
async def tok(_: Request):
    raise ErrorA("plain a")


g1 = Blueprint.group(auth, version_prefix="/api/v")
g2 = Blueprint.group(token, url_prefix="/api/oauth2")

for bp in g1.blueprints:

    @bp.exception(BaseError)
    async def _(request, ex: BaseError) -> HTTPResponse:
        return json(
            {"handler": "g1", "error": ex.error, "status": ex.status_code}, status=ex.status_code
        )


app.blueprint(bp_inputs)
app.blueprint(bp_outputs)
app.blueprint(handled)
app.blueprint(other)
app.blueprint(g1)
app.blueprint(g2)
