"""deprecation() text under terminals: which stream decides the colour."""
import sys
import warnings

warnings.simplefilter("always")
from sanic.log import deprecation  # noqa: E402


def show(m):
    sys.__stderr__.write(repr(str(m.message)) + "\n")
warnings.showwarning = lambda message, *a, **k: show(type("M", (), {"message": message}))
deprecation("msg", 22.6)
deprecation("msg", 0)
deprecation("msg", None)
