"""Print logging facts of the installed `sanic` (run under both venvs, diff)."""
import inspect
import json
import logging

import sanic.log as L

out = []
def p(*a):
    out.append(" ".join(str(x) for x in a))

p("log names", sorted(n for n in dir(L) if not n.startswith("_")))
for n in ("logger", "error_logger", "access_logger", "server_logger", "websockets_logger", "deprecation_logger"):
    lg = getattr(L, n, None)
    if lg is None:
        p(n, None)
        continue
    p(n, lg.name, logging.getLevelName(lg.level), lg.propagate, [type(h).__name__ for h in lg.handlers], [type(f).__name__ for f in lg.filters])
p("defaults", json.dumps(L.LOGGING_CONFIG_DEFAULTS, sort_keys=True, default=repr))
for n in ("deprecation",):
    f = getattr(L, n, None)
    p(n, f and inspect.signature(f))
try:
    import sanic.logging.formatter as F
    p("formatters", sorted(n for n in dir(F) if not n.startswith("_") and n[0].isupper()))
except Exception as e:
    p("formatter err", e)
try:
    import sanic.logging.setup as S
    p("setup", sorted(n for n in dir(S) if not n.startswith("_")))
    p("setup sig", inspect.signature(S.setup_logging))
except Exception as e:
    p("setup err", e)
try:
    import sanic.logging.default as D
    p("default", sorted(n for n in dir(D) if not n.startswith("_")))
except Exception as e:
    p("default err", e)
try:
    import sanic.logging.filter as FL
    p("filter", sorted(n for n in dir(FL) if not n.startswith("_")))
except Exception as e:
    p("filter err", e)
try:
    import sanic.logging.color as C
    p("color", sorted(n for n in dir(C) if not n.startswith("_")))
except Exception as e:
    p("color err", e)
try:
    import sanic.logging.deprecation as DP
    p("deprecation mod", sorted(n for n in dir(DP) if not n.startswith("_")))
except Exception as e:
    p("deprecation mod err", type(e).__name__)
from sanic.config import DEFAULT_CONFIG  # noqa: E402

p("config", {k: v for k, v in DEFAULT_CONFIG.items() if "LOG" in k or "DEPREC" in k or "NOISY" in k or "COLOR" in k or "MOTD" in k})
print("\n".join(out))
