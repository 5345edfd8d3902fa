"""What the middleware-registering APIs return and what the app lists: the Middleware
records (README section "Middleware records"). Late blueprint middleware, a group's
priority= and the test client's own middleware are left out (kept differences)."""

from _probe import new_app, req, show

from sanic import Blueprint, text
from sanic.middleware import Middleware, MiddlewareLocation

seen = []


def make(name, response=False):
    if response:

        async def func(request, response):
            seen.append(name)

    else:

        async def func(request):
            seen.append(name)

    func.__name__ = name
    return func


def describe(record, func):
    fields = [type(record).__name__, record is func, callable(record)]
    if isinstance(record, Middleware):
        fields += [
            record.func is func,
            record.location,
            record.priority,
            record.order == (record.priority, -record.definition),
            hash(record) == hash(func),
            record == func,
            hasattr(record, "__name__"),
        ]
    return fields


app = new_app("mwrec")
bp = Blueprint("bp", url_prefix="/bp")
one, two = Blueprint("one", url_prefix="/1"), Blueprint("two", url_prefix="/2")
group = Blueprint.group(one, two, url_prefix="/g")


@app.get("/")
async def root(request):
    return text("ok")


for target in (bp, one, two):
    target.add_route(root, "/", name=f"{target.name}_root")

returned = {}
forms = {
    "app.on_request": lambda f: app.on_request(f),
    "app.on_response": lambda f: app.on_response(f),
    "app.on_request(priority=2)": lambda f: app.on_request(priority=2)(f),
    "@app.middleware": lambda f: app.middleware(f),
    "@app.middleware('response')": lambda f: app.middleware("response")(f),
    "app.middleware(f, attach_to='response', priority=4)": lambda f: app.middleware(
        f, attach_to="response", priority=4
    ),
    "app.middleware(f, apply=False)": lambda f: app.middleware(f, apply=False),
    "app.register_middleware(f)": lambda f: app.register_middleware(f),
    "app.register_middleware(f, 'response')": lambda f: app.register_middleware(f, "response"),
    "bp.on_request": lambda f: bp.on_request(f),
    "@bp.middleware('response')": lambda f: bp.middleware("response")(f),
    "group.on_request": lambda f: group.on_request(f),
    "@group.middleware('response')": lambda f: group.middleware("response")(f),
}
for i, (label, form) in enumerate(forms.items()):
    func = make(f"m{i}", response="response" in label)
    returned[label] = form(func)
    show(label, lambda label=label, func=func: describe(returned[label], func))

record = Middleware(make("rec"), MiddlewareLocation.REQUEST, priority=6)
show("register_middleware(record) is record", lambda: app.register_middleware(record) is record)
show("register it again", lambda: app.register_middleware(record) is record)
show("register decorated again", lambda: app.register_middleware(returned["app.on_request"]))
show("record with priority=9", lambda: app.register_middleware(record, priority=9) is record)
elsewhere = Middleware(make("elsewhere", True), MiddlewareLocation.REQUEST)
show("record attached to response", lambda: app.register_middleware(elsewhere, "response"))
show(
    "bp._future_middleware",
    lambda: [describe(f.middleware, None)[0] for f in bp._future_middleware],
)
show(
    "bp future is returned",
    lambda: bp._future_middleware[0].middleware is returned["bp.on_request"],
)
show(
    "one/two records shared",
    lambda: one._future_middleware[0].middleware is two._future_middleware[0].middleware,
)
copied = bp.copy("bpcopy", url_prefix="/c")
show(
    "copy's record is not bp's",
    lambda: copied._future_middleware[0].middleware is returned["bp.on_request"],
)
app.blueprint(bp)
app.blueprint(group)
show(
    "bp.middlewares are the returned",
    lambda: [
        m is returned["bp.on_request"] or m is returned["@bp.middleware('response')"]
        for m in bp.middlewares
    ],
)


def listed(deq):
    return [
        (type(m).__name__, getattr(m.func, "__name__", "?"), m.priority, m.location) for m in deq
    ]


def identity(deq):
    return [next((label for label, r in returned.items() if r is m), None) for m in deq]


show("request_middleware", lambda: listed(app.request_middleware))
show("request_middleware identity", lambda: identity(app.request_middleware))
show("response_middleware", lambda: listed(app.response_middleware))
show("elsewhere listed as is", lambda: any(m is elsewhere for m in app.response_middleware))
show(
    "named request", lambda: {k: listed(v) for k, v in sorted(app.named_request_middleware.items())}
)
show(
    "named response",
    lambda: {k: listed(v) for k, v in sorted(app.named_response_middleware.items())},
)
before = app.request_middleware
app.finalize()
show("finalize: same deque", lambda: app.request_middleware is before)
show("finalize: request_middleware", lambda: listed(app.request_middleware))
show("finalize: response_middleware", lambda: listed(app.response_middleware))
show(
    "calling a returned record",
    lambda: (returned["bp.on_request"].func.__name__, callable(returned["bp.on_request"])),
)
show("Middleware slots", lambda: Middleware.__slots__)
# Sanic keeps the int as given, Hurtle the enum member equal to it (kept, README).
show("Middleware(f, 2).location == 2", lambda: Middleware(make("x"), 2).location == 2)
Middleware.reset_count()
show(
    "definition after reset_count",
    lambda: Middleware(make("y"), MiddlewareLocation.REQUEST).definition,
)
seen.clear()
req(app, "GET /bp/", "GET", "/bp/")
show("ran for /bp/", lambda: list(seen))
