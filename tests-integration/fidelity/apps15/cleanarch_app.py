"""alexted/sanic-clean-architecture-app-template ({{cookiecutter.project_name}}/src/
infrastructure/core/application.py, .../middlewares/correlation_id.py,
.../errors/error_handling.py, src/api/numbers.py, src/domain/use_cases/numbers/*.py),
condensed.

``app.error_handler.add(Exception, sanic_error_handler)``: one handler for every error,
Sanic's own (``exception.status_code``, ``ROUTING_ERROR``) and the app's (500,
``str(exception)``), reading a ``ContextVar`` set by a request middleware (``X-Request-ID``
or a fresh uuid4) and cleared by a response middleware that echoes the id;
``app.config.update(OAS_URL_PREFIX=..., ...)`` with keywords; ``register_middleware(fn,
"request")`` positional; ``empty(status=200)`` for the health check; use cases reading
``request.args.get`` into ``int(...)``. No licence file in the stored copy.

Stands in: sanic_ext (``Extend``, ``validate(json=...)``, ``app.ext.dependency``: not
installed under Sanic's side) is left out: the use cases are built in the handlers and
the body is checked by a small ``validate`` decorator raising a ``ValidationError``
(msgspec's, 422 in the handler); pydantic models are dataclasses; the error payload's
``timestamp`` is a fixed instant (``datetime.now(UTC)`` differs between two runs);
logging, telemetry, sentry and prometheus are left out.
"""

from contextvars import ContextVar
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from functools import wraps
from uuid import uuid4

from sanic import Blueprint, HTTPResponse, Request, Sanic, json, response
from sanic.exceptions import SanicException

CORRELATION_ID: ContextVar[str | None] = ContextVar("correlation_id", default=None)
NOW = datetime(2025, 5, 1, tzinfo=UTC)


class ValidationError(Exception):
    pass


async def handle_correlation_id_request(request: Request) -> None:
    correlation_id = request.headers.get("X-Request-ID", str(uuid4()))
    request.ctx.correlation_id = correlation_id
    CORRELATION_ID.set(correlation_id)


async def handle_correlation_id_response(request: Request, response: HTTPResponse) -> None:
    correlation_id = getattr(request.ctx, "correlation_id", None)
    if correlation_id:
        response.headers["X-Request-ID"] = correlation_id
    CORRELATION_ID.set(None)


async def log_request_start(request: Request) -> None:
    request.ctx.started = True


async def log_request_end(request: Request, response: HTTPResponse) -> None:
    pass


async def sanic_error_handler(request: Request, exception: Exception):
    status_code = 500
    error_type = "INTERNAL_ERROR"
    message = str(exception)
    if isinstance(exception, SanicException):
        status_code = exception.status_code
        error_type = "ROUTING_ERROR"
    elif isinstance(exception, ValidationError):
        status_code = 422
        error_type = "VALIDATION_ERROR"
        message = f"Invalid input: {str(exception)}"
    payload = {
        "error": error_type,
        "message": message,
        "request_id": CORRELATION_ID.get() or getattr(request.ctx, "correlation_id", "unknown"),
        "timestamp": NOW.isoformat(),
    }
    return json(payload, status=status_code)


def validate(json=None):
    def decorator(handler):
        @wraps(handler)
        async def wrapper(request, *args, **kwargs):
            data = request.json
            if not isinstance(data, dict):
                raise ValidationError(f"Expected `object`, got `{type(data).__name__}`")
            for f in fields(json):
                if f.name not in data:
                    raise ValidationError(f"Object missing required field `{f.name}`")
                if type(data[f.name]) is not f.type:
                    raise ValidationError(f"Expected `{f.type.__name__}`, got "
                                          f"`{type(data[f.name]).__name__}` - at `$.{f.name}`")
            return await handler(request, *args, body=json(**{f.name: data[f.name] for f in fields(json)}),
                                 **kwargs)
        return wrapper
    return decorator


@dataclass
class SummariseRequest:
    left_number: int
    right_number: int


@dataclass
class SubtractRequest:
    left_number: int
    right_number: int


@dataclass
class DivideRequest:
    dividend: int
    divisor: int


@dataclass
class Result:
    result: float

    def model_dump(self):
        return asdict(self)


class SummariseUseCase:
    async def execute(self, r: SummariseRequest) -> Result:
        return Result(result=r.left_number + r.right_number)


class SubtractUseCase:
    async def execute(self, r: SubtractRequest) -> Result:
        return Result(result=r.left_number - r.right_number)


class MultiplyUseCase:
    async def execute(self, r: SummariseRequest) -> Result:
        return Result(result=r.left_number * r.right_number)


class DivideUseCase:
    async def execute(self, r: DivideRequest) -> Result:
        return Result(result=r.dividend / r.divisor)


bp = Blueprint("numbers", url_prefix="/numbers")


@bp.post("/summarise")
@validate(json=SummariseRequest)
async def summarise_numbers(request: Request, body: SummariseRequest):
    result = await SummariseUseCase().execute(body)
    return response.json(result.model_dump())


@bp.get("/subtract")
async def subtract_numbers(request: Request):
    args = request.args
    request_object = SubtractRequest(left_number=int(args.get("minuend")),
                                     right_number=int(args.get("subtrahend")))
    result = await SubtractUseCase().execute(request_object)
    return response.json(result.model_dump())


@bp.put("/multiply")
@validate(json=SummariseRequest)
async def multiply_numbers(request: Request, body: SummariseRequest):
    result = await MultiplyUseCase().execute(body)
    return response.json(result.model_dump())


@bp.delete("/divide")
async def divide_numbers(request: Request):
    args = request.args
    request_object = DivideRequest(dividend=int(args.get("dividend")),
                                   divisor=int(args.get("divisor")))
    result = await DivideUseCase().execute(request_object)
    return response.json(result.model_dump())


v1_blueprint = Blueprint.group(bp, url_prefix="/api/v1")


def create_app() -> Sanic:
    app = Sanic("clean_architecture")
    app.config.update(OAS_URL_PREFIX="/docs", OAS_UI_DEFAULT="swagger")

    @app.get("/health")
    async def health_check(request):
        return response.empty(status=200)

    app.error_handler.add(Exception, sanic_error_handler)
    app.register_middleware(handle_correlation_id_request, "request")
    app.register_middleware(log_request_start, "request")
    app.register_middleware(handle_correlation_id_response, "response")
    app.register_middleware(log_request_end, "response")
    app.blueprint(v1_blueprint)
    return app


app = create_app()


@app.get("/debug/config")
async def debug_config(request):
    return json({"prefix": app.config.OAS_URL_PREFIX, "ui": app.config.OAS_UI_DEFAULT,
                 "cid": CORRELATION_ID.get()})
