"""An app built on its own classes (written for this round): a ``Request`` subclass with
``make_context`` returning a typed ``SimpleNamespace``-like context and extra properties
(``locale`` from ``Accept-Language``, ``is_ajax``, a cached ``json`` body through
``get_json``), a ``Config`` subclass with class-level defaults, a ``__init__`` that loads
``defaults=``, ``register_type`` converters and an ``update`` override, an app ``ctx=``
object, ``Sanic(..., request_class=, config=, ctx=)``, ``app.config.update_config`` from
an object and a dict, attribute and item access, ``app.config.get``, middleware that fills
``request.ctx``, ``request.ctx`` typed per request, and ``app.ctx`` counters. As first written the ``update`` override kept its count in
``self._updates``: setting an attribute calls ``update`` again, a ``RecursionError`` at
import in both; the count now lives in a module list."""

from dataclasses import dataclass, field

from sanic import Request, Sanic
from sanic.config import Config
from sanic.response import json, text


@dataclass
class AppState:
    hits: int = 0
    langs: dict = field(default_factory=dict)


@dataclass
class RequestState:
    user: str | None = None
    trace: list = field(default_factory=list)


class ShopRequest(Request):
    @classmethod
    def make_context(cls):
        return RequestState()

    @property
    def locale(self) -> str:
        raw = self.headers.get("accept-language", "")
        best = "en"
        best_q = -1.0
        for part in raw.split(","):
            tag, _, params = part.strip().partition(";")
            q = 1.0
            if params.strip().startswith("q="):
                try:
                    q = float(params.strip()[2:])
                except ValueError:
                    q = 0.0
            if tag and q > best_q:
                best, best_q = tag.strip().lower(), q
        return best

    @property
    def is_ajax(self) -> bool:
        return self.headers.get("x-requested-with", "").lower() == "xmlhttprequest"


class Flags:
    FEATURE_X = True
    PAGE_SIZE = 25
    lowercase_ignored = "no"


UPDATES: list = []


class ShopConfig(Config):
    SHOP_NAME = "Corner Shop"
    CURRENCY = "EUR"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, defaults={"TAX_RATE": 0.2, "SHOP_NAME": "default"},
                         env_prefix="SHOPCFG_", **kwargs)
        self.register_type(lambda v: v.split(",") if "," in v else v)

    def update(self, *other, **kwargs):
        super().update(*other, **kwargs)
        UPDATES.append(sorted(k for o in other for k in dict(o)) + sorted(kwargs))


app = Sanic("shop", request_class=ShopRequest, config=ShopConfig(), ctx=AppState())
app.config.update_config(Flags)
app.config.update_config({"PAGE_SIZE": 50, "GREETING": "hej"})
app.config.update(LOW_STOCK=3)
app.config.MAX_CART = 10


@app.middleware("request")
async def who(request: ShopRequest):
    request.ctx.user = request.headers.get("x-user")
    request.ctx.trace.append("mw")
    request.app.ctx.hits += 1
    request.app.ctx.langs[request.locale] = request.app.ctx.langs.get(request.locale, 0) + 1


@app.get("/")
async def index(request: ShopRequest):
    request.ctx.trace.append("handler")
    return json({
        "request_class": type(request).__name__,
        "ctx": type(request.ctx).__name__,
        "user": request.ctx.user,
        "trace": request.ctx.trace,
        "locale": request.locale,
        "ajax": request.is_ajax,
    })


@app.get("/config")
async def config(request):
    c = request.app.config
    return json({
        "class": type(c).__name__,
        "shop": c.SHOP_NAME,
        "currency": c.CURRENCY, "currency_item": c.get("CURRENCY"),
        "tax": c.TAX_RATE,
        "feature_x": c.FEATURE_X,
        "page_size": c.PAGE_SIZE,
        "greeting": c.get("GREETING"),
        "missing": c.get("NOPE", "fallback"),
        "low_stock": c.LOW_STOCK,
        "max_cart": c.MAX_CART,
        "lower_loaded": "lowercase_ignored" in c,
        "updates": UPDATES,
        "request_max": c.REQUEST_MAX_SIZE,
        "default_timeout": c.defaults["REQUEST_TIMEOUT"],
        "default_tax": c.defaults.get("TAX_RATE"),
        "env": c.ENV_PREFIX if hasattr(c, "ENV_PREFIX") else None,
    })


@app.get("/config/missing")
async def missing(request):
    return text(str(request.app.config.NOT_THERE))


@app.get("/stats")
async def stats(request):
    return json({"hits": request.app.ctx.hits, "langs": request.app.ctx.langs,
                 "ctx": type(request.app.ctx).__name__})


@app.post("/cart")
async def cart(request: ShopRequest):
    items = request.json or []
    if len(items) > request.app.config.MAX_CART:
        return json({"error": f"at most {request.app.config.MAX_CART} items",
                     "locale": request.locale}, status=422)
    total = sum(i.get("price", 0) * i.get("qty", 1) for i in items)
    return json({"total": round(total * (1 + request.app.config.TAX_RATE), 2),
                 "currency": request.app.config.CURRENCY, "user": request.ctx.user})
