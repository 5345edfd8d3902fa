"""``sanic.http``: The HTTP/1.1 connection state machine."""

from hurtle_http.http import Http
from hurtle_http.stages import Stage

# As Sanic: ``import sanic`` makes the submodules reachable as attributes
# (``sanic.http.http1.Http``), which code and mocks use without importing them.
from sanic.http import constants as constants
from sanic.http import http1 as http1
from sanic.http import stream as stream
from sanic.http import tls as tls

__all__ = ["Http", "Stage"]

from sanic._submodules import lazy_submodules as _lazy_submodules

__getattr__ = _lazy_submodules(__name__)
