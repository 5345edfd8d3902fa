"""Which attributes a ``Sanic`` instance (and a subclass's) lets a plugin set after
``__init__``: run under either interpreter, ``python app_setattr.py``, and diff the two.

Found in the ninth round of real-world test suites (``../../README.md``): sanic-dispatcher
replaces ``app.handle_request``, which Sanic refuses (its instances have slots: methods
are read-only) and Hurtle stored and never called, until it refused it too. ``KEPT`` marks
the names on which the two still differ.
"""

from sanic import Sanic

Sanic.test_mode = True

#: Sanic lets an instance replace these containers (slots); Hurtle's are views of its
#: registries, read-only (``request_middleware``/``response_middleware`` have setters).
KEPT = {"listeners", "named_request_middleware", "named_response_middleware"}

NAMES = (
    "handle_request route get run url_for add_route dispatch update_config __call__ "
    "_run_request_middleware _helper name config ctx router error_handler signal_router "
    "debug asgi blueprints listeners websocket_enabled is_running state test_client "
    "asgi_client shared_ctx request_class request_middleware response_middleware "
    "named_request_middleware named_response_middleware configure_logging multiplexer "
    "auto_reload strict_slashes sock _future_routes foo _foo test_mode _app_registry"
).split()


class Sub(Sanic):
    pass


for cls in (Sanic, Sub):
    app = cls(f"setattr_{cls.__name__}")
    for name in NAMES:
        try:
            setattr(app, name, getattr(app, name, None))
            outcome = "set"
        except AttributeError as e:
            outcome = "refused" if str(e).startswith("Setting variables on") else repr(e)
        except Exception as e:  # e.g. the loop before the start
            outcome = type(e).__name__
        print(f"{cls.__name__:6} {name:28} {outcome}{'  (KEPT)' if name in KEPT else ''}")
