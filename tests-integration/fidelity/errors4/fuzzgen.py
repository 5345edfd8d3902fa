"""Make one small app per seed: 1-5 exception handlers of random shapes (app or blueprint,
sync or async, for one or two classes, answering, returning None, a string or ``empty()``,
raising, re-raising, calling ``default()``), an ``ErrorHandler`` subclass in 40% of apps,
3-7 routes raising drawn exceptions, sometimes a failing request middleware.

    python3 tests-integration/fidelity/errors4/fuzzgen.py SEED   # prints the app's source
"""

import random
import sys


def gen(seed):
    rng = random.Random(seed)
    L = []
    L.append("from sanic import Sanic, Blueprint, text, json, empty, html")
    L.append("from sanic.exceptions import *")
    L.append("from sanic.handlers import ErrorHandler")
    L.append(
        "from sanic.errorpages import exception_response, TextRenderer, JSONRenderer, HTMLRenderer"
    )
    L.append(
        "class A(Exception): pass\nclass B(A): pass\nclass C(SanicException):\n    status_code = 409\nclass D(C, B): pass\nclass Q(NotFound):\n    quiet = False\n    headers = {'x-q': 'q'}"
    )
    eh = rng.random() < 0.4
    if eh:
        L.append("class EH(ErrorHandler):")
        kind = rng.choice(
            [
                "default_json",
                "default_super_hdr",
                "response_wrap",
                "log_ctx",
                "default_renderer",
                "response_async",
            ]
        )
        if kind == "default_json":
            L.append(
                "    def default(self, request, exception):\n        return json({'eh': type(exception).__name__, 's': getattr(exception, 'status_code', None)}, status=getattr(exception, 'status_code', 500) if isinstance(getattr(exception, 'status_code', 500), int) else 500)"
            )
        elif kind == "default_super_hdr":
            L.append(
                "    def default(self, request, exception):\n        r = super().default(request, exception)\n        r.headers['x-eh'] = type(exception).__name__\n        return r"
            )
        elif kind == "response_wrap":
            L.append(
                "    def response(self, request, exception):\n        r = super().response(request, exception)\n        request.ctx.via = 'resp'\n        return r"
            )
        elif kind == "log_ctx":
            L.append(
                "    def log(self, request, exception):\n        request.ctx.via = 'log:' + type(exception).__name__"
            )
        elif kind == "default_renderer":
            R = rng.choice(["TextRenderer", "JSONRenderer", "HTMLRenderer"])
            L.append(
                f"    def default(self, request, exception):\n        return exception_response(request, exception, debug=False, fallback='auto', base=TextRenderer, renderer={R})"
            )
        elif kind == "response_async":
            L.append(
                "    async def response(self, request, exception):\n        r = super().response(request, exception)\n        if hasattr(r, '__await__'):\n            r = await r\n        return r"
            )
        L.append("app = Sanic('fz', error_handler=EH())")
    else:
        L.append("app = Sanic('fz')")
    if rng.random() < 0.3:
        L.append(
            f"app.config.FALLBACK_ERROR_FORMAT = {rng.choice(['auto', 'json', 'text', 'html'])!r}"
        )
    L.append("seen = []")
    L.append(
        "@app.on_response\ndef _rmw(req, resp):\n    resp.headers['x-via'] = str(getattr(req.ctx, 'via', '-'))"
    )
    L.append("bp = Blueprint('bp', url_prefix='/bp')")
    excs = [
        "A('a')",
        "B('b')",
        "C('c')",
        "D('d')",
        "Q('q')",
        "ValueError('v')",
        "KeyError('k')",
        "NotFound('nf')",
        "BadRequest('br', context={'k': 1})",
        "ServerError('se')",
        "Unauthorized('u', scheme='Basic', realm='r')",
        "SanicException('s', status_code=418)",
        "Forbidden('f', headers={'x-f': '1'})",
        "ZeroDivisionError('z')",
    ]
    classes = [
        "A",
        "B",
        "C",
        "D",
        "Q",
        "ValueError",
        "KeyError",
        "LookupError",
        "NotFound",
        "BadRequest",
        "ServerError",
        "SanicException",
        "Exception",
        "Unauthorized",
        "HTTPException",
        "ArithmeticError",
    ]
    bodies = [
        "return text('h{n} ' + type(e).__name__)",
        "return text('h{n} ' + type(e).__name__, status=299, headers={{'x-h': '{n}'}})",
        "return json({{'h': {n}, 'e': str(e)}}, status=getattr(e, 'status_code', 500) if isinstance(getattr(e, 'status_code', 500), int) else 500)",
        "return None",
        "return 'not a response'",
        "raise ServerError('from h{n}')",
        "raise BadRequest('br from h{n}')",
        "raise ValueError('ve from h{n}')",
        "raise e",
        "return r.app.error_handler.default(r, e)",
        "return empty()",
        "return empty(status=304)",
    ]
    used = set()
    for n in range(rng.randint(1, 5)):
        k = rng.randint(1, 2)
        cs = tuple(sorted(rng.sample(classes, k)))
        target = rng.choice(["app", "app", "bp"])
        if any((target, c) in used for c in cs):
            continue
        for c in cs:
            used.add((target, c))
        asy = rng.choice(["", "async "])
        body = rng.choice(bodies).format(n=n)
        L.append(f"@{target}.exception({', '.join(cs)})\n{asy}def h{n}(r, e):\n    {body}")
    routes = []
    for i in range(rng.randint(3, 7)):
        ex = rng.choice(excs)
        where = rng.choice(["app", "bp"])
        asy = rng.choice(["", "async "])
        L.append(f"@{where}.get('/r{i}')\n{asy}def r{i}(r):\n    raise {ex}")
        routes.append(("/bp" if where == "bp" else "") + f"/r{i}")
    if rng.random() < 0.4:
        ex = rng.choice(excs)
        L.append(f"@app.on_request\ndef _mw(r):\n    if r.args.get('mw'):\n        raise {ex}")
        routes.append(routes[0] + "?mw=1")
    L.append("app.blueprint(bp)")
    routes.append("/nope")
    return "\n".join(L) + "\n", routes


if __name__ == "__main__":
    src, routes = gen(int(sys.argv[1]))
    print(src)
    print("#", routes)
