"""sanic.log.deprecation under each DEPRECATION_FILTER (run under both venvs)."""
import sys
import warnings

from sanic import Sanic
from sanic.log import deprecation

mode = sys.argv[1] if len(sys.argv) > 1 else "default"
app = Sanic("D")
if mode != "unset":
    app.config.DEPRECATION_FILTER = mode
print("filters before", [f[0] for f in warnings.filters[:3]], file=sys.stderr)
try:
    deprecation("first message", 99.9)
    deprecation("first message", 99.9)
    deprecation("second", 1)
    deprecation("third", 26.3)
except Exception as e:
    print("raised", type(e).__name__, e, file=sys.stderr)
print("filters after", [f[0] for f in warnings.filters[:3]], file=sys.stderr)
print("done", file=sys.stderr)
