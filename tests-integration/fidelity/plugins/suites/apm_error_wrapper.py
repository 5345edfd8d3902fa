"""An error handler wrapped the way APM agents wrap it (atatus, elastic-apm): ``add`` and
``lookup`` go to the app's handler, ``response``/``default`` are coroutines that record the
exception and ``sys.exc_info()``, then answer with the inner handler's answer. Prints, per
request through ``app.test_client``, the status, what the wrapper recorded and how often the
request middleware ran. Run under either interpreter (sanic-testing installed) and diff:
``python apm_error_wrapper.py``.

Found in the eleventh round of real-world test suites (``../../README.md``, atatus 2.3.2).
Fixed there: a 405 recursed through the wrapper (hundreds of records, then the 500 of a
RecursionError) where Sanic records it and the 500 its handed-back coroutine causes; the
500 for an exception handler's non-response was recorded with the first error as
``sys.exc_info()``. KEPT: for such a 500 (the POST's too: sanic-testing's 405 handler hands
back the wrapper's coroutine), Sanic runs the request middleware a second time (listed in
"Random apps, second round"); Hurtle once.
"""

import asyncio
import sys

from sanic import Sanic
from sanic.handlers import ErrorHandler
from sanic.response import text

Sanic.test_mode = True
recorded: list[str] = []
middleware_runs: list[str] = []


class Wrapper(ErrorHandler):
    def __init__(self, inner: ErrorHandler) -> None:
        super().__init__()
        self.inner = inner

    def add(self, exception, handler, *args, **kwargs):
        self.inner.add(exception, handler, *args, **kwargs)

    def lookup(self, exception, *args, **kwargs):
        return self.inner.lookup(exception, *args, **kwargs)

    async def _answer(self, request, exception):
        recorded.append(f"{type(exception).__name__}/{type(sys.exc_info()[1]).__name__}")
        if len(recorded) > 6:
            return text("loop cut", 599)
        handler = self.inner.lookup(exception)
        response = handler(request, exception) if handler else None
        if response is None:
            response = self.inner.default(request, exception)
        return await response if asyncio.iscoroutine(response) else response

    def response(self, request, exception):
        return self._answer(request, exception)

    def default(self, request, exception):
        return self._answer(request, exception)


class Original(Exception):
    pass


app = Sanic("ApmWrapper")
app.error_handler = Wrapper(app.error_handler)


@app.on_request
async def count(request):
    middleware_runs.append(request.path)


@app.get("/get-only")
async def get_only(request):
    return text("ok")


@app.get("/raise")
async def raise_original(request):
    raise Original("first")


@app.exception(Original)
async def answers_a_dict(request, exception):
    return {"not": "a response"}


for method, path in [
    ("post", "/get-only"),
    ("delete", "/get-only"),
    ("get", "/missing"),
    ("get", "/raise"),
]:
    recorded.clear()
    middleware_runs.clear()
    _, response = getattr(app.test_client, method)(path)
    # KEPT: the two answers that end in the 500 of a non-response (request_middleware 2/1)
    label = "KEPT " if (method, path) in {("post", "/get-only"), ("get", "/raise")} else ""
    print(f"{label}{method.upper()} {path}: {response.status} recorded={recorded} "
          f"request_middleware={len(middleware_runs)}")
