"""Sanic app object: constructor, names, registry, repr, ctx, state."""

from types import SimpleNamespace

from _probe import fmt, show

from sanic import Sanic
from sanic.config import Config

show("test_mode default", lambda: Sanic.test_mode)
for name in [
    "ok",
    "with_underscore",
    "with-dash",
    "Mixed1",
    "1starts_digit",
    "has space",
    "dot.ted",
    "",
    "a/b",
    "ü",
]:
    show(f"Sanic({name!r})", lambda n=name: Sanic(n).name)
show("Sanic() no name", lambda: Sanic())
show("Sanic(None)", lambda: Sanic(None))
show("Sanic(123)", lambda: Sanic(123))
show("duplicate name", lambda: Sanic("ok"))
Sanic.test_mode = True
show("duplicate name in test_mode", lambda: Sanic("ok").name)
Sanic.test_mode = False

app = Sanic("probeapp")
show("repr", lambda: repr(app))
show("str", lambda: str(app))
show("name", lambda: app.name)
show("ctx type", lambda: type(app.ctx).__name__)
show("ctx vars", lambda: vars(app.ctx))
app.ctx.foo = 1
show("ctx foo", lambda: app.ctx.foo)
show("config type", lambda: type(app.config).__name__)
show("config isinstance Config", lambda: isinstance(app.config, Config))
show("strict_slashes", lambda: app.strict_slashes)
show("configure_logging", lambda: app.configure_logging)
show("inspector", lambda: getattr(app, "inspector", "missing"))
show("auto_reload", lambda: app.auto_reload)
show("debug", lambda: app.debug)
show("is_running", lambda: app.state.is_running)
show("state.stage", lambda: str(app.state.stage))
show("state.mode", lambda: str(app.state.mode))
show("state.server", lambda: str(app.state.server))
show("state.host", lambda: app.state.host)
show("state.port", lambda: app.state.port)
show("state.workers", lambda: app.state.workers)
show("state.verbosity", lambda: app.state.verbosity)
show("state.is_debug", lambda: app.state.is_debug)
show("state.fast", lambda: app.state.fast)
show("state.ssl", lambda: app.state.ssl)
show("state.unix", lambda: app.state.unix)
show("state.primary", lambda: app.state.primary)
show("state.reload_dirs", lambda: app.state.reload_dirs)
show("state.coffee", lambda: app.state.coffee)
show("state.asgi", lambda: app.state.asgi)
show("state.is_started", lambda: app.state.is_started)
show("state.is_stopping", lambda: app.state.is_stopping)
show("state.mode repr", lambda: app.state.mode)
show("blueprints", lambda: app.blueprints)
show("listeners", lambda: dict(app.listeners))
show("request_middleware", lambda: list(app.request_middleware))
show("response_middleware", lambda: list(app.response_middleware))
show("named_request_middleware", lambda: dict(app.named_request_middleware))
show("websocket_enabled", lambda: app.websocket_enabled)
show("asgi", lambda: app.asgi)
show("sock", lambda: getattr(app, "sock", "missing"))
show("tasks", lambda: list(app.tasks))
show("shared_ctx type", lambda: type(app.shared_ctx).__name__)
show("router type", lambda: type(app.router).__name__)
show("signal_router type", lambda: type(app.signal_router).__name__)
show("error_handler type", lambda: type(app.error_handler).__name__)
show("request_class", lambda: app.request_class.__name__)
show("_state in registry", lambda: Sanic.get_app("probeapp") is app)
show("get_app missing", lambda: Sanic.get_app("nope"))
show("get_app missing force_create", lambda: Sanic.get_app("nope2", force_create=True).name)
show("get_app no name", lambda: Sanic.get_app().name)
show("_app_registry keys", lambda: sorted(Sanic._app_registry))
show("unregister", lambda: Sanic.unregister_app(app))
show("after unregister", lambda: Sanic.get_app("probeapp"))
show("register again", lambda: Sanic.register_app(app))
show("register non-app", lambda: Sanic.register_app(object()))

ctx = SimpleNamespace(a=1)
a2 = Sanic("withctx", ctx=ctx, strict_slashes=True, env_prefix="MYAPP_")
show("ctx passed", lambda: a2.ctx is ctx)
show("strict_slashes passed", lambda: a2.strict_slashes)
show(
    "config env_prefix",
    lambda: a2.config.ENV_PREFIX if hasattr(a2.config, "ENV_PREFIX") else "no attr",
)
a3 = Sanic("withcfg", config=Config(keep_alive=False))
show("config= object KEEP_ALIVE", lambda: a3.config.KEEP_ALIVE)
show("config= dict", lambda: Sanic("withdict", config={"A": 1}).config.A)
show("inspector=True", lambda: Sanic("insp", inspector=True).config.INSPECTOR)
show("log_config", lambda: Sanic("logc", log_config={"version": 1}).name)
show("configure_logging False", lambda: Sanic("nolog", configure_logging=False).configure_logging)
show("dumps", lambda: Sanic("dumps", dumps=lambda o: "X").name)
show("loads", lambda: Sanic("loads", loads=lambda o: "X").name)
show("router=None", lambda: Sanic("r1", router=None).router is not None)
show("unknown kwarg", lambda: Sanic("bad", nonsense=1))
show("fmt app", lambda: fmt(app))
show("app.m type", lambda: type(app.m).__name__)
show("app.m.name", lambda: app.m.name)
show("app.m.pid is int", lambda: isinstance(app.m.pid, int))
show("app.m.state", lambda: app.m.state)
